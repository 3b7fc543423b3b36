-- Evidence of manual indicator values (docs/indicators/entry.md): the files a commune attaches to prove a value it
-- enters (a contract, a photo of the wifi point, a list). The bytes live in stored_files like every upload; this row
-- says which value the file proves, its checked name, type and size, and who added it. Removing evidence deletes
-- the row (the event keeps the trail); a value's evidence goes with it only if the value itself is deleted.
CREATE TABLE indicator_evidence (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  value_id      uuid NOT NULL REFERENCES indicator_manual_values (id) ON DELETE CASCADE,
  file_id       uuid NOT NULL REFERENCES stored_files (id),
  name          text NOT NULL,
  media_type    text NOT NULL,
  size_bytes    int NOT NULL CHECK (size_bytes > 0),
  uploaded_by   uuid REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX indicator_evidence_value_idx ON indicator_evidence (value_id, uploaded_at);

-- The entry form and the status list read a commune's values of one period; the review queue reads a province's
-- submitted values (indicator_manual_values_status_idx of 0046 covers it).
CREATE INDEX indicator_manual_values_commune_period_idx ON indicator_manual_values (commune_code, period);
