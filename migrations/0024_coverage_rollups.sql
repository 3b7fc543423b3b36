-- Coverage figures for a province of 500,000 households must come in well under a second, so outreach keeps two
-- rollups, recomputed from the records by statement-level triggers in the same transaction as every write that
-- changes them (no periodic job): one row per household, and per-village counts of people by birth year and skill.
-- The triggers read the registry's rows (NEW/OLD and the published views) and write only these outreach tables.
-- docs/community/coverage.md explains each figure; test/… checks the rollups against a recount.

-- The built-in checklist (outreach/skills.ts BUILT_IN_SKILLS; a test keeps both lists equal).
CREATE FUNCTION coverage_default_skills() RETURNS text[] LANGUAGE sql IMMUTABLE AS
$$ SELECT ARRAY['vneid_level2', 'cashless_payment', 'online_public_service', 'online_shopping', 'cyber_safety', 'citizen_app'] $$;

-- The active skills of a province: its own list once it has one, else the built-in defaults.
CREATE FUNCTION coverage_active_skills(province text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM skill_definitions WHERE province_code = province)
    THEN coalesce((SELECT array_agg(key ORDER BY sort, key) FROM skill_definitions WHERE province_code = province AND active), '{}')
    ELSE coverage_default_skills() END
$$;

-- Birth years before 2000 are stored as 2000: anyone born by then is an adult on every day after 2018, so the
-- counts stay right as the years pass while a village keeps few rows.
CREATE FUNCTION coverage_year_bucket(y int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(y, 2000) $$;

CREATE TABLE household_coverage (
  household_id        uuid PRIMARY KEY,
  commune_code        text NOT NULL,
  village_code        text NOT NULL,
  unit_path           text NOT NULL,
  members             int NOT NULL,
  proficient_members  int NOT NULL,          -- members holding every active skill of the province
  last_visit_on       date                   -- null: never visited
);
CREATE INDEX household_coverage_path_idx ON household_coverage (unit_path text_pattern_ops);

-- People of a village per birth-year bucket: skill_key '' counts everyone, any other key those who hold it.
CREATE TABLE village_skill_counts (
  village_code  text NOT NULL,
  commune_code  text NOT NULL,
  unit_path     text NOT NULL,
  birth_year    int NOT NULL,
  skill_key     text NOT NULL,
  people        int NOT NULL,
  PRIMARY KEY (village_code, birth_year, skill_key)
);
CREATE INDEX village_skill_counts_path_idx ON village_skill_counts (unit_path text_pattern_ops);

-- Set-based (joins on unnest, not a subquery per person): the same function serves one household and 500,000.
CREATE FUNCTION coverage_refresh_households(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM household_coverage hc USING unnest(ids) AS x(id)
  WHERE hc.household_id = x.id AND NOT EXISTS (SELECT 1 FROM household_refs h WHERE h.id = x.id AND h.archived_at IS NULL);
  WITH hh AS (
    SELECT h.id, h.commune_code, h.village_code, h.unit_path, split_part(h.unit_path, '/', 2) AS province
    FROM unnest(ids) AS x(id) JOIN household_refs h ON h.id = x.id AND h.archived_at IS NULL
  ),
  active AS (SELECT p.province, coverage_active_skills(p.province) AS keys FROM (SELECT DISTINCT province FROM hh) p),
  members AS (
    SELECT r.id, r.household_id, a.keys FROM hh JOIN resident_refs r ON r.household_id = hh.id AND r.archived_at IS NULL
    JOIN active a ON a.province = hh.province
  ),
  held AS (
    SELECT m.id, count(*) AS n FROM members m JOIN resident_skills s ON s.resident_id = m.id AND s.skill_key = ANY(m.keys) GROUP BY m.id
  ),
  per_household AS (
    SELECT m.household_id, count(*) AS members,
           count(*) FILTER (WHERE cardinality(m.keys) > 0 AND coalesce(held.n, 0) = cardinality(m.keys)) AS proficient
    FROM members m LEFT JOIN held ON held.id = m.id GROUP BY m.household_id
  ),
  last_visit AS (SELECT v.household_id, max(v.visited_on) AS day FROM hh JOIN visits v ON v.household_id = hh.id GROUP BY v.household_id)
  INSERT INTO household_coverage (household_id, commune_code, village_code, unit_path, members, proficient_members, last_visit_on)
  SELECT hh.id, hh.commune_code, hh.village_code, hh.unit_path, coalesce(p.members, 0), coalesce(p.proficient, 0), lv.day
  FROM hh LEFT JOIN per_household p ON p.household_id = hh.id LEFT JOIN last_visit lv ON lv.household_id = hh.id
  ON CONFLICT (household_id) DO UPDATE SET commune_code = excluded.commune_code, village_code = excluded.village_code,
    unit_path = excluded.unit_path, members = excluded.members, proficient_members = excluded.proficient_members,
    last_visit_on = excluded.last_visit_on;
$$;

-- Everything under a path at once (a province whose checklist changed, rows present before this migration, a bulk
-- load): full scans and hash joins, where the id-list functions above would look up 500,000 households one by one.
-- Its hash joins need memory: the default work_mem (4 MB) spills a province's 2 million people to disk many times.
CREATE FUNCTION coverage_refresh_under(prefix text) RETURNS void LANGUAGE sql SET work_mem = '256MB' AS $$
  DELETE FROM household_coverage WHERE unit_path LIKE prefix || '%';
  WITH hh AS (
    SELECT h.id, h.commune_code, h.village_code, h.unit_path, split_part(h.unit_path, '/', 2) AS province
    FROM household_refs h WHERE h.unit_path LIKE prefix || '%' AND h.archived_at IS NULL
  ),
  active AS (SELECT p.province, coverage_active_skills(p.province) AS keys FROM (SELECT DISTINCT province FROM hh) p),
  members AS (
    SELECT r.id, r.household_id, a.keys FROM hh JOIN resident_refs r ON r.household_id = hh.id AND r.archived_at IS NULL
    JOIN active a ON a.province = hh.province
  ),
  held AS (
    SELECT m.id, count(*) AS n FROM members m JOIN resident_skills s ON s.resident_id = m.id AND s.skill_key = ANY(m.keys) GROUP BY m.id
  ),
  per_household AS (
    SELECT m.household_id, count(*) AS members,
           count(*) FILTER (WHERE cardinality(m.keys) > 0 AND coalesce(held.n, 0) = cardinality(m.keys)) AS proficient
    FROM members m LEFT JOIN held ON held.id = m.id GROUP BY m.household_id
  ),
  last_visit AS (SELECT v.household_id, max(v.visited_on) AS day FROM visits v WHERE v.unit_path LIKE prefix || '%' GROUP BY v.household_id)
  INSERT INTO household_coverage (household_id, commune_code, village_code, unit_path, members, proficient_members, last_visit_on)
  SELECT hh.id, hh.commune_code, hh.village_code, hh.unit_path, coalesce(p.members, 0), coalesce(p.proficient, 0), lv.day
  FROM hh LEFT JOIN per_household p ON p.household_id = hh.id LEFT JOIN last_visit lv ON lv.household_id = hh.id;

  DELETE FROM village_skill_counts WHERE unit_path LIKE prefix || '%';
  WITH people AS (
    SELECT r.id, r.village_code, r.commune_code, r.unit_path, coverage_year_bucket(r.birth_year) AS bucket
    FROM resident_refs r WHERE r.unit_path LIKE prefix || '%' AND r.archived_at IS NULL AND r.household_id IS NOT NULL
  )
  INSERT INTO village_skill_counts (village_code, commune_code, unit_path, birth_year, skill_key, people)
  SELECT village_code, min(commune_code), min(unit_path), bucket, '', count(*) FROM people GROUP BY village_code, bucket
  UNION ALL
  SELECT p.village_code, min(p.commune_code), min(p.unit_path), p.bucket, s.skill_key, count(*)
  FROM people p JOIN resident_skills s ON s.resident_id = p.id GROUP BY p.village_code, p.bucket, s.skill_key;
$$;

-- Village counts change by deltas: minus what the old rows counted, plus what the new rows count (a recount of a
-- village would scan the residents by village, which has no index of its own). Zero rows are removed.
CREATE FUNCTION coverage_bump(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT x.village_code, x.commune_code, x.unit_path, x.birth_year, x.skill_key, x.people
    FROM jsonb_to_recordset(deltas) AS x(village_code text, commune_code text, unit_path text, birth_year int, skill_key text, people int)
  ),
  summed AS (
    SELECT village_code, min(commune_code) AS commune_code, min(unit_path) AS unit_path, birth_year, skill_key, sum(people)::int AS people
    FROM d GROUP BY village_code, birth_year, skill_key HAVING sum(people) <> 0
  ),
  upserted AS (
    INSERT INTO village_skill_counts AS v (village_code, commune_code, unit_path, birth_year, skill_key, people)
    SELECT * FROM summed
    ON CONFLICT (village_code, birth_year, skill_key) DO UPDATE SET people = v.people + excluded.people
    RETURNING v.village_code, v.birth_year, v.skill_key, v.people
  )
  DELETE FROM village_skill_counts v USING upserted u
  WHERE u.people = 0 AND v.village_code = u.village_code AND v.birth_year = u.birth_year AND v.skill_key = u.skill_key;
$$;

-- What a set of residents (as rows: id, village, commune, path, birth year) counts, with a sign.
CREATE FUNCTION coverage_people_deltas(people jsonb, sign int) RETURNS jsonb LANGUAGE sql STABLE AS $$
  WITH p AS (
    SELECT x.id, x.village_code, x.commune_code, x.unit_path, coverage_year_bucket(x.birth_year) AS birth_year
    FROM jsonb_to_recordset(people) AS x(id uuid, village_code text, commune_code text, unit_path text, birth_year int, household_id uuid, archived_at timestamptz)
    WHERE x.archived_at IS NULL AND x.household_id IS NOT NULL
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object('village_code', village_code, 'commune_code', commune_code, 'unit_path', unit_path,
    'birth_year', birth_year, 'skill_key', skill_key, 'people', sign)), '[]')
  FROM (SELECT p.*, '' AS skill_key FROM p UNION ALL SELECT p.*, s.skill_key FROM p JOIN resident_skills s ON s.resident_id = p.id) c;
$$;

-- residents: the old and the new household of every changed row; the village counts by deltas.
CREATE FUNCTION coverage_on_residents() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT DISTINCT household_id FROM old_rows WHERE household_id IS NOT NULL));
    deltas := deltas || coverage_people_deltas((SELECT coalesce(jsonb_agg(to_jsonb(o)), '[]') FROM old_rows o), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT DISTINCT household_id FROM new_rows WHERE household_id IS NOT NULL));
    deltas := deltas || coverage_people_deltas((SELECT coalesce(jsonb_agg(to_jsonb(n)), '[]') FROM new_rows n), 1);
  END IF;
  PERFORM coverage_bump(deltas);
  RETURN NULL;
