-- admin_unit_refs: the admin-units module publishes what other modules may read of a unit (its code, place
-- in the tree, level and names), so they need not read the admin_units table, which only admin-units owns.
-- Owned by admin-units: it alone changes this view's definition; columns are only ever added.
-- A plain view is inlined by the planner, so joining it costs what joining the table did (identity resolves
-- the principal's grants with it on every request, in the same one query).
CREATE VIEW admin_unit_refs AS
SELECT code, parent_code, level, path, name, full_name, name_en, full_name_en
FROM admin_units;
