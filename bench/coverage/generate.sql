-- The bench's province: 100 communes × 10 villages × 500 households × 4 people (2,000,000), one team per village,
-- skills for about half of the adults, visits for about 70 % of the households. Deterministic (no random()):
-- ids are md5 of a counter, so the same run gives the same figures. :province is the province code.
INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name)
VALUES ('99', NULL, 'province', 'Tỉnh', 'Bench', 'Tỉnh Bench', '/99/', 'tinh bench', 'Bench');
INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name)
SELECT '99' || lpad(c::text, 3, '0'), '99', 'commune', 'Xã', 'Xã ' || c, 'Xã Bench ' || c, '/99/99' || lpad(c::text, 3, '0') || '/', 'xa bench ' || c, 'Bench ' || lpad(c::text, 3, '0')
FROM generate_series(1, 100) c;
INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name)
SELECT '99' || lpad(c::text, 3, '0') || '.' || lpad(v::text, 3, '0'), '99' || lpad(c::text, 3, '0'), 'village', 'Thôn', 'Thôn ' || v, 'Thôn ' || v,
       '/99/99' || lpad(c::text, 3, '0') || '/99' || lpad(c::text, 3, '0') || '.' || lpad(v::text, 3, '0') || '/', 'thon ' || v, 'Thon ' || lpad(v::text, 3, '0')
FROM generate_series(1, 100) c, generate_series(1, 10) v;
