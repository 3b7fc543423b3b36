-- Indicators at province scale, second step (ADR 0016): a quarter's sums for a province read ~225,000 daily fact rows
-- (100 communes × 90 days × 25 elements). The same sums per calendar month are kept beside them, so a month, a quarter
-- or a year reads whole months (7,500 rows for a quarter) and only the edges of a year to date read days. Kept by
-- statement-level triggers on the daily facts in the refresh's own transaction (as the coverage rollups, ADR 0012):
-- each statement's rows are added to (or taken from) their months. Only the 'sum' elements are read from here; stocks
-- keep their change-only snapshots in the daily facts.
CREATE TABLE indicator_monthly_facts (
  element_key    text NOT NULL,
  unit_code      text NOT NULL,
  commune_code   text NOT NULL,
  province_code  text NOT NULL,
  month          date NOT NULL CHECK (extract(day FROM month) = 1),
  value          numeric NOT NULL,
  PRIMARY KEY (commune_code, month, element_key, unit_code)
);
CREATE INDEX indicator_monthly_facts_element_idx ON indicator_monthly_facts (province_code, element_key, month) INCLUDE (commune_code, unit_code, value);

-- Kept by deltas: a statement's inserted rows are added to their months and its deleted rows subtracted, so the cost
-- follows the rows the refresh rewrote, not the months they fall in (numeric: exact).
CREATE FUNCTION indicator_monthly_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_monthly_facts AS m (element_key, unit_code, commune_code, province_code, month, value)
    SELECT element_key, unit_code, commune_code, min(province_code), date_trunc('month', day)::date, sum(value)
    FROM new_rows GROUP BY element_key, unit_code, commune_code, date_trunc('month', day)::date
  ON CONFLICT (commune_code, month, element_key, unit_code) DO UPDATE SET value = m.value + excluded.value;
  RETURN NULL;
END $$;
CREATE FUNCTION indicator_monthly_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE indicator_monthly_facts m SET value = m.value - d.value
  FROM (SELECT element_key, unit_code, commune_code, date_trunc('month', day)::date AS month, sum(value) AS value
        FROM old_rows GROUP BY 1, 2, 3, 4) d
  WHERE m.commune_code = d.commune_code AND m.month = d.month AND m.element_key = d.element_key AND m.unit_code = d.unit_code;
  RETURN NULL;
END $$;
CREATE FUNCTION indicator_monthly_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_monthly_facts AS m (element_key, unit_code, commune_code, province_code, month, value)
    SELECT element_key, unit_code, commune_code, min(province_code), month, sum(value)
    FROM (SELECT element_key, unit_code, commune_code, province_code, date_trunc('month', day)::date AS month, value FROM new_rows
          UNION ALL
          SELECT element_key, unit_code, commune_code, province_code, date_trunc('month', day)::date, -value FROM old_rows) r
    GROUP BY element_key, unit_code, commune_code, month
  ON CONFLICT (commune_code, month, element_key, unit_code) DO UPDATE SET value = m.value + excluded.value;
  RETURN NULL;
END $$;
CREATE TRIGGER indicator_monthly_insert AFTER INSERT ON indicator_daily_facts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_monthly_after_insert();
CREATE TRIGGER indicator_monthly_delete AFTER DELETE ON indicator_daily_facts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_monthly_after_delete();
CREATE TRIGGER indicator_monthly_update AFTER UPDATE ON indicator_daily_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_monthly_after_update();

-- Facts already there.
INSERT INTO indicator_monthly_facts (element_key, unit_code, commune_code, province_code, month, value)
SELECT element_key, unit_code, commune_code, min(province_code), date_trunc('month', day)::date, sum(value)
FROM indicator_daily_facts GROUP BY element_key, unit_code, commune_code, date_trunc('month', day)::date;
