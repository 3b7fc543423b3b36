-- Outreach publishes its coverage rollups (migration 0024) for the indicators: one row per household with its
-- proficient members and last visit, and people per village, birth-year bucket and skill. Owned by outreach: it
-- alone changes these views; columns are only ever added.
CREATE VIEW household_coverage_refs AS
SELECT household_id, commune_code, village_code, unit_path, members, proficient_members, last_visit_on
FROM household_coverage;

CREATE VIEW village_skill_count_refs AS
SELECT village_code, commune_code, unit_path, birth_year, skill_key, people
FROM village_skill_counts;
