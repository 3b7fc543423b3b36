-- Scheduled indicator reports (docs/indicators/exports.md): who receives a unit's monthly digital-transformation
-- report, and each report generated (its PDF in stored_files, its workbook here: stored_files takes no spreadsheet).
-- Owned by the indicators module (its exports part).

CREATE TABLE indicator_report_subscriptions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_code   text NOT NULL REFERENCES admin_units (code),
  -- The unit's path, so that a list is filtered by the reader's scope without a join.
  unit_path   text NOT NULL,
  set_keys    text[] NOT NULL CHECK (cardinality(set_keys) BETWEEN 1 AND 20),
  grouping    text NOT NULL DEFAULT 'self' CHECK (grouping IN ('self', 'children')),
  -- E-mail addresses, lower-cased; the report's link needs a sign-in, so an address outside the office reads nothing.
  recipients  text[] NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 30),
  active      boolean NOT NULL DEFAULT true,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  ended_by    uuid REFERENCES users (id),
  ended_at    timestamptz
);
CREATE INDEX indicator_report_subscriptions_unit_idx ON indicator_report_subscriptions (unit_path text_pattern_ops) WHERE active;

-- One report per subscription and period: the unique key makes a second run of the daily task a no-op.
CREATE TABLE indicator_report_runs (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id  uuid NOT NULL REFERENCES indicator_report_subscriptions (id),
  period           text NOT NULL,
  pdf_file_id      uuid NOT NULL REFERENCES stored_files (id),
  xlsx             bytea NOT NULL,
  recipients       text[] NOT NULL,
  generated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subscription_id, period)
);
