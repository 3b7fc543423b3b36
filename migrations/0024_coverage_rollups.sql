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

CREATE FUNCTION coverage_refresh_households(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM household_coverage hc WHERE hc.household_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM household_refs h WHERE h.id = hc.household_id AND h.archived_at IS NULL);
  INSERT INTO household_coverage (household_id, commune_code, village_code, unit_path, members, proficient_members, last_visit_on)
  SELECT h.id, h.commune_code, h.village_code, h.unit_path,
    (SELECT count(*) FROM resident_refs r WHERE r.household_id = h.id AND r.archived_at IS NULL),
    (SELECT count(*) FROM resident_refs r
       CROSS JOIN LATERAL (SELECT coverage_active_skills(split_part(h.unit_path, '/', 2)) AS keys) a
       WHERE r.household_id = h.id AND r.archived_at IS NULL AND cardinality(a.keys) > 0
         AND (SELECT count(*) FROM resident_skills s WHERE s.resident_id = r.id AND s.skill_key = ANY(a.keys)) = cardinality(a.keys)),
    (SELECT max(v.visited_on) FROM visits v WHERE v.household_id = h.id)
  FROM household_refs h WHERE h.id = ANY(ids) AND h.archived_at IS NULL
  ON CONFLICT (household_id) DO UPDATE SET commune_code = excluded.commune_code, village_code = excluded.village_code,
    unit_path = excluded.unit_path, members = excluded.members, proficient_members = excluded.proficient_members,
    last_visit_on = excluded.last_visit_on;
$$;

CREATE FUNCTION coverage_refresh_villages(codes text[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM village_skill_counts WHERE village_code = ANY(codes);
  INSERT INTO village_skill_counts (village_code, commune_code, unit_path, birth_year, skill_key, people)
  SELECT r.village_code, min(r.commune_code), min(r.unit_path), coverage_year_bucket(r.birth_year), k.key, count(*)
  FROM resident_refs r
  CROSS JOIN LATERAL (SELECT '' AS key UNION ALL SELECT s.skill_key FROM resident_skills s WHERE s.resident_id = r.id) k
  WHERE r.village_code = ANY(codes) AND r.archived_at IS NULL AND r.household_id IS NOT NULL
  GROUP BY r.village_code, coverage_year_bucket(r.birth_year), k.key;
$$;

-- residents: the old and the new household and village of every changed row.
CREATE FUNCTION coverage_on_residents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT DISTINCT household_id FROM old_rows WHERE household_id IS NOT NULL));
    PERFORM coverage_refresh_villages(ARRAY(SELECT DISTINCT village_code FROM old_rows));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM coverage_refresh_households(ARRAY(SELECT DISTINCT household_id FROM new_rows WHERE household_id IS NOT NULL));
    PERFORM coverage_refresh_villages(ARRAY(SELECT DISTINCT village_code FROM new_rows));
  END IF;
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

-- resident_skills: the households and villages of the residents concerned.
CREATE FUNCTION coverage_on_resident_skills() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  people uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN people := ARRAY(SELECT DISTINCT resident_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN people := ARRAY(SELECT DISTINCT resident_id FROM old_rows);
  ELSE people := ARRAY(SELECT resident_id FROM new_rows UNION SELECT resident_id FROM old_rows);
  END IF;
  PERFORM coverage_refresh_households(ARRAY(SELECT DISTINCT household_id FROM resident_refs WHERE id = ANY(people) AND household_id IS NOT NULL));
  PERFORM coverage_refresh_villages(ARRAY(SELECT DISTINCT village_code FROM resident_refs WHERE id = ANY(people)));
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
  PERFORM coverage_refresh_households(ARRAY(
    SELECT hc.household_id FROM household_coverage hc WHERE hc.unit_path LIKE ANY (ARRAY(SELECT '/' || p || '/%' FROM unnest(provinces) p))));
  RETURN NULL;
END $$;
CREATE TRIGGER coverage_skill_definitions_ins AFTER INSERT ON skill_definitions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_skill_definitions();
CREATE TRIGGER coverage_skill_definitions_upd AFTER UPDATE ON skill_definitions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_skill_definitions();
CREATE TRIGGER coverage_skill_definitions_del AFTER DELETE ON skill_definitions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_on_skill_definitions();

-- Rows already in the registry when this migration runs.
SELECT coverage_refresh_households(ARRAY(SELECT id FROM household_refs WHERE archived_at IS NULL));
SELECT coverage_refresh_villages(ARRAY(SELECT DISTINCT village_code FROM resident_refs));
