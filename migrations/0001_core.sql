-- Platform core: administrative units, identity, sessions, API tokens, audit.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A generic tree: province -> optional district -> commune -> village.
CREATE TABLE admin_units (
  code          text PRIMARY KEY,
  parent_code   text REFERENCES admin_units (code),
  level         text NOT NULL CHECK (level IN ('province', 'district', 'commune', 'village')),
  unit_type     text NOT NULL,            -- Tỉnh, Thành phố, Xã, Phường, Đặc khu, Thôn, Bản, ...
  name          text NOT NULL,
  full_name     text NOT NULL,
  name_en       text,
  full_name_en  text,
  -- '/15/02923/' : a unit's ancestors and itself, so "this unit and everything below" is a prefix match.
  path          text NOT NULL UNIQUE,
  search_text   text NOT NULL,            -- lower case, no diacritics: "xa gia phu gia phu"
  sort_name     text NOT NULL,            -- name without diacritics, so "Đông" sorts with "Dông", not after "Z"
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 'province') = (parent_code IS NULL))
);
CREATE INDEX admin_units_parent_idx ON admin_units (parent_code, sort_name, code);
CREATE INDEX admin_units_path_idx ON admin_units (path text_pattern_ops);
CREATE INDEX admin_units_search_idx ON admin_units USING gin (search_text gin_trgm_ops);

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL,
  display_name   text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('officer', 'volunteer', 'citizen', 'service')),
  email          text,
  phone          text,
  citizen_id_number text,
  password_hash  text,
  locale         text CHECK (locale IN ('vi', 'en')),
  oidc_issuer    text,
  oidc_subject   text,
  home_unit_code text REFERENCES admin_units (code),
  disabled_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (oidc_issuer, oidc_subject)
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_home_unit_idx ON users (home_unit_code);

-- A role always comes with the unit it is granted on; it reaches every unit below.
CREATE TABLE role_grants (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('system_admin', 'province_admin', 'commune_admin', 'one_stop_officer',
                    'specialist', 'leader', 'team_leader', 'volunteer', 'citizen')),
  admin_unit_code text NOT NULL REFERENCES admin_units (code),
  granted_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role, admin_unit_code)
);
CREATE INDEX role_grants_unit_idx ON role_grants (admin_unit_code);

-- Only a hash of the session token is stored: a leaked table does not leak sessions.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed sign-ins per key (username, client address) inside a sliding window.
CREATE TABLE signin_failures (
  key        text NOT NULL,
  failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signin_failures_key_idx ON signin_failures (key, failed_at);

-- Machine clients: a token belongs to a user and carries its own narrower grants.
CREATE TABLE api_tokens (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name            text NOT NULL,
  token_hash      text NOT NULL UNIQUE,
  prefix          text NOT NULL,
  role            text NOT NULL,
  admin_unit_code text NOT NULL REFERENCES admin_units (code),
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz,
  last_used_at    timestamptz,
  revoked_at      timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

-- Append-only, hash-chained. seq is gap-free (assigned under a lock), so a deleted entry shows as a gap.
CREATE TABLE audit_log (
  seq             bigint PRIMARY KEY,
  at              timestamptz NOT NULL,
  actor_id        uuid,
  actor_label     text NOT NULL,
  action          text NOT NULL,
  target_type     text NOT NULL,
  target_id       text,
  admin_unit_code text,
  request_id      text,
  details         jsonb NOT NULL DEFAULT '{}',
  prev_hash       text NOT NULL,
  hash            text NOT NULL
);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_unit_idx ON audit_log (admin_unit_code, at);
-- The last entry's hash, so that removing the newest entries is detected too.
CREATE TABLE audit_head (
  id   boolean PRIMARY KEY DEFAULT true CHECK (id),
  seq  bigint NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
