// The only code that queries indicator_report_subscriptions and indicator_report_runs (migration 0050).
import type { Queryable } from "../../../platform/db/database.ts";
import type { Grouping } from "../indicators.repository.ts";

export type SubscriptionRow = {
  id: string;
  unitCode: string;
  unitPath: string;
  setKeys: string[];
  grouping: Grouping;
  recipients: string[];
  active: boolean;
  createdAt: Date;
};

export type RunRow = {
  id: string;
  subscriptionId: string;
  period: string;
  pdfFileId: string;
  recipients: string[];
  generatedAt: Date;
};

const SUB = `id, unit_code AS "unitCode", unit_path AS "unitPath", set_keys AS "setKeys", grouping, recipients, active, created_at AS "createdAt"`;
const RUN = `id, subscription_id AS "subscriptionId", period, pdf_file_id AS "pdfFileId", recipients, generated_at AS "generatedAt"`;

export async function insertSubscription(
  q: Queryable,
  s: { unitCode: string; unitPath: string; setKeys: string[]; grouping: Grouping; recipients: string[]; createdBy: string; at: Date },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO indicator_report_subscriptions (unit_code, unit_path, set_keys, grouping, recipients, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.unitCode, s.unitPath, s.setKeys, s.grouping, s.recipients, s.createdBy, s.at],
  );
  return rows[0]!.id;
}

export async function findSubscription(q: Queryable, id: string, forUpdate = false): Promise<SubscriptionRow | null> {
  const { rows } = await q.query<SubscriptionRow>(`SELECT ${SUB} FROM indicator_report_subscriptions WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

export async function endSubscription(q: Queryable, id: string, by: string, at: Date): Promise<void> {
  await q.query("UPDATE indicator_report_subscriptions SET active = false, ended_by = $2, ended_at = $3 WHERE id = $1", [id, by, at]);
}

/** Active subscriptions on units under any of the paths (every one when paths is null), newest first. */
export async function listSubscriptions(q: Queryable, paths: string[] | null): Promise<SubscriptionRow[]> {
  const { rows } = await q.query<SubscriptionRow>(
    `SELECT ${SUB} FROM indicator_report_subscriptions
     WHERE active AND ($1::text[] IS NULL OR unit_path LIKE ANY (SELECT p || '%' FROM unnest($1::text[]) p))
     ORDER BY created_at DESC, id LIMIT 200`,
    [paths],
  );
  return rows;
}

/** Records a run; null when the subscription already has one for the period (the task ran before). */
export async function insertRun(
  q: Queryable,
  r: { subscriptionId: string; period: string; pdfFileId: string; xlsx: Uint8Array; recipients: string[]; at: Date },
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO indicator_report_runs (subscription_id, period, pdf_file_id, xlsx, recipients, generated_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (subscription_id, period) DO NOTHING RETURNING id`,
    [r.subscriptionId, r.period, r.pdfFileId, Buffer.from(r.xlsx), r.recipients, r.at],
  );
  return rows[0]?.id ?? null;
}

export async function hasRun(q: Queryable, subscriptionId: string, period: string): Promise<boolean> {
  const { rows } = await q.query("SELECT 1 FROM indicator_report_runs WHERE subscription_id = $1 AND period = $2", [subscriptionId, period]);
  return rows.length > 0;
}

/** The latest runs of some subscriptions (the page's history). */
export async function listRuns(q: Queryable, subscriptionIds: string[]): Promise<RunRow[]> {
  if (subscriptionIds.length === 0) return [];
  const { rows } = await q.query<RunRow>(
    `SELECT ${RUN} FROM indicator_report_runs WHERE subscription_id = ANY($1::uuid[]) ORDER BY generated_at DESC, id LIMIT 200`,
    [subscriptionIds],
  );
  return rows;
}

export async function findRun(q: Queryable, id: string): Promise<(RunRow & { unitPath: string; unitCode: string }) | null> {
  const { rows } = await q.query<RunRow & { unitPath: string; unitCode: string }>(
    `SELECT r.id, r.subscription_id AS "subscriptionId", r.period, r.pdf_file_id AS "pdfFileId", r.recipients, r.generated_at AS "generatedAt",
            s.unit_path AS "unitPath", s.unit_code AS "unitCode"
     FROM indicator_report_runs r JOIN indicator_report_subscriptions s ON s.id = r.subscription_id WHERE r.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function runWorkbook(q: Queryable, id: string): Promise<Buffer | null> {
  const { rows } = await q.query<{ xlsx: Buffer }>("SELECT xlsx FROM indicator_report_runs WHERE id = $1", [id]);
  return rows[0]?.xlsx ?? null;
}
