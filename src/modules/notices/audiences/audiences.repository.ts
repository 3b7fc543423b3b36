// Who a notice reaches, in SQL: ONE resolver (recipientsSql + judgedSql) serves the preview's counts and the fan-out's
// INSERT … SELECT, so what the officer is shown is what is sent. Residents come from the registry's published view
// resident_contact_refs, accounts' contacts from citizen_contact_refs and user_contact_refs, teams from
// digital_team_refs/team_member_refs; preferences are the module's own notice_preferences.
import type { Queryable } from "../../../platform/db/database.ts";
import type { ChannelContact } from "../channels/channel.ts";
import type { AudienceFlag, NoticeScope } from "../notices.model.ts";

/** What the resolver needs of a notice (saved or a draft being previewed). */
export type AudienceInput = {
  unitPath: string;
  scope: NoticeScope;
  villageCodes: readonly string[];
  flags: readonly AudienceFlag[];
  roles: readonly string[];
  list: readonly string[];
};

/** How a channel picks and filters addresses. */
export type ChannelRule = { name: string; contact: ChannelContact; optIn: boolean };

/** A Vietnamese mobile number as E.164 (+84…), else NULL: the registry and citizens store 0xxxxxxxxx. */
const e164 = (expr: string) =>
  `(CASE WHEN ${expr} ~ '^0[35789][0-9]{8}$' THEN '+84' || substr(${expr}, 2)
         WHEN ${expr} ~ '^\\+84[35789][0-9]{8}$' THEN ${expr}
         WHEN ${expr} ~ '^84[35789][0-9]{8}$' THEN '+' || ${expr} END)`;

const add = (params: unknown[], v: unknown): string => {
  params.push(v);
  return `$${params.length}`;
};

/**
 * The recipients of an audience, one row per person (resident, team member, or listed number): resident_id, user_id,
 * village_code, phone (E.164 or NULL), email (or NULL). Residents: of the scope, not archived, narrowed by flags;
 * team members and leaders when the roles ask; the list's numbers as given.
 */
export function recipientsSql(a: AudienceInput, params: unknown[]): string {
  const path = add(params, a.unitPath);
  const villages = add(params, a.scope === "villages" ? [...a.villageCodes] : null);
  const flags = add(params, [...a.flags]);
  const inScope = (alias: string) =>
    `${alias}.unit_path LIKE ${path} || '%' AND (${villages}::text[] IS NULL OR ${alias}.village_code = ANY(${villages}::text[]))`;
  const parts = [
    `SELECT r.id AS resident_id, r.user_id, r.village_code,
            coalesce(${e164("r.phone")}, ${e164("c.verified_phone")}) AS phone, nullif(btrim(c.email), '') AS email
       FROM resident_contact_refs r LEFT JOIN citizen_contact_refs c ON c.user_id = r.user_id
      WHERE r.archived_at IS NULL AND ${inScope("r")}
        AND (cardinality(${flags}::text[]) = 0 OR r.flags && ${flags}::text[] OR r.poverty = ANY(${flags}::text[]))`,
  ];
  // A team serving the whole commune (no village) serves every village of a villages-scoped notice too.
  const teamScope = `t.archived_at IS NULL AND t.unit_path LIKE ${path} || '%'
        AND (${villages}::text[] IS NULL OR t.village_code IS NULL OR t.village_code = ANY(${villages}::text[]))`;
  const teamUsers: string[] = [];
  if (a.roles.includes("team_members")) {
    teamUsers.push(`SELECT m.user_id, t.village_code FROM team_member_refs m JOIN digital_team_refs t ON t.id = m.team_id
      WHERE m.left_at IS NULL AND ${teamScope}`);
  }
  if (a.roles.includes("team_leaders")) {
    teamUsers.push(`SELECT t.leader_user_id, t.village_code FROM digital_team_refs t WHERE t.leader_user_id IS NOT NULL AND ${teamScope}`);
  }
  if (teamUsers.length > 0) {
    parts.push(`SELECT NULL::uuid, u.id, tu.village_code, ${e164("u.phone")}, nullif(btrim(u.email), '')
       FROM (SELECT DISTINCT ON (x.user_id) x.user_id, x.village_code FROM (${teamUsers.join(" UNION ALL ")}) x(user_id, village_code)
              ORDER BY x.user_id, x.village_code NULLS LAST) tu
       JOIN user_contact_refs u ON u.id = tu.user_id
      WHERE u.disabled_at IS NULL`);
  }
  if (a.list.length > 0) {
    parts.push(`SELECT NULL::uuid, NULL::uuid, NULL::text, ${e164("l.n")}, NULL::text FROM unnest(${add(params, [...new Set(a.list)])}::text[]) l(n)`);
  }
  return parts.join("\n      UNION ALL\n");
}

/** A preference row matching a recipient `alias` by phone, resident or account, with a condition on it. */
function prefMatches(alias: string, cond: string): string {
  const m = (col: string, val: string) => `(${val} IS NOT NULL AND EXISTS (SELECT 1 FROM notice_preferences p WHERE p.${col} = ${val} AND (${cond})))`;
  return `(${m("phone", `${alias}.phone`)} OR ${m("resident_id", `${alias}.resident_id`)} OR ${m("user_id", `${alias}.user_id`)})`;
}

