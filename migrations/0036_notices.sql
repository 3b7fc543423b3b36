-- Issue #12: notices to residents (module notices). A notice is written once and reaches its audience on every
-- channel (web, SMS, Zalo, email, loudspeakers); each message to one person is a delivery with its own status.
-- Rows carry the issuing unit's path (`unit_path`) so "this unit and below" is a prefix match.

-- ── notices ─────────────────────────────────────────────────────────────────────────────────────────────────────
-- status: draft → in_review → scheduled | published; in_review → draft (sent back with a note);
-- scheduled | published → withdrawn (with a reason, and a correction notice that points back with corrects_id).
-- An emergency notice may go from draft straight to scheduled/published (review_skipped, flagged in the audit).
CREATE TABLE notices (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_code         text NOT NULL REFERENCES admin_units (code),   -- the issuing commune, or the province
  unit_path         text NOT NULL,                                 -- its path
  category          text NOT NULL CHECK (category IN ('administrative', 'emergency', 'health', 'agriculture', 'events', 'digital_skills')),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body              text NOT NULL,                                 -- limited rich text: notice-text.ts
  -- scope: 'villages' (village_codes), 'commune' (the issuing commune), 'province' (the issuing province)
  scope             text NOT NULL CHECK (scope IN ('villages', 'commune', 'province')),
  village_codes     text[] NOT NULL DEFAULT '{}',
  valid_from        date NOT NULL,
  valid_until       date,
  channels          text[] NOT NULL DEFAULT '{web}',                -- chosen channels: web, sms, zalo, email, loudspeaker, …
  -- who, beyond the scope's residents: {"flags": [...], "roles": [...], "list": ["+8491…"], "residentsOnly": bool}
  audience          jsonb NOT NULL DEFAULT '{}',
  -- per-channel versions, derived from the body and adjustable (the *_edited flags keep an officer's edit)
  sms_text          text,
  sms_edited        boolean NOT NULL DEFAULT false,
  speech_text       text,
  speech_edited     boolean NOT NULL DEFAULT false,
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'withdrawn')),
  review_skipped    boolean NOT NULL DEFAULT false,                -- an emergency published without review
  review_note       text,                                          -- why it was sent back
  scheduled_at      timestamptz,                                   -- when it goes out (null: at approval)
  published_at      timestamptz,
  fanned_out_at     timestamptz,                                   -- deliveries queued (once)
  withdrawn_at      timestamptz,
  withdrawal_reason text,
  corrects_id       uuid REFERENCES notices (id),                  -- a correction notice: the one it corrects
  author_id         uuid REFERENCES users (id),
  approved_by       uuid REFERENCES users (id),
  approved_at       timestamptz,
  version           int NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until IS NULL OR valid_until >= valid_from),
  CHECK (scope <> 'villages' OR cardinality(village_codes) > 0)
);
CREATE INDEX notices_path_idx ON notices (unit_path text_pattern_ops, created_at DESC);
CREATE INDEX notices_public_idx ON notices (unit_path text_pattern_ops, published_at DESC) WHERE status IN ('published', 'withdrawn');
CREATE INDEX notices_villages_idx ON notices USING gin (village_codes);

CREATE TABLE notice_attachments (
  notice_id  uuid NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
  file_id    uuid NOT NULL REFERENCES stored_files (id),
  name       text NOT NULL,
  position   int NOT NULL DEFAULT 0,
  PRIMARY KEY (notice_id, file_id)
);

-- ── deliveries ──────────────────────────────────────────────────────────────────────────────────────────────────
-- One message of one notice to one address on one per-person channel (sms, zalo, email, …). The unique key is
-- "nothing sent twice": a second fan-out of the same notice adds nothing. Web and loudspeakers are not per person.
CREATE TABLE notice_deliveries (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notice_id     uuid NOT NULL REFERENCES notices (id),
  channel       text NOT NULL,                                     -- an adapter's name (channels/registry.ts)
  address       text NOT NULL,                                     -- E.164 phone, or an e-mail address
  resident_id   uuid,                                              -- who, when known (registry resident)
  user_id       uuid,                                              -- or account
  village_code  text,                                              -- for the report by village
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'skipped')),
  skip_reason   text,                                              -- e.g. daily_cap
  provider_id   text,                                              -- the gateway's message id (delivery reports)
  attempts      int NOT NULL DEFAULT 0,
  last_error    text,
  cost_vnd      int,
  queued_at     timestamptz NOT NULL DEFAULT now(),
  sent_at       timestamptz,
  delivered_at  timestamptz,
  failed_at     timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (notice_id, channel, address)
);
CREATE INDEX notice_deliveries_provider_idx ON notice_deliveries (channel, provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX notice_deliveries_status_idx ON notice_deliveries (notice_id, channel, status);

-- ── residents' choices ──────────────────────────────────────────────────────────────────────────────────────────
-- One row per person, keyed by what we know of them: a phone (E.164; SMS STOP, the desk), an account, or a registry
-- resident. The audience leaves out anyone a matching row excludes. Every change is a consent entry (PDPL 2025).
CREATE TABLE notice_preferences (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone           text UNIQUE CHECK (phone ~ '^\+84\d{9}$'),
  user_id         uuid UNIQUE REFERENCES users (id),
  resident_id     uuid UNIQUE,
  channels_off    text[] NOT NULL DEFAULT '{}',                    -- channels refused (sms after STOP, …)
  channels_on     text[] NOT NULL DEFAULT '{}',                    -- opt-in channels accepted (zalo)
  categories_off  text[] NOT NULL DEFAULT '{}',                    -- categories refused (never 'emergency')
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(phone, user_id, resident_id) >= 1),
  CHECK (NOT ('emergency' = ANY (categories_off)))
);

CREATE TABLE notice_consents (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  preference_id  uuid NOT NULL REFERENCES notice_preferences (id),
  method         text NOT NULL CHECK (method IN ('online', 'sms', 'desk', 'field')),
  recorded_by    uuid REFERENCES users (id),                       -- the officer at the desk, null when the person
  change         jsonb NOT NULL,                                   -- {channels_off, channels_on, categories_off} after
  note           text,
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notice_consents_pref_idx ON notice_consents (preference_id, at DESC);

-- ── contacts other modules publish for the audience ─────────────────────────────────────────────────────────────
-- Owned by the registry: a resident's village, flags and phone (normalised 0xxxxxxxxx), the household's poverty.
CREATE VIEW resident_contact_refs AS
SELECT r.id, r.commune_code, r.village_code, r.unit_path, r.full_name, r.flags, r.phone, r.user_id, h.poverty, r.archived_at
FROM residents r LEFT JOIN households h ON h.id = r.household_id;
COMMENT ON VIEW resident_contact_refs IS 'Owned by the registry module: who lives where, their flags and phone, for audiences.';

-- Owned by citizens: an account's verified phone and its profile's e-mail.
CREATE VIEW citizen_contact_refs AS
SELECT p.user_id, p.verified_phone, p.email FROM citizen_profiles p;
COMMENT ON VIEW citizen_contact_refs IS 'Owned by the citizens module: the verified phone and e-mail of an account.';

-- Owned by identity: an account's own phone and e-mail (officers, volunteers).
CREATE VIEW user_contact_refs AS
SELECT u.id, u.kind, u.phone, u.email, u.home_unit_code, u.disabled_at FROM users u;
COMMENT ON VIEW user_contact_refs IS 'Owned by the identity module: an account''s phone and e-mail, for audiences by role.';
