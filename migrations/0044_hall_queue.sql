-- Issue #12, hall / queue part: gap-free daily numbering, registered kiosk devices, double-tap protection.

-- One row per (commune, service, Vietnam day): the last number issued. Taking a number increments it with
-- INSERT … ON CONFLICT DO UPDATE, which locks the row until the ticket's transaction ends, so two parallel takes
-- never share a number and a rolled-back take leaves no gap.
CREATE TABLE queue_day_counters (
  commune_code    text NOT NULL REFERENCES admin_units (code),
  service_id      uuid NOT NULL REFERENCES hall_services (id),
  day             date NOT NULL,
  last_number     int NOT NULL CHECK (last_number BETWEEN 0 AND 999),
  PRIMARY KEY (commune_code, service_id, day)
);

-- A kiosk is one device at the hall that legitimately takes many numbers. hall.manage registers it and gets a
-- one-time setup link; opening the link on the device stores the kiosk key as a cookie. Only sha256 hashes are kept.
CREATE TABLE hall_kiosks (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code    text NOT NULL REFERENCES admin_units (code),
  name            text NOT NULL,
  key_hash        text UNIQUE,                                     -- sha256 of the device's key, once set up
  setup_hash      text UNIQUE,                                     -- sha256 of the one-time setup token
  setup_expires_at timestamptz,
  active          boolean NOT NULL DEFAULT true,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  activated_at    timestamptz,
  last_seen_at    timestamptz
);
CREATE INDEX hall_kiosks_commune_idx ON hall_kiosks (commune_code);

-- The form's idempotency token: a double tap on the kiosk (or a retried API call) gets the same ticket back.
ALTER TABLE queue_tickets ADD COLUMN request_token text;
ALTER TABLE queue_tickets ADD COLUMN kiosk_id uuid REFERENCES hall_kiosks (id);
CREATE UNIQUE INDEX queue_tickets_request_token_idx ON queue_tickets (commune_code, request_token) WHERE request_token IS NOT NULL;
-- SMS and online look-ups: one waiting ticket per phone, service and day; the last commune a phone queued in.
CREATE INDEX queue_tickets_phone_idx ON queue_tickets (phone, taken_at DESC) WHERE phone IS NOT NULL;
