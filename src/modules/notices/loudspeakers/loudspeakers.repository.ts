// SQL of notices' loudspeakers part: stations, their weekly slots and the plays they report.
import type { Queryable } from "../../../platform/db/database.ts";

export type StationRow = {
  id: string;
  communeCode: string;
  villageCode: string;
  villageName: string;
  unitPath: string;
  name: string;
  active: boolean;
  keyHash: string;
  keyRotatedAt: Date;
  lastPolledAt: Date | null;
  slots: number;
};

const STATION_COLUMNS = `s.id, s.commune_code AS "communeCode", s.village_code AS "villageCode", coalesce(v.name, s.village_code) AS "villageName",
  s.unit_path AS "unitPath", s.name, s.active, s.key_hash AS "keyHash", s.key_rotated_at AS "keyRotatedAt", s.last_polled_at AS "lastPolledAt",
  (SELECT count(*)::int FROM broadcast_slots b WHERE b.station_id = s.id) AS slots`;
const STATION_FROM = "radio_stations s LEFT JOIN admin_unit_refs v ON v.code = s.village_code";

export async function insertStation(
  q: Queryable,
  s: { communeCode: string; villageCode: string; unitPath: string; name: string; keyHash: string },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    "INSERT INTO radio_stations (commune_code, village_code, unit_path, name, key_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [s.communeCode, s.villageCode, s.unitPath, s.name, s.keyHash],
  );
  return rows[0]!.id;
}

export async function findStation(q: Queryable, id: string, lock = false): Promise<StationRow | null> {
  const { rows } = await q.query<StationRow>(`SELECT ${STATION_COLUMNS} FROM ${STATION_FROM} WHERE s.id = $1${lock ? " FOR UPDATE OF s" : ""}`, [id]);
  return rows[0] ?? null;
}

/** The stations under any of the paths (prefix match), by village then name. */
export async function listStations(q: Queryable, paths: readonly string[]): Promise<StationRow[]> {
  if (paths.length === 0) return [];
  const { rows } = await q.query<StationRow>(
    `SELECT ${STATION_COLUMNS} FROM ${STATION_FROM} WHERE s.unit_path LIKE ANY($1::text[]) ORDER BY "villageName", s.name`,
    [paths.map((p) => `${p}%`)],
  );
  return rows;
}

export async function updateStation(q: Queryable, id: string, s: { name?: string; active?: boolean }): Promise<void> {
  await q.query("UPDATE radio_stations SET name = coalesce($2, name), active = coalesce($3, active), updated_at = now() WHERE id = $1", [
    id,
    s.name ?? null,
    s.active ?? null,
  ]);
}

export async function setStationKey(q: Queryable, id: string, keyHash: string): Promise<void> {
  await q.query("UPDATE radio_stations SET key_hash = $2, key_rotated_at = now(), updated_at = now() WHERE id = $1", [id, keyHash]);
}

export async function markPolled(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query("UPDATE radio_stations SET last_polled_at = $2 WHERE id = $1", [id, at]);
}

export type SlotRow = {
  id: string;
  stationId: string;
  noticeId: string;
  noticeTitle: string;
  noticeStatus: string;
  weekdays: number[];
  startMinute: number;
  durationMinutes: number;
  validFrom: string;
  validUntil: string | null;
  audioFileId: string;
  audioSource: "upload" | "espeak" | "http";
  audioSeconds: number;
  version: number;
};

const SLOT_COLUMNS = `b.id, b.station_id AS "stationId", b.notice_id AS "noticeId", n.title AS "noticeTitle", n.status AS "noticeStatus",
  b.weekdays::int[] AS weekdays, b.start_minute AS "startMinute", b.duration_minutes AS "durationMinutes",
  to_char(b.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(b.valid_until, 'YYYY-MM-DD') AS "validUntil",
  b.audio_file_id AS "audioFileId", b.audio_source AS "audioSource", b.audio_seconds::float8 AS "audioSeconds", b.version`;

export async function listSlots(q: Queryable, stationId: string): Promise<SlotRow[]> {
  const { rows } = await q.query<SlotRow>(
    `SELECT ${SLOT_COLUMNS} FROM broadcast_slots b JOIN notices n ON n.id = b.notice_id WHERE b.station_id = $1 ORDER BY b.start_minute, b.valid_from`,
    [stationId],
  );
  return rows;
}

