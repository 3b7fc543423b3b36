-- Indicators (docs/indicators.md): indicator sets defined as data and versioned, targets per unit and year, values
-- entered by hand for what no software can know (with their review), and the daily facts the refresh computes from
-- the views other modules publish. The indicators module owns these tables and writes no other.

-- One row per version of a set. province_code null: shipped with XãSố for every province; a province's own copy
-- (its edited template) replaces the shipped set for its units. definition: IndicatorSetDefinition (set-definition.ts).
CREATE TABLE indicator_sets (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key            text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  version        int NOT NULL CHECK (version > 0),
  province_code  text REFERENCES admin_units (code),
  definition     jsonb NOT NULL,
  active         boolean NOT NULL DEFAULT true,
  shipped        boolean NOT NULL DEFAULT false,
  note           text NOT NULL DEFAULT '',
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX indicator_sets_version_uq ON indicator_sets (key, coalesce(province_code, ''), version);
-- The version in use: one per key and owner.
CREATE UNIQUE INDEX indicator_sets_active_uq ON indicator_sets (key, coalesce(province_code, '')) WHERE active;

-- The aim for a unit and a year, in the indicator's own unit (%, count, points).
CREATE TABLE indicator_targets (
  set_key        text NOT NULL,
  indicator_key  text NOT NULL,
  unit_code      text NOT NULL REFERENCES admin_units (code),
  year           int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  target         numeric NOT NULL,
  set_by         uuid REFERENCES users (id),
  set_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (set_key, indicator_key, unit_code, year)
);

-- A value entered by hand for a unit and a period ('2026-11', '2026-Q4', '2026'). Only approved values count; an
-- approved value is locked (a correction reopens it through the review, and the audit log keeps every step).
CREATE TABLE indicator_manual_values (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  element_key     text NOT NULL CHECK (element_key ~ '^[a-z][a-z0-9_]{0,62}$'),
  unit_code       text NOT NULL REFERENCES admin_units (code),
  commune_code    text NOT NULL,
  province_code   text NOT NULL,
  unit_path       text NOT NULL,
  period          text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
  period_start    date NOT NULL,
  period_end      date NOT NULL,
  value           numeric,
  note            text NOT NULL DEFAULT '',
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  revision        int NOT NULL DEFAULT 1,
  entered_by      uuid REFERENCES users (id),
  entered_at      timestamptz NOT NULL DEFAULT now(),
  submitted_by    uuid REFERENCES users (id),
  submitted_at    timestamptz,
  reviewed_by     uuid REFERENCES users (id),
  reviewed_at     timestamptz,
  review_comment  text,
  UNIQUE (element_key, unit_code, period)
);
CREATE INDEX indicator_manual_values_province_idx ON indicator_manual_values (province_code, period_end) WHERE status = 'approved';
CREATE INDEX indicator_manual_values_status_idx ON indicator_manual_values (province_code, status);

-- Daily facts: one number per data element, unit and Vietnam day, computed by the refresh from published views.
-- unit_code is the village when the source knows it, else the commune. Elements counted over a period ('sum') add
-- their days; stocks ('last': households, people with a skill) keep a snapshot per day refreshed and are read as the
-- latest snapshot by the end of the period. Roll-ups add numbers from here and divide afterwards, never averaging.
CREATE TABLE indicator_daily_facts (
  element_key    text NOT NULL,
  unit_code      text NOT NULL,
  commune_code   text NOT NULL,
  province_code  text NOT NULL,
  day            date NOT NULL,
  value          numeric NOT NULL,
  PRIMARY KEY (commune_code, day, element_key, unit_code)
);
CREATE INDEX indicator_daily_facts_province_idx ON indicator_daily_facts (province_code, day);

-- What each source's refresh has covered: its watermark and its last run, for the "as of" line and the benchmark.
CREATE TABLE indicator_refresh_state (
  source         text PRIMARY KEY,
  watermark      timestamptz,
  last_run_at    timestamptz,
  last_ms        int,
  last_rows      int
);
