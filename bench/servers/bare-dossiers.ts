// Baselines (f) and (h): Hono on @hono/node-server with one bare `pg` pool, doing the database work of the public
// status look-up and of an online submission, and nothing else (no auth, no validation, no logging, no i18n).
//
// POST /status   {code, last4}: XãSố's look-up SELECT of the dossier (by code and last four digits, the same named
//                prepared statement), its events (the same statement), and the name of the procedure version it was
//                filed under (only the name: XãSố reads the whole procedure version row). Events and name run in parallel, as in
//                lookupStatus. XãSố also counts throttle hits before the look-up (two more SELECTs); this does not.
// POST /dossiers the submission's JSON and an Idempotency-Key header. It writes what fileDossier writes, with the same
//                SQL: the day's code counter first in its own short transaction (repo.nextCodeNumber), then one
//                transaction with the dossier row (repo.insertDossier), one dossier_documents row per referenced file
//                (repo.insertDocuments: one statement), the "submit" event (repo.insertEvent), the SMS and email
//                outbox rows (enqueue) and, last as in fileDossier, the audit entry (appendAudit: one INSERT, sealed
//                into the chain later by the XãSố server's sealer). The outbox rows are due in a year, so the XãSố server's worker
//                never sends the baseline's messages during the run. It answers 201 with the id and code. The
//                body's commune is used (the bench spreads submissions over communes: 9,999 numbers a day each).
//                Not done here, and done by XãSố: the token look-up, the checks that read the idempotency key and
//                the file, and (when not cached) the commune, the procedure and the desk settings.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import pg from "pg";
import { readDeskSettings } from "../../src/modules/dossiers/desk-settings.repository.ts";
import { dossierCode, MAX_DAILY_NUMBER } from "../../src/modules/dossiers/use-cases/dossier-code.ts";
import * as repo from "../../src/modules/dossiers/dossiers.repository.ts";
import type { Applicant, Delivery } from "../../src/modules/dossiers/dossiers.model.ts";
import { renderNotification, toE164Vn, toSmsText } from "../../src/modules/notifications/index.ts";
import { appendAudit } from "../../src/platform/audit/audit.repository.ts";
import { queryPrepared } from "../../src/platform/db/database.ts";
import { enqueue } from "../../src/platform/jobs/outbox.ts";

const port = Number(process.env.BENCH_PORT);
const userId = process.env.BENCH_USER_ID!;
const userLabel = process.env.BENCH_USER_LABEL ?? "bench";
const communeCode = process.env.BENCH_COMMUNE!;
const procedureCode = process.env.BENCH_PROCEDURE!;
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
pool.on("error", () => undefined);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

// Everything a submission needs that does not depend on the request, read once.
const proc = (
  await pool.query<{ id: string; version: number; name: string; fee: number }>(
    `SELECT p.id, p.current_version AS version, v.definition->>'name' AS name,
     coalesce((SELECT sum((f->>'amount')::bigint) FROM jsonb_array_elements(v.definition->'fees') f), 0)::int AS fee
   FROM procedures p JOIN procedure_versions v ON v.procedure_id = p.id AND v.version = p.current_version WHERE p.code = $1`,
    [procedureCode],
  )
).rows[0];
const unit = (await pool.query<{ path: string }>("SELECT path FROM admin_units WHERE code = $1", [communeCode])).rows[0];
if (!proc || !unit) throw new Error(`procedure ${procedureCode} or commune ${communeCode} not found`);
const { agencyCode } = await readDeskSettings(pool, communeCode);
// The bench spreads submissions over communes (an agency has 9,999 numbers a day): each one's path and
// agency code, read once as XãSố caches them.
const communes = new Map<string, { path: string; agencyCode: string }>();
async function communeOf(code: string) {
  let c = communes.get(code);
  if (!c) {
    const path = (await pool.query<{ path: string }>("SELECT path FROM admin_units WHERE code = $1 AND level = 'commune'", [code])).rows[0]?.path;
    if (!path) return null;
    c = { path, agencyCode: (await readDeskSettings(pool, code)).agencyCode };
    communes.set(code, c);
  }
  return c;
}

// The messages' text, rendered once for a sample code of the right length; each request puts its own code in.
const SAMPLE = dossierCode(agencyCode, new Date(), 1);
let smsPayload: { to: string; text: string } | null = null;
let emailPayload: { to: string; subject: string; text: string } | null = null;
function renderOnce(applicant: { phone?: string | null; email?: string | null }) {
  const r = renderNotification("dossierSubmitted", { dossierCode: SAMPLE, procedureName: proc!.name }, "vi");
  const phone = applicant.phone ? toE164Vn(applicant.phone) : null;
  smsPayload = phone ? { to: phone, text: toSmsText(r.sms, { maxSegments: 2, keep: [SAMPLE] }).text } : null;
  emailPayload = applicant.email ? { to: applicant.email, subject: r.emailSubject, text: r.emailText } : null;
}
const withCode = <T extends Record<string, string>>(p: T, code: string): T =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.split(SAMPLE).join(code)])) as T;
const IN_A_YEAR = () => new Date(Date.now() + 365 * 86_400_000);
const last4 = (s: string | null | undefined) => (s ? s.replace(/\D/g, "").slice(-4) || null : null);
const toDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const iso = (x: Date | null) => (x ? new Date(x).toISOString() : null);

