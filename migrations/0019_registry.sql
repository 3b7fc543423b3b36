-- Issue #10: the household registry (module registry) and the community digital teams' work (module outreach).
-- Ids are uuids a device may generate itself (offline field work), so no table here defaults them server-side only.
-- Every row carries its village's path (`unit_path`, as in admin_units) so "this unit and below" is a prefix match.

-- ── registry ────────────────────────────────────────────────────────────────────────────────────────────────────
CREATE TABLE households (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code   text NOT NULL REFERENCES admin_units (code),
  village_code   text NOT NULL REFERENCES admin_units (code),
  unit_path      text NOT NULL,                      -- the village's path
  address        text NOT NULL,
  head_id        uuid,                               -- a resident of this household (FK below)
  poverty        text CHECK (poverty IN ('poor', 'near_poor')),
  version        int NOT NULL DEFAULT 1,             -- optimistic concurrency; the field sync compares it
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  archived_at    timestamptz                         -- dissolved or merged; kept for history
);
CREATE INDEX households_path_idx ON households (unit_path text_pattern_ops) WHERE archived_at IS NULL;
CREATE INDEX households_village_idx ON households (village_code) WHERE archived_at IS NULL;

CREATE TABLE residents (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_id       uuid REFERENCES households (id),   -- the current household (null: moved out of the commune)
  commune_code       text NOT NULL REFERENCES admin_units (code),
  village_code       text NOT NULL REFERENCES admin_units (code),
  unit_path          text NOT NULL,                     -- the current household's village path
  relation_to_head   text NOT NULL DEFAULT 'other'
    CHECK (relation_to_head IN ('head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'in_law', 'other')),
  full_name          text NOT NULL,
  search_name        text NOT NULL,                     -- platform/text/search-key.ts of full_name
  birth_date         date,
  birth_year         int NOT NULL CHECK (birth_year BETWEEN 1890 AND 2100),
  sex                text CHECK (sex IN ('male', 'female')),
  phone              text,                              -- normalised 0xxxxxxxxx
  citizen_id_number  text,                              -- 12 digits, optional
  ethnicity          text,
  language           text,
  -- vulnerability flags; a poor or near-poor household is the household's `poverty`
  flags              text[] NOT NULL DEFAULT '{}'
    CHECK (flags <@ ARRAY['elderly_alone', 'disability', 'no_smartphone', 'little_vietnamese']::text[]),
  user_id            uuid REFERENCES users (id),        -- the citizen account, once the link is confirmed
  version            int NOT NULL DEFAULT 1,
  created_by         uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  archived_at        timestamptz,                       -- died, or entered twice and merged
  CHECK (birth_date IS NULL OR extract(year FROM birth_date)::int = birth_year)
);
ALTER TABLE households ADD CONSTRAINT households_head_fk FOREIGN KEY (head_id) REFERENCES residents (id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX residents_household_idx ON residents (household_id);
CREATE INDEX residents_path_idx ON residents (unit_path text_pattern_ops) WHERE archived_at IS NULL;
CREATE INDEX residents_search_idx ON residents USING gin (search_name gin_trgm_ops);
CREATE INDEX residents_phone_idx ON residents (phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX residents_id_number_key ON residents (citizen_id_number) WHERE citizen_id_number IS NOT NULL AND archived_at IS NULL;
CREATE UNIQUE INDEX residents_user_key ON residents (user_id) WHERE user_id IS NOT NULL;

-- A person moves between households and villages; history kept.
CREATE TABLE resident_moves (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resident_id        uuid NOT NULL REFERENCES residents (id),
  from_household_id  uuid REFERENCES households (id),
  to_household_id    uuid REFERENCES households (id),
  from_village_code  text REFERENCES admin_units (code),
  to_village_code    text REFERENCES admin_units (code),
  relation_to_head   text,
  reason             text,
  moved_at           timestamptz NOT NULL DEFAULT now(),
  moved_by           uuid REFERENCES users (id)
);
CREATE INDEX resident_moves_resident_idx ON resident_moves (resident_id, moved_at);

-- Enter once: a signed-in citizen whose ID number or phone matches a resident is linked after a check.
CREATE TABLE resident_account_links (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_id   uuid NOT NULL REFERENCES residents (id),
  user_id       uuid NOT NULL REFERENCES users (id),
  matched_on    text NOT NULL CHECK (matched_on IN ('id_number', 'phone')),
  status        text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
  decided_how   text CHECK (decided_how IN ('citizen', 'officer')),
  decided_by    uuid REFERENCES users (id),
  proposed_at   timestamptz NOT NULL DEFAULT now(),
  decided_at    timestamptz,
  UNIQUE (resident_id, user_id)
);

-- Community digital teams (Tổ công nghệ số cộng đồng), per village or per commune.
CREATE TABLE digital_teams (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code    text NOT NULL REFERENCES admin_units (code),
  village_code    text REFERENCES admin_units (code),  -- null: a commune-wide team
  unit_path       text NOT NULL,                       -- the village's path, or the commune's
  name            text NOT NULL,
  leader_user_id  uuid REFERENCES users (id),
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  archived_at     timestamptz
);
CREATE INDEX digital_teams_path_idx ON digital_teams (unit_path text_pattern_ops);

CREATE TABLE team_members (
  team_id    uuid NOT NULL REFERENCES digital_teams (id),
  user_id    uuid NOT NULL REFERENCES users (id),
  joined_at  timestamptz NOT NULL DEFAULT now(),
  left_at    timestamptz,
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user_idx ON team_members (user_id) WHERE left_at IS NULL;

-- Which team (and which member of it) looks after a household. One current assignment per household.
CREATE TABLE household_assignments (
  household_id    uuid PRIMARY KEY REFERENCES households (id),
  team_id         uuid NOT NULL REFERENCES digital_teams (id),
  member_user_id  uuid REFERENCES users (id),          -- null: the team's, not yet given to a member
  assigned_by     uuid REFERENCES users (id),
  assigned_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_assignments_member_idx ON household_assignments (member_user_id);
CREATE INDEX household_assignments_team_idx ON household_assignments (team_id);

-- XLSX/CSV imports: previewed, then committed all at once.
CREATE TABLE registry_imports (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code    text NOT NULL REFERENCES admin_units (code),
  file_name       text NOT NULL,
  status          text NOT NULL CHECK (status IN ('checking', 'checked', 'committing', 'committed', 'failed')),
  total_rows      int NOT NULL DEFAULT 0,
  processed_rows  int NOT NULL DEFAULT 0,
  problems        jsonb NOT NULL DEFAULT '[]',         -- [{sheet,row,column,message}]
  duplicates      jsonb NOT NULL DEFAULT '[]',
  summary         jsonb NOT NULL DEFAULT '{}',
  rows            jsonb,                               -- the checked rows, until committed
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);

-- Published views: what other modules (outreach) may read of the registry.
CREATE VIEW household_refs AS
SELECT h.id, h.commune_code, h.village_code, h.unit_path, h.address, h.head_id, h.poverty, h.version, h.archived_at,
       a.team_id, a.member_user_id
FROM households h
LEFT JOIN household_assignments a ON a.household_id = h.id;

CREATE VIEW resident_refs AS
SELECT r.id, r.household_id, r.commune_code, r.village_code, r.unit_path, r.full_name, r.search_name, r.birth_year,
       r.sex, r.flags, r.user_id, r.archived_at
FROM residents r;

CREATE VIEW digital_team_refs AS
SELECT t.id, t.commune_code, t.village_code, t.unit_path, t.name, t.leader_user_id, t.archived_at
FROM digital_teams t;

CREATE VIEW team_member_refs AS
SELECT m.team_id, m.user_id, m.joined_at, m.left_at FROM team_members m;

-- ── outreach ────────────────────────────────────────────────────────────────────────────────────────────────────
-- A province's skill checklist. A province with no rows uses the built-in defaults (outreach/skills.ts).
CREATE TABLE skill_definitions (
  province_code  text NOT NULL REFERENCES admin_units (code),
  key            text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  label_vi       text NOT NULL,
  label_en       text NOT NULL,
  sort           int NOT NULL DEFAULT 0,
  active         boolean NOT NULL DEFAULT true,
  PRIMARY KEY (province_code, key)
);

-- A person's skill, with who confirmed it, when and how. The current state; visits keep the history.
CREATE TABLE resident_skills (
  resident_id    uuid NOT NULL REFERENCES residents (id),
  skill_key      text NOT NULL,
  unit_path      text NOT NULL,                        -- the resident's village path when confirmed
  method         text NOT NULL CHECK (method IN ('seen', 'self_declared')),
  confirmed_by   uuid REFERENCES users (id),
  confirmed_at   timestamptz NOT NULL,
  visit_id       uuid,
  training_id    uuid,
  PRIMARY KEY (resident_id, skill_key)
);
CREATE INDEX resident_skills_path_idx ON resident_skills (unit_path text_pattern_ops);

-- A support visit to a household. The id is generated on the device: a replayed sync finds it and changes nothing.
CREATE TABLE visits (
  id                  uuid PRIMARY KEY,
  household_id        uuid NOT NULL REFERENCES households (id),
  commune_code        text NOT NULL REFERENCES admin_units (code),
  unit_path           text NOT NULL,
  team_id             uuid REFERENCES digital_teams (id),
  volunteer_user_id   uuid NOT NULL REFERENCES users (id),
  visited_on          date NOT NULL,
  present             uuid[] NOT NULL DEFAULT '{}',    -- residents present
  skills_helped       jsonb NOT NULL DEFAULT '[]',     -- [{residentId, skillKey, confirmed: 'seen'|'self_declared'|null}]
  outcome             text NOT NULL CHECK (outcome IN ('helped', 'not_home', 'refused', 'follow_up', 'moved_away')),
  next_step           text,
  notes               text,
  photo_file_id       uuid,
  recorded_at         timestamptz NOT NULL,            -- on the device
  synced_at           timestamptz NOT NULL DEFAULT now(),
  sync_batch_id       uuid
);
CREATE INDEX visits_household_idx ON visits (household_id, visited_on DESC);
CREATE INDEX visits_path_idx ON visits (unit_path text_pattern_ops, visited_on);
CREATE INDEX visits_volunteer_idx ON visits (volunteer_user_id, visited_on);

-- Field sync: each batch and each item it carried, so a replay or a resumed batch is answered from here.
CREATE TABLE sync_batches (
  id            uuid PRIMARY KEY,                      -- generated on the device
  user_id       uuid NOT NULL REFERENCES users (id),
  received_at   timestamptz NOT NULL DEFAULT now(),
  item_count    int NOT NULL,
  applied       int NOT NULL DEFAULT 0,
  conflicts     int NOT NULL DEFAULT 0,
  rejected      int NOT NULL DEFAULT 0
);
CREATE TABLE sync_items (
  item_id     uuid PRIMARY KEY,                        -- generated on the device, one per queued change
  batch_id    uuid NOT NULL REFERENCES sync_batches (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  kind        text NOT NULL,
  outcome     text NOT NULL CHECK (outcome IN ('applied', 'conflict', 'rejected')),
  result      jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Two edits of the same household or person from different bases: kept for a team leader to settle.
CREATE TABLE sync_conflicts (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id        uuid NOT NULL REFERENCES sync_items (item_id),
  entity         text NOT NULL CHECK (entity IN ('household', 'resident')),
  entity_id      uuid NOT NULL,
  commune_code   text NOT NULL REFERENCES admin_units (code),
  unit_path      text NOT NULL,
  submitted_by   uuid NOT NULL REFERENCES users (id),
  base_version   int NOT NULL,
  server_version int NOT NULL,
  proposed       jsonb NOT NULL,
  server_state   jsonb NOT NULL,
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept_server', 'applied_device', 'merged')),
  settled_by     uuid REFERENCES users (id),
  settled_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_conflicts_open_idx ON sync_conflicts (unit_path text_pattern_ops) WHERE status = 'open';

-- Campaigns: a time-boxed drive with a target (80% of adults with VNeID level 2 by a date).
CREATE TABLE campaigns (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_code       text NOT NULL REFERENCES admin_units (code),  -- the scope: a province, a commune or a village
  unit_path       text NOT NULL,
  name            text NOT NULL,
  skill_key       text NOT NULL,
  measure         text NOT NULL DEFAULT 'adults' CHECK (measure IN ('adults', 'households')),
  target_percent  numeric(5, 2) NOT NULL CHECK (target_percent > 0 AND target_percent <= 100),
  starts_on       date NOT NULL,
  ends_on         date NOT NULL CHECK (ends_on >= starts_on),
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_path_idx ON campaigns (unit_path text_pattern_ops);

-- Training sessions (tập huấn) and who attended.
CREATE TABLE trainings (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code  text NOT NULL REFERENCES admin_units (code),
  unit_path     text NOT NULL,
  held_on       date NOT NULL,
  place         text NOT NULL,
  topic         text NOT NULL,
  trainer       text NOT NULL,
  skill_keys    text[] NOT NULL DEFAULT '{}',
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trainings_path_idx ON trainings (unit_path text_pattern_ops, held_on);
CREATE TABLE training_attendees (
  training_id  uuid NOT NULL REFERENCES trainings (id),
  resident_id  uuid NOT NULL REFERENCES residents (id),
  PRIMARY KEY (training_id, resident_id)
);
CREATE TABLE training_materials (
  training_id  uuid NOT NULL REFERENCES trainings (id),
  file_id      uuid NOT NULL,
  file_name    text NOT NULL,
  PRIMARY KEY (training_id, file_id)
);