END $$;
CREATE TRIGGER coverage_residents_ins AFTER INSERT ON residents REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_residents();
CREATE TRIGGER coverage_residents_upd AFTER UPDATE ON residents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_residents();
CREATE TRIGGER coverage_residents_del AFTER DELETE ON residents REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_residents();

CREATE FUNCTION coverage_on_households() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT id FROM old_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER coverage_households_ins AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_households();
CREATE TRIGGER coverage_households_upd AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_households();
CREATE TRIGGER coverage_households_del AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_households();

-- resident_skills: the households of the residents concerned; the village counts by deltas of the skill rows.
CREATE FUNCTION coverage_on_resident_skills() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := (SELECT coalesce(jsonb_agg(jsonb_build_object('resident_id', resident_id, 'skill_key', skill_key, 'sign', 1)), '[]') FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    changed := (SELECT coalesce(jsonb_agg(jsonb_build_object('resident_id', resident_id, 'skill_key', skill_key, 'sign', -1)), '[]') FROM old_rows);
  ELSE
    changed := (SELECT coalesce(jsonb_agg(x), '[]') FROM (
      SELECT jsonb_build_object('resident_id', resident_id, 'skill_key', skill_key, 'sign', -1) AS x FROM old_rows
      UNION ALL SELECT jsonb_build_object('resident_id', resident_id, 'skill_key', skill_key, 'sign', 1) FROM new_rows) u);
  END IF;
  PERFORM coverage_refresh_households(ARRAY(
    SELECT DISTINCT r.household_id FROM jsonb_to_recordset(changed) AS c(resident_id uuid)
    JOIN resident_refs r ON r.id = c.resident_id WHERE r.household_id IS NOT NULL));
  PERFORM coverage_bump((
    SELECT coalesce(jsonb_agg(jsonb_build_object('village_code', r.village_code, 'commune_code', r.commune_code, 'unit_path', r.unit_path,
      'birth_year', coverage_year_bucket(r.birth_year), 'skill_key', c.skill_key, 'people', c.sign)), '[]')
    FROM jsonb_to_recordset(changed) AS c(resident_id uuid, skill_key text, sign int)
    JOIN resident_refs r ON r.id = c.resident_id AND r.archived_at IS NULL AND r.household_id IS NOT NULL));
  RETURN NULL;
END $$;
CREATE TRIGGER coverage_resident_skills_ins AFTER INSERT ON resident_skills REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_resident_skills();
CREATE TRIGGER coverage_resident_skills_upd AFTER UPDATE ON resident_skills REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_resident_skills();
CREATE TRIGGER coverage_resident_skills_del AFTER DELETE ON resident_skills REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_resident_skills();

CREATE FUNCTION coverage_on_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT DISTINCT household_id FROM old_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT DISTINCT household_id FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER coverage_visits_ins AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_visits();
CREATE TRIGGER coverage_visits_upd AFTER UPDATE ON visits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_visits();
CREATE TRIGGER coverage_visits_del AFTER DELETE ON visits REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_visits();

-- A province's checklist changed: who is proficient may change in every household of the province.
CREATE FUNCTION coverage_on_skill_definitions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  provinces text[];
BEGIN
  IF TG_OP = 'INSERT' THEN provinces := ARRAY(SELECT DISTINCT province_code FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN provinces := ARRAY(SELECT DISTINCT province_code FROM old_rows);
  ELSE provinces := ARRAY(SELECT province_code FROM new_rows UNION SELECT province_code FROM old_rows);
  END IF;
  PERFORM coverage_refresh_under('/' || p || '/') FROM unnest(provinces) p;
  RETURN NULL;
END $$;
CREATE TRIGGER coverage_skill_definitions_ins AFTER INSERT ON skill_definitions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_skill_definitions();
CREATE TRIGGER coverage_skill_definitions_upd AFTER UPDATE ON skill_definitions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_skill_definitions();
CREATE TRIGGER coverage_skill_definitions_del AFTER DELETE ON skill_definitions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_skill_definitions();

-- Rows already in the registry when this migration runs.
SELECT coverage_refresh_under('/');
