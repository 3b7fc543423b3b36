-- Issue #12: the commune hall (module hall). Queue tickets for the one-stop desk, the counters that call them, and
-- what the big screen shows. Days are Vietnam-local dates (platform/calendar/vietnam-time.ts).

-- What a resident queues for: each service has a letter, so tickets read A001, B014, …
CREATE TABLE hall_services (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code    text NOT NULL REFERENCES admin_units (code),
  letter          text NOT NULL CHECK (letter ~ '^[A-Z]$'),
  name_vi         text NOT NULL,
  name_en         text NOT NULL,
  procedure_fields text[] NOT NULL DEFAULT '{}',                   -- procedure fields (lĩnh vực) it covers
  position        int NOT NULL DEFAULT 0,
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (commune_code, letter)
);

CREATE TABLE hall_counters (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code    text NOT NULL REFERENCES admin_units (code),
  number          int NOT NULL CHECK (number BETWEEN 1 AND 99),
  name            text NOT NULL,
  service_ids     uuid[] NOT NULL DEFAULT '{}',                    -- the services it calls
  officer_id      uuid REFERENCES users (id),                      -- who sits there now
  active          boolean NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (commune_code, number)
);

-- status: waiting → called (at a counter; may be called again) → serving → done; called → no_show; waiting → cancelled.
CREATE TABLE queue_tickets (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code    text NOT NULL REFERENCES admin_units (code),
  service_id      uuid NOT NULL REFERENCES hall_services (id),
  day             date NOT NULL,                                   -- Vietnam-local day it is for
  number          int NOT NULL CHECK (number BETWEEN 1 AND 999),
  label           text NOT NULL,                                   -- letter + 3 digits: A012
  source          text NOT NULL CHECK (source IN ('kiosk', 'sms', 'online', 'desk')),
  phone           text,                                            -- E.164, when given (SMS, online)
  slot_start      timestamptz,                                     -- an online booking's time slot
  status          text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  counter_id      uuid REFERENCES hall_counters (id),
  called_by       uuid REFERENCES users (id),
  call_count      int NOT NULL DEFAULT 0,
  dossier_id      uuid REFERENCES dossiers (id),                   -- the dossier filed at the counter
  procedure_code  text,                                            -- what was done, for the figures
  taken_at        timestamptz NOT NULL DEFAULT now(),
  called_at       timestamptz,
  serving_at      timestamptz,
  done_at         timestamptz,
  version         int NOT NULL DEFAULT 1,
  UNIQUE (commune_code, service_id, day, number)
);
CREATE INDEX queue_tickets_waiting_idx ON queue_tickets (commune_code, day, service_id, number) WHERE status = 'waiting';
CREATE INDEX queue_tickets_day_idx ON queue_tickets (commune_code, day, called_at DESC);
