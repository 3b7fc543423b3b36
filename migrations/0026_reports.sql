-- Issue #11: citizen reports (phản ánh hiện trường), module reports. A resident reports a problem in their place;
-- the commune accepts, assigns, answers in public; the reporter confirms or reopens. Open311 GeoReport v2 reads and
-- writes the same rows. Rows carry the commune's path (`unit_path`) so "this unit and below" is a prefix match.

-- ── categories ──────────────────────────────────────────────────────────────────────────────────────────────────
-- A province default (commune_code NULL) applies to every commune of the province until the commune has its own row
-- with the same code (which overrides it: responsible unit, time limit, public by default, active).
CREATE TABLE report_categories (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  province_code        text NOT NULL REFERENCES admin_units (code),
  commune_code         text REFERENCES admin_units (code),      -- NULL: the province's default
  code                 text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_-]{1,39}$'),  -- also Open311's service_code
  name_vi              text NOT NULL,
  name_en              text NOT NULL,
  description_vi       text NOT NULL DEFAULT '',
  description_en       text NOT NULL DEFAULT '',
  keywords             text NOT NULL DEFAULT '',                -- Open311 `keywords`, comma separated
  responsible_unit     text NOT NULL DEFAULT '',                -- the unit or officer named to the public
  responsible_user_id  uuid REFERENCES users (id),              -- who gets new reports to assign (optional)
  time_limit_days      int NOT NULL DEFAULT 5 CHECK (time_limit_days BETWEEN 1 AND 60),  -- working days, #3 calendar
  public_by_default    boolean NOT NULL DEFAULT true,
  -- Open311 attributes (service definition): [{code, datatype, required, description_vi, description_en, order, values}]
  attributes           jsonb NOT NULL DEFAULT '[]',
  sort_order           int NOT NULL DEFAULT 100,
  active               boolean NOT NULL DEFAULT true,
  version              int NOT NULL DEFAULT 1,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX report_categories_province_code_key ON report_categories (province_code, code) WHERE commune_code IS NULL;
CREATE UNIQUE INDEX report_categories_commune_code_key ON report_categories (commune_code, code) WHERE commune_code IS NOT NULL;

-- ── reports ─────────────────────────────────────────────────────────────────────────────────────────────────────
-- status: received → accepted | rejected → assigned → in_progress → resolved → closed; forwarded (to another
-- agency) returns to in_progress; resolved → reopened (by the reporter) → in_progress. reports.model.ts holds the graph.
CREATE TABLE reports (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                  text NOT NULL UNIQUE,                   -- what the reporter keeps and types: PA-xxxx
  commune_code          text NOT NULL REFERENCES admin_units (code),
  unit_path             text NOT NULL,                          -- the village's path, or the commune's when no village
  village_code          text REFERENCES admin_units (code),
  category_id           uuid NOT NULL REFERENCES report_categories (id),
  description           text NOT NULL,
  landmark              text NOT NULL DEFAULT '',               -- free text: "cạnh cầu tràn thôn Nà Mò"
  lat                   double precision CHECK (lat BETWEEN -90 AND 90),
  lon                   double precision CHECK (lon BETWEEN -180 AND 180),
  location_source       text NOT NULL DEFAULT 'none' CHECK (location_source IN ('none', 'device', 'map', 'open311')),
  attributes            jsonb NOT NULL DEFAULT '{}',            -- answers to the category's Open311 attributes
  status                text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'accepted', 'rejected', 'assigned', 'in_progress', 'forwarded', 'resolved', 'reopened', 'closed')),
  reject_reason         text CHECK (reject_reason IN ('not_commune', 'duplicate', 'abusive')),
  duplicate_of          uuid REFERENCES reports (id),
  status_note           text,                                   -- the last public explanation (rejection, answer)
  public                boolean NOT NULL DEFAULT true,          -- shown on the public page (the category's default)
  hidden_at             timestamptz,                            -- moderation: withdrawn from the public page
  hidden_reason         text,
  hidden_by             uuid REFERENCES users (id),
  -- the reporter: an account, or a name/phone/email typed, or nobody (anonymous: no updates by SMS)
  reporter_user_id      uuid REFERENCES users (id),
  reporter_name         text,
  reporter_phone        text,                                   -- normalised 0xxxxxxxxx
  reporter_email        text,
  anonymous             boolean NOT NULL DEFAULT false,
  notify_sms            boolean NOT NULL DEFAULT false,
  follow_token_hash     text,                                   -- sha256 of the private follow link's secret
  channel               text NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'assisted', 'open311', 'sms', 'meeting')),
  assisted_by           uuid REFERENCES users (id),             -- the volunteer or officer who recorded it
  assisted_consent      jsonb,                                  -- as dossiers: method, recordedBy, at, note
  open311_client_id     uuid,                                   -- FK below (open311_clients)
  open311_token         text UNIQUE,                            -- GeoReport v2 token (request id from token)
  -- handling
  assignee_user_id      uuid REFERENCES users (id),
  assigned_unit         text,
  accepted_at           timestamptz,
  due_at                timestamptz,                            -- the answer's deadline (category time limit, working days)
  answered_at           timestamptz,                            -- first resolved
  answer                text,
  confirm_until         timestamptz,                            -- the reporter may confirm or reopen until then
  confirmed_at          timestamptz,
  satisfaction          smallint CHECK (satisfaction BETWEEN 1 AND 5),
  reopen_count          int NOT NULL DEFAULT 0,
  closed_at             timestamptz,
  reminded_at           timestamptz,                            -- the assignee was reminded of the deadline
  support_count         int NOT NULL DEFAULT 0,                 -- "tôi cũng gặp"
  search_text           text NOT NULL DEFAULT '',               -- platform/text/search-key.ts of code, description, landmark
  version               int NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((lat IS NULL) = (lon IS NULL)),
  CHECK (status <> 'rejected' OR reject_reason IS NOT NULL)
);
CREATE INDEX reports_path_idx ON reports (unit_path text_pattern_ops, created_at DESC);
CREATE INDEX reports_commune_status_idx ON reports (commune_code, status, created_at DESC);
CREATE INDEX reports_due_idx ON reports (due_at) WHERE status IN ('accepted', 'assigned', 'in_progress', 'forwarded', 'reopened');
CREATE INDEX reports_assignee_idx ON reports (assignee_user_id) WHERE assignee_user_id IS NOT NULL;
CREATE INDEX reports_reporter_idx ON reports (reporter_user_id) WHERE reporter_user_id IS NOT NULL;
CREATE INDEX reports_category_idx ON reports (category_id, created_at DESC);
CREATE INDEX reports_public_idx ON reports (commune_code, created_at DESC) WHERE public AND hidden_at IS NULL AND status <> 'rejected';
CREATE INDEX reports_location_idx ON reports (commune_code, lat, lon) WHERE lat IS NOT NULL;
CREATE INDEX reports_search_idx ON reports USING gin (search_text gin_trgm_ops);

