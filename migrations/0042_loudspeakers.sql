-- Issue #12, notices' loudspeakers part: village radio stations, their weekly broadcast slots (a notice's spoken
-- bulletin with its audio), and the plays the stations report. Rows carry the village's path (`unit_path`) so a
-- commune's grants see its stations by prefix.

-- Audio uploads and generated speech are stored files too (checked by content: platform/files/sniff-upload.ts).
ALTER TABLE stored_files DROP CONSTRAINT stored_files_media_type_check;
ALTER TABLE stored_files ADD CONSTRAINT stored_files_media_type_check
  CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif', 'audio/mpeg', 'audio/ogg', 'audio/wav'));

-- ── stations ────────────────────────────────────────────────────────────────────────────────────────────────────
-- The player's key is shown once; only its sha256 (hex) is kept. Rotating it replaces the hash.
CREATE TABLE radio_stations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  commune_code    text NOT NULL REFERENCES admin_units (code),
  village_code    text NOT NULL REFERENCES admin_units (code),
  unit_path       text NOT NULL,                                   -- the village's path
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  active          boolean NOT NULL DEFAULT true,
  key_hash        text NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  key_rotated_at  timestamptz NOT NULL DEFAULT now(),
  last_polled_at  timestamptz,                                     -- the feed's last request with the key
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (key_hash)
);
CREATE INDEX radio_stations_path_idx ON radio_stations (unit_path text_pattern_ops, name);

-- ── weekly slots ────────────────────────────────────────────────────────────────────────────────────────────────
-- weekdays: ISO (1 Monday … 7 Sunday); start_minute from local midnight (Vietnam, UTC+7, no DST); a slot ends the
-- same day. Two slots of one station may not share a weekday, a minute and a day of validity (trigger below).
CREATE TABLE broadcast_slots (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id        uuid NOT NULL REFERENCES radio_stations (id) ON DELETE CASCADE,
  notice_id         uuid NOT NULL REFERENCES notices (id),
  weekdays          smallint[] NOT NULL CHECK (cardinality(weekdays) BETWEEN 1 AND 7 AND weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]),
  start_minute      int NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  duration_minutes  int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 180),
  valid_from        date NOT NULL,
  valid_until       date,
  audio_file_id     uuid NOT NULL REFERENCES stored_files (id),
  audio_source      text NOT NULL CHECK (audio_source IN ('upload', 'espeak', 'http')),
  audio_seconds     numeric(8, 2) NOT NULL CHECK (audio_seconds > 0),
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  version           int NOT NULL DEFAULT 1,
  CHECK (start_minute + duration_minutes <= 1440),
  CHECK (valid_until IS NULL OR valid_until >= valid_from),
  CHECK (audio_seconds <= duration_minutes * 60)
);
CREATE INDEX broadcast_slots_station_idx ON broadcast_slots (station_id, start_minute);
CREATE INDEX broadcast_slots_notice_idx ON broadcast_slots (notice_id);

-- The overlap rule, in the database: the station's row is locked first, so two concurrent writers of one station
-- queue behind each other and the second sees the first's slot. SQLSTATE 23P01 (exclusion_violation), the
-- colliding slot's id in DETAIL.
CREATE FUNCTION broadcast_slots_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE other uuid;
BEGIN
  PERFORM 1 FROM radio_stations WHERE id = NEW.station_id FOR UPDATE;
  SELECT s.id INTO other FROM broadcast_slots s
   WHERE s.station_id = NEW.station_id AND s.id <> NEW.id
     AND s.weekdays && NEW.weekdays
     AND s.start_minute < NEW.start_minute + NEW.duration_minutes
     AND NEW.start_minute < s.start_minute + s.duration_minutes
     AND daterange(s.valid_from, s.valid_until, '[]') && daterange(NEW.valid_from, NEW.valid_until, '[]')
   ORDER BY s.start_minute LIMIT 1;
  IF other IS NOT NULL THEN
    RAISE EXCEPTION 'broadcast slot overlaps %', other USING ERRCODE = 'exclusion_violation', DETAIL = other::text;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER broadcast_slots_no_overlap BEFORE INSERT OR UPDATE ON broadcast_slots
  FOR EACH ROW EXECUTE FUNCTION broadcast_slots_no_overlap();

-- ── plays reported by the stations ──────────────────────────────────────────────────────────────────────────────
-- One row per (slot, start): a station that reports the same play again adds nothing.
CREATE TABLE station_plays (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_id        uuid NOT NULL REFERENCES radio_stations (id) ON DELETE CASCADE,
  slot_id           uuid NOT NULL REFERENCES broadcast_slots (id) ON DELETE CASCADE,
  notice_id         uuid NOT NULL REFERENCES notices (id),
  started_at        timestamptz NOT NULL,
  duration_seconds int CHECK (duration_seconds BETWEEN 0 AND 86400),
  status            text NOT NULL CHECK (status IN ('played', 'failed', 'skipped')),
  reported_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (slot_id, started_at)
);
CREATE INDEX station_plays_station_idx ON station_plays (station_id, started_at DESC);
CREATE INDEX station_plays_notice_idx ON station_plays (notice_id, started_at DESC);