export async function findSlot(q: Queryable, stationId: string, slotId: string, lock = false): Promise<SlotRow | null> {
  const { rows } = await q.query<SlotRow>(
    `SELECT ${SLOT_COLUMNS} FROM broadcast_slots b JOIN notices n ON n.id = b.notice_id WHERE b.station_id = $1 AND b.id = $2${lock ? " FOR UPDATE OF b" : ""}`,
    [stationId, slotId],
  );
  return rows[0] ?? null;
}

export type SlotWrite = {
  noticeId: string;
  weekdays: number[];
  startMinute: number;
  durationMinutes: number;
  validFrom: string;
  validUntil: string | null;
  audioFileId: string;
  audioSource: "upload" | "espeak" | "http";
  audioSeconds: number;
};

export async function insertSlot(q: Queryable, stationId: string, s: SlotWrite, by: string | null): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO broadcast_slots (station_id, notice_id, weekdays, start_minute, duration_minutes, valid_from, valid_until, audio_file_id,
       audio_source, audio_seconds, created_by)
     VALUES ($1, $2, $3::smallint[], $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [stationId, s.noticeId, s.weekdays, s.startMinute, s.durationMinutes, s.validFrom, s.validUntil, s.audioFileId, s.audioSource, s.audioSeconds, by],
  );
  return rows[0]!.id;
}