-- Photos: the public copy is downsized with its metadata (GPS, camera) stripped; the original stays for officers.
CREATE TABLE report_photos (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id         uuid NOT NULL REFERENCES reports (id),
  stage             text NOT NULL CHECK (stage IN ('report', 'answer')),
  file_id           uuid NOT NULL REFERENCES stored_files (id),   -- the public copy (JPEG)
  original_file_id  uuid REFERENCES stored_files (id),            -- as received (officers only)
  width             int,
  height            int,
  hidden_at         timestamptz,
  hidden_reason     text,
  hidden_by         uuid REFERENCES users (id),
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_photos_report_idx ON report_photos (report_id, created_at);

-- Every step: who, when, why. `public` steps show on the public page and the reporter's page.
CREATE TABLE report_events (
  id             bigserial PRIMARY KEY,
  report_id      uuid NOT NULL REFERENCES reports (id),
  kind           text NOT NULL,       -- submitted, accepted, rejected, assigned, started, forwarded, forward_returned,
                                      -- resolved, confirmed, reopened, closed, supported, hidden, unhidden, photo_hidden, ...
  from_status    text,
  to_status      text,
  actor_user_id  uuid REFERENCES users (id),
  reason         text,
  note           text,
  public         boolean NOT NULL DEFAULT true,
  data           jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_events_report_idx ON report_events (report_id, id);

-- "Tôi cũng gặp": one support per account, or per phone, or per browser (a random key in a cookie).
CREATE TABLE report_supports (
  id          bigserial PRIMARY KEY,
  report_id   uuid NOT NULL REFERENCES reports (id),
  user_id     uuid REFERENCES users (id),
  supporter_key text NOT NULL,        -- 'u:<user id>' or 'p:<sha256 of phone>' or 'b:<sha256 of browser key>'
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (report_id, supporter_key)
);

-- Forwarded to another agency (the electricity company, the province), with its own deadline and its return.
CREATE TABLE report_forwards (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id     uuid NOT NULL REFERENCES reports (id),
  agency        text NOT NULL,
  due_date      date NOT NULL,
  note          text,
  sent_by       uuid REFERENCES users (id),
  sent_at       timestamptz NOT NULL DEFAULT now(),
  returned_at   timestamptz,
  result        text,
  returned_by   uuid REFERENCES users (id)
);
CREATE INDEX report_forwards_report_idx ON report_forwards (report_id, sent_at);

-- ── Open311 ─────────────────────────────────────────────────────────────────────────────────────────────────────
-- Clients registered by a commune (or the province) that may POST requests with their api_key.
CREATE TABLE open311_clients (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name           text NOT NULL,
  contact        text NOT NULL DEFAULT '',
  unit_code      text NOT NULL REFERENCES admin_units (code),   -- the communes it may post to: this unit and below
  unit_path      text NOT NULL,
  key_hash       text NOT NULL UNIQUE,                          -- sha256 of the api_key, shown once at creation
  key_hint       text NOT NULL,                                 -- the key's last 4 characters, to tell keys apart
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  revoked_at     timestamptz
);
ALTER TABLE reports ADD CONSTRAINT reports_open311_client_fk FOREIGN KEY (open311_client_id) REFERENCES open311_clients (id);
