-- Issue #10, field sync: a photo taken in the field (a signed consent sheet, a problem) is uploaded with an id the
-- device made, before the visit that names it is synced. The id makes a re-upload answer the same record.
CREATE TABLE field_photos (
  id          uuid PRIMARY KEY,                        -- generated on the device
  file_id     uuid NOT NULL REFERENCES stored_files (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- The office lists a household's conflicts and settles one at a time.
CREATE INDEX sync_conflicts_entity_idx ON sync_conflicts (entity, entity_id);

-- The household a conflict is about (a person's conflict too), so the office lists a team's conflicts in one join.
ALTER TABLE sync_conflicts ADD COLUMN household_id uuid;
CREATE INDEX sync_conflicts_household_idx ON sync_conflicts (household_id) WHERE status = 'open';
