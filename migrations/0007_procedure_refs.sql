-- Published by the procedures module, which owns procedures and procedure_versions: the few columns other
-- modules may read in their own queries (a dossier list names its procedure in the same statement). Other
-- modules read these views, never the tables; procedures keeps their columns stable.
CREATE VIEW procedure_refs AS
SELECT p.id AS procedure_id, p.code, p.name
FROM procedures p;
COMMENT ON VIEW procedure_refs IS 'Owned by the procedures module: a procedure''s code and current name, for other modules'' lists.';

CREATE VIEW procedure_version_refs AS
SELECT v.procedure_id, v.version, p.code, v.definition->>'name' AS name
FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id;
COMMENT ON VIEW procedure_version_refs IS 'Owned by the procedures module: the name a procedure had in one version (the one a dossier was filed under).';
