-- Indicators at province scale (docs/indicators/scale.md, ADR 0016). A province's dashboard reads its facts by element
-- and day: sums of flows over a period's days, and the latest snapshot of each stock by the period's end. With only
-- (province_code, day) the sums visit every fact row of the quarter in the heap (~150,000 rows spread over ~17,000
-- pages on the synthetic province) and the stocks every row of every day up to the end. Keyed by element first and
-- carrying the columns the queries return, both become index-only range scans of the elements asked for.
-- Commune and village reads keep the primary key (commune_code, day, element_key, unit_code).
CREATE INDEX indicator_daily_facts_element_idx ON indicator_daily_facts (province_code, element_key, day) INCLUDE (commune_code, unit_code, value);
