-- Printed forms by Circular 03/2025 and Decree 30/2020 (issue #9).
-- The desk's name and who chairs the commune's People's Committee are desk settings: the name is printed on
-- the forms the desk issues, and the chair decides the signer block ("TM. Ủy ban nhân dân / Chủ tịch" for the
-- chair, "KT. Chủ tịch / Phó Chủ tịch" for any other leader).
ALTER TABLE commune_settings
  ADD COLUMN desk_name text CHECK (desk_name IS NULL OR length(desk_name) BETWEEN 1 AND 200),
  ADD COLUMN chair_user_id uuid REFERENCES users (id) ON DELETE SET NULL;

-- The register book (Mẫu 07) and the receipt (Mẫu 01) share one numbering: one book a year per commune desk,
-- entries numbered from 1 as dossiers are received. The counter row is locked by the receiving transaction, so
-- two receipts never take the same number and a failed one leaves no gap.
CREATE TABLE dossier_register_counters (
  commune_code text NOT NULL REFERENCES admin_units (code),
  year         int  NOT NULL CHECK (year BETWEEN 2000 AND 2999),
  last_value   int  NOT NULL CHECK (last_value >= 1),
  PRIMARY KEY (commune_code, year)
);

ALTER TABLE dossiers
  ADD COLUMN register_year int,
  ADD COLUMN register_number int,
  ADD CONSTRAINT dossiers_register_entry_whole CHECK ((register_year IS NULL) = (register_number IS NULL));
CREATE UNIQUE INDEX dossiers_register_entry_idx ON dossiers (commune_code, register_year, register_number) WHERE register_number IS NOT NULL;

-- Dossiers received before this migration get their entries in the order they were received.
WITH entries AS (
  SELECT id, commune_code, extract(year FROM received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS y,
         row_number() OVER (PARTITION BY commune_code, extract(year FROM received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                            ORDER BY received_at, id) AS n
  FROM dossiers WHERE received_at IS NOT NULL
)
UPDATE dossiers d SET register_year = e.y, register_number = e.n FROM entries e WHERE d.id = e.id;
INSERT INTO dossier_register_counters (commune_code, year, last_value)
  SELECT commune_code, register_year, max(register_number) FROM dossiers WHERE register_number IS NOT NULL GROUP BY 1, 2;