export async function updateSlot(q: Queryable, id: string, s: SlotWrite): Promise<void> {
  await q.query(
    `UPDATE broadcast_slots SET notice_id = $2, weekdays = $3::smallint[], start_minute = $4, duration_minutes = $5, valid_from = $6,
       valid_until = $7, audio_file_id = $8, audio_source = $9, audio_seconds = $10, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, s.noticeId, s.weekdays, s.startMinute, s.durationMinutes, s.validFrom, s.validUntil, s.audioFileId, s.audioSource, s.audioSeconds],
  );
}

export async function deleteSlot(q: Queryable, id: string): Promise<void> {
  await q.query("DELETE FROM broadcast_slots WHERE id = $1", [id]);
}

/** The first slot of the station (other than `exceptId`) colliding with the times: the trigger's rule, read first for a clear answer. */
export async function collidingSlot(
  q: Queryable,
  stationId: string,
  exceptId: string | null,
  s: Pick<SlotWrite, "weekdays" | "startMinute" | "durationMinutes" | "validFrom" | "validUntil">,
): Promise<SlotRow | null> {
  const { rows } = await q.query<SlotRow>(
    `SELECT ${SLOT_COLUMNS} FROM broadcast_slots b JOIN notices n ON n.id = b.notice_id
     WHERE b.station_id = $1 AND ($2::uuid IS NULL OR b.id <> $2) AND b.weekdays && $3::smallint[]
       AND b.start_minute < $4::int + $5::int AND $4::int < b.start_minute + b.duration_minutes
       AND daterange(b.valid_from, b.valid_until, '[]') && daterange($6::date, $7::date, '[]')
     ORDER BY b.start_minute LIMIT 1`,
    [stationId, exceptId, s.weekdays, s.startMinute, s.durationMinutes, s.validFrom, s.validUntil],
  );
  return rows[0] ?? null;
}

export type EligibleNotice = {
  id: string;
  title: string;
  status: string;
  speechText: string | null;
  body: string;
  validFrom: string;
  validUntil: string | null;
};

/**
 * Notices a station may play: published or scheduled, whose scope covers the station's village (the commune's own,
 * a village list naming it, or a province-wide notice above it).
 */
export async function eligibleNotices(q: Queryable, station: Pick<StationRow, "communeCode" | "villageCode" | "unitPath">, noticeId?: string) {
  const { rows } = await q.query<EligibleNotice>(
    `SELECT n.id, n.title, n.status, n.speech_text AS "speechText", n.body, to_char(n.valid_from, 'YYYY-MM-DD') AS "validFrom",
       to_char(n.valid_until, 'YYYY-MM-DD') AS "validUntil"
     FROM notices n
     WHERE n.status IN ('published', 'scheduled') AND ($4::uuid IS NULL OR n.id = $4)
       AND ((n.scope = 'commune' AND n.unit_code = $1)
         OR (n.scope = 'villages' AND n.unit_code = $1 AND $2 = ANY (n.village_codes))
         OR (n.scope = 'province' AND $3 LIKE n.unit_path || '%'))
     ORDER BY coalesce(n.published_at, n.scheduled_at) DESC NULLS LAST LIMIT 200`,
    [station.communeCode, station.villageCode, station.unitPath, noticeId ?? null],
  );
  return rows;
}

/** Slots of active stations still to play: for the feed (notices withdrawn or back in draft are left out). */
export async function playableSlots(q: Queryable, stationId: string, fromDay: string): Promise<SlotRow[]> {
  const { rows } = await q.query<SlotRow>(
    `SELECT ${SLOT_COLUMNS} FROM broadcast_slots b JOIN notices n ON n.id = b.notice_id
     WHERE b.station_id = $1 AND n.status IN ('published', 'scheduled') AND (b.valid_until IS NULL OR b.valid_until >= $2::date)
       AND (n.valid_until IS NULL OR n.valid_until >= $2::date)
     ORDER BY b.start_minute`,
    [stationId, fromDay],
  );
  return rows;
}

export type PlayWrite = { slotId: string; noticeId: string; startedAt: Date; durationSeconds: number | null; status: string };

/** Inserts the plays not reported before; returns how many were new. */
export async function insertPlays(q: Queryable, stationId: string, plays: readonly PlayWrite[]): Promise<number> {
  if (plays.length === 0) return 0;
  const { rowCount } = await q.query(
    `INSERT INTO station_plays (station_id, slot_id, notice_id, started_at, duration_seconds, status)
     SELECT $1, x.slot_id, x.notice_id, x.started_at, x.duration_seconds, x.status
     FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::int[], $6::text[]) AS x(slot_id, notice_id, started_at, duration_seconds, status)
     ON CONFLICT (slot_id, started_at) DO NOTHING`,
    [
      stationId,
      plays.map((p) => p.slotId),
      plays.map((p) => p.noticeId),
      plays.map((p) => p.startedAt),
      plays.map((p) => p.durationSeconds),
      plays.map((p) => p.status),
    ],
  );
  return rowCount ?? 0;
}

export type PlayRow = {
  slotId: string;
  noticeId: string;
  noticeTitle: string;
  stationId: string;
  stationName: string;
  startedAt: Date;
  durationSeconds: number | null;
  status: "played" | "failed" | "skipped";
  reportedAt: Date;
};

/** Plays since `since`, of one station or of one notice (on the stations under `paths`), newest first. */
export async function listPlays(
  q: Queryable,
  by: { stationId: string } | { noticeId: string; paths: readonly string[] },
  since: Date,
  limit = 500,
): Promise<PlayRow[]> {
  const params: unknown[] = [since, limit];
  let where: string;
  if ("stationId" in by) {
    params.push(by.stationId);
    where = `p.station_id = $3`;
  } else {
    params.push(
      by.noticeId,
      by.paths.map((x) => `${x}%`),
    );
    where = `p.notice_id = $3 AND s.unit_path LIKE ANY($4::text[])`;
  }
  const { rows } = await q.query<PlayRow>(
    `SELECT p.slot_id AS "slotId", p.notice_id AS "noticeId", n.title AS "noticeTitle", p.station_id AS "stationId", s.name AS "stationName",
       p.started_at AS "startedAt", p.duration_seconds AS "durationSeconds", p.status, p.reported_at AS "reportedAt"
     FROM station_plays p JOIN radio_stations s ON s.id = p.station_id JOIN notices n ON n.id = p.notice_id
     WHERE ${where} AND p.started_at >= $1 ORDER BY p.started_at DESC LIMIT $2`,
    params,
  );
  return rows;
}

/** The newest slot audio of a notice (for its public page), or null. */
export async function newestNoticeAudio(q: Queryable, noticeId: string): Promise<string | null> {
  const { rows } = await q.query<{ fileId: string }>(
    `SELECT audio_file_id AS "fileId" FROM broadcast_slots WHERE notice_id = $1 ORDER BY updated_at DESC, id LIMIT 1`,
    [noticeId],
  );
  return rows[0]?.fileId ?? null;
}

/** The village's unit (code, path, parent) from the published admin-unit view. */
export async function villageUnit(q: Queryable, code: string): Promise<{ code: string; path: string; parentCode: string | null; level: string } | null> {
  const { rows } = await q.query<{ code: string; path: string; parentCode: string | null; level: string }>(
    `SELECT code, path, parent_code AS "parentCode", level FROM admin_unit_refs WHERE code = $1`,
    [code],
  );
  return rows[0] ?? null;
}

export async function villagesOf(q: Queryable, communeCodes: readonly string[]): Promise<Array<{ code: string; name: string; communeCode: string }>> {
  if (communeCodes.length === 0) return [];
  const { rows } = await q.query<{ code: string; name: string; communeCode: string }>(
    `SELECT code, name, parent_code AS "communeCode" FROM admin_unit_refs WHERE parent_code = ANY($1::text[]) AND level = 'village' ORDER BY name`,
    [communeCodes],
  );
  return rows;
}
