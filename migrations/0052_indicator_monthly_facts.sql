-- Indicators at province scale, second step (ADR 0016): a quarter's sums for a province read ~225,000 daily fact rows
-- (100 communes × 90 days × 25 elements). The same sums per calendar month are kept beside them, so a month, a quarter
-- or a year reads whole months (7,500 rows for a quarter) and only the edges of a year to date read days. Kept by
-- statement-level triggers on the daily facts in the refresh's own transaction (as the coverage rollups, ADR 0012):
-- the months a statement touched are summed again from the days. Only the 'sum' elements are read from here; stocks
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

CREATE FUNCTION indicator_monthly_resum(touched jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM indicator_monthly_facts m USING jsonb_array_elements(touched) x
  WHERE m.commune_code = x ->> 'c' AND m.month = (x ->> 'm')::date;
  INSERT INTO indicator_monthly_facts (element_key, unit_code, commune_code, province_code, month, value)
    SELECT f.element_key, f.unit_code, f.commune_code, min(f.province_code), t.month, sum(f.value)
    FROM (SELECT DISTINCT x ->> 'c' AS commune_code, (x ->> 'm')::date AS month FROM jsonb_array_elements(touched) x) t
    JOIN indicator_daily_facts f ON f.commune_code = t.commune_code AND f.day >= t.month AND f.day < (t.month + interval '1 month')::date
    GROUP BY f.element_key, f.unit_code, f.commune_code, t.month;
END $$;

-- One function per event: a transition table exists only for its own event.
CREATE FUNCTION indicator_monthly_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_monthly_resum((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('c', commune_code, 'm', date_trunc('month', day)::date)), '[]') FROM new_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION indicator_monthly_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_monthly_resum((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('c', commune_code, 'm', date_trunc('month', day)::date)), '[]') FROM old_rows));
  RETURN NULL;
END $$;
CREATE FUNCTION indicator_monthly_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM indicator_monthly_resum((SELECT coalesce(jsonb_agg(DISTINCT jsonb_build_object('c', commune_code, 'm', date_trunc('month', day)::date)), '[]')
    FROM (SELECT commune_code, day FROM new_rows UNION SELECT commune_code, day FROM old_rows) r));
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