type Body = {
  communeCode: string;
  applicant: Applicant;
  form: Record<string, unknown>;
  documents: { requirementKey: string; fileId: string }[];
  delivery: Delivery;
};

const app = new Hono();

app.post("/status", async (c) => {
  const { code, last4: digits } = await c.req.json<{ code: string; last4: string }>();
  const d = await repo.findForPublicLookup(pool, code.trim().toUpperCase(), digits);
  if (!d) return c.json({ title: "not found" }, 404);
  const [name, events] = await Promise.all([
    queryPrepared<{ name: string }>(
      pool,
      "bench_procedure_name",
      "SELECT definition->>'name' AS name FROM procedure_versions WHERE procedure_id = $1 AND version = $2",
      [d.procedureId, d.procedureVersion],
    ),
    repo.listEvents(pool, d.id),
  ]);
  return c.json({
    code: d.code,
    procedureName: name.rows[0]?.name ?? "",
    state: d.state,
    applicantName: d.applicantName,
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    newDueAt: iso(d.apologyDueAt),
    finishedAt: iso(d.finishedAt),
    returnedAt: iso(d.returnedAt),
    steps: events.map((e) => ({ action: e.action, at: new Date(e.at).toISOString() })),
  });
});

app.post("/dossiers", async (c) => {
  const body = await c.req.json<Body>();
  const key = c.req.header("idempotency-key") ?? null;
  const now = new Date();
  if (!smsPayload && !emailPayload) renderOnce(body.applicant);
  const commune = await communeOf(body.communeCode);
  if (!commune) return c.json({ title: "no such commune" }, 400);
  const n = await repo.nextCodeNumber(pool, commune.agencyCode, toDay(now), MAX_DAILY_NUMBER);
  if (n === null) return c.json({ title: "the day's dossier numbers are used up" }, 503);
  const code = dossierCode(commune.agencyCode, now, n);
  const client = await pool.connect();
  let id: string | null = null;
  try {
    await client.query("BEGIN");
    id = await repo.insertDossier(client, {
      communeCode: body.communeCode,
      unitPath: commune.path,
      procedureId: proc.id,
      procedureVersion: proc.version,
      state: "submitted",
      channel: "online",
      ownerUserId: userId,
      filedByUserId: userId,
      assistedConsent: null,
      applicant: body.applicant,
      formData: body.form,
      delivery: body.delivery,
      feeAmount: proc.fee,
      idempotencyKey: key,
      now,
      code,
      submittedAt: now,
      receivedAt: null,
      dueAt: null,
    });
    if (!id) throw new Error("duplicate idempotency key");
    await repo.insertDocuments(
      client,
      id,
      userId,
      body.documents.map((d) => ({ requirementKey: d.requirementKey, fileId: d.fileId, source: "upload" as const, round: 0, mustOwn: true })),
    );
    await repo.insertEvent(client, id, {
      action: "submit",
      fromState: null,
      toState: "submitted",
      actorId: userId,
      actorLabel: userLabel,
      at: now,
      reason: null,
      stepDueAt: null,
      details: { channel: "online", procedureVersion: proc.version },
    });
    const dedupe = `dossier:${id}:dossierSubmitted:0`;
    if (smsPayload) await enqueue(client, { topic: "sms", payload: withCode(smsPayload, code), dedupeKey: `${dedupe}:sms`, notBefore: IN_A_YEAR() });
    if (emailPayload) await enqueue(client, { topic: "email", payload: withCode(emailPayload, code), dedupeKey: `${dedupe}:email`, notBefore: IN_A_YEAR() });
    await appendAudit(
      client,
      {
        type: "dossier.submitted",
        actor: { userId, label: userLabel },
        target: { type: "dossier", id },
        adminUnitCode: body.communeCode,
        requestId: null,
        details: { code, procedure: procedureCode, version: proc.version, channel: "online" },
      },
      now,
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    return c.json({ title: String(err) }, 409);
  } finally {
    client.release();
  }
  return c.json({ id, code, lookup: last4(body.applicant.phone) }, 201);
});

const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port }, (info) => {
  process.stdout.write(`bench-bare-dossiers listening on ${info.port}\n`);
});
const stop = () => server.close(() => void pool.end().finally(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
