-- Residents' replies by SMS (notices' preferences part): one row per message the gateway delivered to us, so that a
-- gateway retrying the same message id is answered once (the reply is not queued twice, a keyword handler such as the
-- hall's ticket is not run twice), and so that a STOP can be traced to the text that asked for it.
CREATE TABLE notice_sms_inbound (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedupe_key   text NOT NULL UNIQUE,                         -- 'id:<gateway id>', or a hash of sender, text and time
  phone        text NOT NULL CHECK (phone ~ '^\+84\d{9}$'),
  text         text NOT NULL,
  received_at  timestamptz NOT NULL,
  outcome      text CHECK (outcome IN ('stop', 'start', 'keyword', 'help')),  -- null while a keyword handler runs
  reply        text
);
CREATE INDEX notice_sms_inbound_phone_idx ON notice_sms_inbound (phone, received_at DESC);
COMMENT ON TABLE notice_sms_inbound IS 'Owned by the notices module (preferences part): SMS replies received, each answered once.';