/**
 * The CTEs rcpt (recipients) and j (each recipient judged for one channel: address, refused, allowed) of a
 * statement; callers append their SELECT or INSERT over j.
 */
export function judgedSql(a: AudienceInput, channel: ChannelRule, category: string, params: unknown[]): string {
  const rcpt = recipientsSql(a, params);
  const ch = add(params, channel.name);
  const cat = add(params, category);
  const refused = prefMatches("r", `${ch} = ANY(p.channels_off) OR ${cat} = ANY(p.categories_off)`);
  const optedIn = channel.optIn ? prefMatches("r", `${ch} = ANY(p.channels_on)`) : "true";
  const address = channel.contact === "phone" ? "r.phone" : "lower(r.email)";
  return `WITH rcpt AS (
      ${rcpt}
    ), j AS (
      SELECT r.resident_id, r.user_id, r.village_code, ${address} AS address,
             ${refused} AS refused, ${optedIn} AS opted_in
        FROM rcpt r
    )`;
}

export type ChannelCounts = {
  /** People in the audience (residents, team members, listed numbers). */
  recipients: number;
  /** Of them, with no address for this channel. */
  noAddress: number;
  /** With an address but left out: refused the channel or the category, or (opt-in channel) never turned it on. */
  leftOut: number;
  /** People reached. */
  reached: number;
  /** Messages: distinct addresses reached (two residents sharing a phone get one SMS). */
  messages: number;
};

export async function countChannel(q: Queryable, a: AudienceInput, channel: ChannelRule, category: string): Promise<ChannelCounts> {
  const params: unknown[] = [];
  const sql = `${judgedSql(a, channel, category, params)}
    SELECT count(*)::int AS recipients,
           count(*) FILTER (WHERE address IS NULL)::int AS "noAddress",
           count(*) FILTER (WHERE address IS NOT NULL AND (refused OR NOT opted_in))::int AS "leftOut",
           count(*) FILTER (WHERE address IS NOT NULL AND NOT refused AND opted_in)::int AS reached,
           count(DISTINCT address) FILTER (WHERE address IS NOT NULL AND NOT refused AND opted_in)::int AS messages
      FROM j`;
  const { rows } = await q.query<ChannelCounts>(sql, params);
  return rows[0]!;
}

/**
 * The fan-out's write: one delivery per distinct address reached on the channel (the first resident holding it
 * keeps the row's resident and village). A delivery already there is left alone (UNIQUE notice, channel, address).
 * Returns the new rows, in id order.
 */
export async function insertDeliveries(
  q: Queryable,
  noticeId: string,
  a: AudienceInput,
  channel: ChannelRule,
  category: string,
  costVnd: number,
  now: Date,
): Promise<{ id: string; address: string }[]> {
  const params: unknown[] = [];
  const cte = judgedSql(a, channel, category, params);
  const id = add(params, noticeId);
  const cost = add(params, costVnd);
  const at = add(params, now);
  const { rows } = await q.query<{ id: string; address: string }>(
    `${cte}
    INSERT INTO notice_deliveries (notice_id, channel, address, resident_id, user_id, village_code, cost_vnd, queued_at, due_at, updated_at)
    SELECT DISTINCT ON (address) ${id}::uuid, ${add(params, channel.name)}, address, resident_id, user_id, village_code, ${cost}::int,
           ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
      FROM j WHERE address IS NOT NULL AND NOT refused AND opted_in
     ORDER BY address, resident_id NULLS LAST, user_id NULLS LAST
    ON CONFLICT (notice_id, channel, address) DO NOTHING
    RETURNING id::text, address`,
    params,
  );
  return rows.sort((x, y) => Number(x.id) - Number(y.id));
}

/** Deliveries the adapter refused to build a message for (no SMS text…): skipped, with the reason, at no cost. */
export async function markSkipped(q: Queryable, ids: readonly string[], reason: string): Promise<void> {
  if (ids.length === 0) return;
  await q.query(`UPDATE notice_deliveries SET status = 'skipped', skip_reason = $2, cost_vnd = 0, updated_at = now() WHERE id = ANY($1::bigint[])`, [
    ids,
    reason,
  ]);
}

/** Deliveries held back by the daily cap: due at a later instant (07:00 of a later Vietnam day). */
export async function setDue(q: Queryable, ids: readonly string[], dueAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await q.query("UPDATE notice_deliveries SET due_at = $2 WHERE id = ANY($1::bigint[])", [ids, dueAt]);
}

/**
 * SMS of a unit's notices due per Vietnam day from `from` on (skipped ones do not count): what the daily cap has
 * already given away, today and on the days deferred messages were put on.
 */
