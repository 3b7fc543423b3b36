-- Admin units are written rarely (an import, a new village) and searched constantly. With GIN's
-- pending list on, a bulk import leaves new entries unindexed until a VACUUM, and until then the planner
-- falls back to a sequential scan (about 0.9 ms instead of 0.1 ms per search).
ALTER INDEX admin_units_search_idx SET (fastupdate = off);
