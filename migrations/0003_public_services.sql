-- Online public services and the one-stop desk (issue #3): working-day calendar, procedure catalogue,
-- citizen profiles and vault, dossiers with their history, payments, and the notification outbox.

-- Days that differ from the computed calendar: the government's yearly days off and make-up working days.
-- Weekends, fixed and lunar holidays are computed (src/platform/calendar), so only exceptions are stored.
CREATE TABLE calendar_days (
  day         date PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('off', 'working')),
  name        text NOT NULL,
  updated_by  uuid REFERENCES users (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Transactional outbox: rows are written in the same transaction as the change they announce, so a crash
-- after commit loses nothing and a rollback sends nothing. A worker claims them with SKIP LOCKED.
CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  topic            text NOT NULL,                -- 'sms', 'email'
  payload          jsonb NOT NULL,
  dedupe_key       text UNIQUE,                  -- the same message is never queued twice
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts         int NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending';

-- The catalogue: one row per national procedure code; each edit is a new immutable version, and a
-- dossier keeps the version it was filed under.
CREATE TABLE procedures (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code             text NOT NULL UNIQUE,         -- national procedure code, e.g. 1.001193
  current_version  int NOT NULL,
  name             text NOT NULL,
  field            text NOT NULL,
  level            text NOT NULL CHECK (level IN ('commune', 'province')),
  online_level     text NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  active           boolean NOT NULL DEFAULT true,
  search_text      text NOT NULL,                -- lower case, no diacritics
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_search_idx ON procedures USING gin (search_text gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX procedures_field_idx ON procedures (field, name);

CREATE TABLE procedure_versions (
  procedure_id  uuid NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
  version       int NOT NULL,
  definition    jsonb NOT NULL,                  -- the whole ProcedureDefinition as validated by its contract
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (procedure_id, version)
);

-- Per-commune settings for the desk: the agency's electronic ID for dossier codes, the receiving bank
-- account for VietQR, and the address printed on receipts.
CREATE TABLE commune_settings (
  commune_code    text PRIMARY KEY REFERENCES admin_units (code),
  agency_code     text NOT NULL,                 -- Decision 20/2020 electronic ID, e.g. 000.02.23.H39
  desk_address    text,
  bank_bin        text CHECK (bank_bin ~ '^\d{6}$'),
  account_number  text CHECK (account_number ~ '^[0-9A-Za-z]{1,19}$'),
  account_name    text,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Entered once, prefills every form. Personal data: reads are audited.
CREATE TABLE citizen_profiles (
  user_id            uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  full_name          text NOT NULL,
  birth_date         date,
  citizen_id_number  text,
  address            text,
  phone              text,
  email              text,
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX citizen_profiles_phone_idx ON citizen_profiles (phone) WHERE phone IS NOT NULL;

-- One-time codes for phone sign-in; only a hash is kept.
CREATE TABLE phone_codes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone       text NOT NULL,
  code_hash   text NOT NULL,
  attempts    int NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phone_codes_phone_idx ON phone_codes (phone, created_at);

-- Failed guesses of throttled actions (public status look-ups, phone codes), keyed by client and purpose.
CREATE TABLE throttle_hits (
  bucket  text NOT NULL,
  key     text NOT NULL,
  at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX throttle_hits_idx ON throttle_hits (bucket, key, at);

-- Uploaded and generated files. Kept in the database so backups, `db export` and transactions cover them;
-- sizes are capped per file (see docs/adr/0005-files-in-postgres.md).
CREATE TABLE stored_files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id uuid REFERENCES users (id),
  commune_code  text REFERENCES admin_units (code),
  name          text NOT NULL,
  media_type    text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes    int NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL,
  content       bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- The citizen's vault (kho dữ liệu điện tử): documents uploaded once and results received, reused later.
CREATE TABLE vault_items (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id            uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  file_id            uuid NOT NULL REFERENCES stored_files (id),
  title              text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('upload', 'result')),
  document_type      text,                       -- requirement key it was first used for, to suggest reuse
  source_dossier_id  uuid,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vault_items_user_idx ON vault_items (user_id, created_at DESC);

-- Per agency and day, the sequence inside dossier codes (<agency>-<YYMMDD>-<NNNN>).
CREATE TABLE dossier_code_counters (
  agency_code  text NOT NULL,
  day          date NOT NULL,
  last_value   int NOT NULL,
  PRIMARY KEY (agency_code, day)
);

CREATE TABLE dossiers (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                text UNIQUE,                -- null while a draft
  commune_code        text NOT NULL REFERENCES admin_units (code),
  unit_path           text NOT NULL,              -- the commune's path, for scoping by prefix
  procedure_id        uuid NOT NULL,
  procedure_version   int NOT NULL,
  state               text NOT NULL,
  resume_state        text,                       -- where a paused or supplement-awaiting dossier returns
  version             int NOT NULL DEFAULT 1,     -- optimistic concurrency
  channel             text NOT NULL CHECK (channel IN ('counter', 'online', 'post')),
  owner_user_id       uuid REFERENCES users (id), -- the citizen's account, when there is one
  filed_by_user_id    uuid REFERENCES users (id), -- who typed it (the citizen, a volunteer or an officer)
  assisted_consent    jsonb,                      -- consent to assisted filing: how, when, recorded by whom
  applicant           jsonb NOT NULL,             -- name, birthDate, citizenIdNumber, address, phone, email
  applicant_name      text NOT NULL,
  lookup_phone4       text,                       -- last 4 digits of phone and of ID, for the public look-up
  lookup_id4          text,
  form_data           jsonb NOT NULL DEFAULT '{}',
  delivery            jsonb NOT NULL DEFAULT '{"method":"desk"}',
  assignee_id         uuid REFERENCES users (id),
  forwarded_to        text,
  step_due_at         timestamptz,
  submitted_at        timestamptz,
  received_at         timestamptz,
  due_at              timestamptz,
  remaining_hours     numeric,                    -- working hours left while the clock is stopped
  clock_stopped_at    timestamptz,
  finished_at         timestamptz,                -- result ready (or refused / cancelled)
  returned_at         timestamptz,
  apology_at          timestamptz,
  apology_due_at      timestamptz,
  fee_amount          bigint NOT NULL DEFAULT 0,
  fee_status          text NOT NULL DEFAULT 'none' CHECK (fee_status IN ('none', 'unpaid', 'paid', 'exempt', 'refunded')),
  rating              smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment      text,
  idempotency_key     text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (procedure_id, procedure_version) REFERENCES procedure_versions (procedure_id, version),
  UNIQUE (filed_by_user_id, idempotency_key)
);
CREATE INDEX dossiers_queue_idx ON dossiers (commune_code, state, due_at);
CREATE INDEX dossiers_path_idx ON dossiers (unit_path text_pattern_ops, received_at);
CREATE INDEX dossiers_owner_idx ON dossiers (owner_user_id, created_at DESC);
CREATE INDEX dossiers_assignee_idx ON dossiers (assignee_id) WHERE assignee_id IS NOT NULL;

-- Anonymous submissions (no account) are de-duplicated by their idempotency key alone.
CREATE UNIQUE INDEX dossiers_anonymous_idem_idx ON dossiers (idempotency_key) WHERE filed_by_user_id IS NULL AND idempotency_key IS NOT NULL;

-- Every transition: the tracking slip (Mẫu 06) and the public status page are read from here.
CREATE TABLE dossier_events (
  id           bigserial PRIMARY KEY,
  dossier_id   uuid NOT NULL REFERENCES dossiers (id),
  action       text NOT NULL,
  from_state   text,
  to_state     text NOT NULL,
  actor_id     uuid REFERENCES users (id),
  actor_label  text NOT NULL,
  at           timestamptz NOT NULL,
  reason       text,
  step_due_at  timestamptz,
  details      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, id);

-- Documents attached to a dossier: submitted, digitised at the counter, supplied later, or results.
CREATE TABLE dossier_documents (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id       uuid NOT NULL REFERENCES dossiers (id),
  requirement_key  text NOT NULL,                  -- the procedure's document key, or 'result'
  file_id          uuid NOT NULL REFERENCES stored_files (id),
  source           text NOT NULL CHECK (source IN ('upload', 'vault', 'scan', 'result')),
  round            int NOT NULL DEFAULT 0,         -- 0 at submission, n for the n-th supplement
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_documents_dossier_idx ON dossier_documents (dossier_id);

CREATE TABLE supplement_requests (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossiers (id),
  round         int NOT NULL,
  items         jsonb NOT NULL,                    -- what is missing: [{ key, label, note }]
  note          text,
  requested_by  uuid REFERENCES users (id),
  requested_at  timestamptz NOT NULL,
  answered_at   timestamptz,
  old_due_at    timestamptz,
  new_due_at    timestamptz,
  UNIQUE (dossier_id, round)
);

CREATE TABLE payments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id    uuid NOT NULL REFERENCES dossiers (id),
  amount        bigint NOT NULL CHECK (amount >= 0),
  method        text NOT NULL CHECK (method IN ('vietqr', 'gateway', 'cash', 'exempt')),
  status        text NOT NULL CHECK (status IN ('paid', 'exempt', 'refunded')),
  receipt_no    text NOT NULL UNIQUE,
  gateway_ref   text UNIQUE,
  confirmed_by  uuid REFERENCES users (id),
  confirmed_at  timestamptz NOT NULL,
  refunded_at   timestamptz,
  note          text
);
CREATE INDEX payments_dossier_idx ON payments (dossier_id);