export async function smsDueByDay(q: Queryable, unitCode: string, from: Date, exceptNotice: string | null = null): Promise<Map<string, number>> {
  const { rows } = await q.query<{ day: string; n: number }>(
    `SELECT to_char((d.due_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS day, count(*)::int AS n
       FROM notice_deliveries d JOIN notices n ON n.id = d.notice_id
      WHERE n.unit_code = $1 AND d.channel = 'sms' AND d.status <> 'skipped' AND d.due_at >= $2
        AND ($3::uuid IS NULL OR d.notice_id <> $3::uuid)
      GROUP BY 1`,
    [unitCode, from, exceptNotice],
  );
  return new Map(rows.map((r) => [r.day, r.n]));
}

/** Serialises the fan-outs of one unit's SMS, so two notices cannot both take the day's last allowance. */
export async function lockSmsCap(q: Queryable, unitCode: string): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('notices.sms-cap:' || $1))", [unitCode]);
}

/** The villages a notice's web and loudspeaker channels cover: its villages, or every village under its unit. */
export async function villagesInScope(q: Queryable, a: Pick<AudienceInput, "unitPath" | "scope" | "villageCodes">): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT code FROM admin_unit_refs WHERE level = 'village' AND path LIKE $1 || '%' AND ($2::text[] IS NULL OR code = ANY($2::text[])) ORDER BY code`,
    [a.unitPath, a.scope === "villages" ? [...a.villageCodes] : null],
  );
  return rows.map((r) => r.code);
}

/** How many of these villages have an active loudspeaker station (the loudspeakers part's table, migration 0042). */
export async function villagesWithStations(q: Queryable, villages: readonly string[]): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    "SELECT count(DISTINCT village_code)::int AS n FROM radio_stations WHERE village_code = ANY($1::text[]) AND active",
    [[...villages]],
  );
  return rows[0]?.n ?? 0;
}

// ── the delivery report ─────────────────────────────────────────────────────────────────────────────────────────

export type StatusCountsRow = { channel: string; status: string; n: number; cost: number };

export async function deliveryCounts(q: Queryable, noticeId: string): Promise<StatusCountsRow[]> {
  const { rows } = await q.query<StatusCountsRow>(
    `SELECT channel, status, count(*)::int AS n, coalesce(sum(cost_vnd) FILTER (WHERE status <> 'skipped'), 0)::int AS cost
       FROM notice_deliveries WHERE notice_id = $1 GROUP BY channel, status ORDER BY channel, status`,
    [noticeId],
  );
  return rows;
}

export type VillageCountsRow = { villageCode: string | null; villageName: string | null; status: string; n: number };

export async function deliveryCountsByVillage(q: Queryable, noticeId: string): Promise<VillageCountsRow[]> {
  const { rows } = await q.query<VillageCountsRow>(
    `SELECT d.village_code AS "villageCode", u.name AS "villageName", d.status, count(*)::int AS n
       FROM notice_deliveries d LEFT JOIN admin_unit_refs u ON u.code = d.village_code
      WHERE d.notice_id = $1 GROUP BY d.village_code, u.name, d.status ORDER BY d.village_code NULLS LAST, d.status`,
    [noticeId],
  );
  return rows;
}

export type DeliveryListRow = {
  id: string;
  channel: string;
  address: string;
  status: string;
  residentName: string | null;
  villageCode: string | null;
  villageName: string | null;
  attempts: number;
  lastError: string | null;
  skipReason: string | null;
  dueAt: Date;
  failedAt: Date | null;
};

export async function listDeliveries(
  q: Queryable,
  noticeId: string,
  statuses: readonly string[],
  page: { limit: number; offset: number },
): Promise<{ rows: DeliveryListRow[]; total: number }> {
  const [list, total] = await Promise.all([
    q.query<DeliveryListRow>(
      `SELECT d.id::text, d.channel, d.address, d.status, r.full_name AS "residentName", d.village_code AS "villageCode",
              u.name AS "villageName", d.attempts, d.last_error AS "lastError", d.skip_reason AS "skipReason",
              d.due_at AS "dueAt", d.failed_at AS "failedAt"
         FROM notice_deliveries d
         LEFT JOIN resident_contact_refs r ON r.id = d.resident_id
         LEFT JOIN admin_unit_refs u ON u.code = d.village_code
        WHERE d.notice_id = $1 AND d.status = ANY($2::text[])
        ORDER BY d.id LIMIT $3 OFFSET $4`,
      [noticeId, statuses, page.limit, page.offset],
    ),
    q.query<{ n: number }>("SELECT count(*)::int AS n FROM notice_deliveries WHERE notice_id = $1 AND status = ANY($2::text[])", [noticeId, statuses]),
  ]);
  return { rows: list.rows, total: total.rows[0]?.n ?? 0 };
}

/** Marks the fan-out done: set once, so a second run of the handler adds nothing. */
export async function markFannedOut(q: Queryable, noticeId: string, now: Date, publish: boolean): Promise<void> {
  await q.query(
    `UPDATE notices SET fanned_out_at = $2, updated_at = $2${publish ? ", status = 'published', published_at = coalesce(published_at, $2), version = version + 1" : ""}
      WHERE id = $1`,
    [noticeId, now],
  );
}
