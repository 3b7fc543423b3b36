// What the dossier scenarios send: API tokens of the demo citizen, one uploaded PDF that every submission references,
// the submission body, and a set of existing dossier codes (with the right last four digits) for the status look-ups.
import { randomBytes } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { DEMO_APPLICANT, demoFormValues, demoPdf } from "../../src/demo/seed-public-services.ts";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { createApiToken, findUserId, principalOfUser } from "../../src/modules/identity/index.ts";
import { getProcedure, type ProcedureRecord } from "../../src/modules/procedures/index.ts";
import { subscribeAudit } from "../../src/platform/audit/index.ts";
import { createDatabase, type Database } from "../../src/platform/db/database.ts";
import { createEventBus } from "../../src/platform/events/domain-events.ts";
import type { RequestSpec } from "./load.ts";

/** The demo citizen (kind "citizen", role citizen on a village of Gia Phú): files online for themselves. */
export const CITIZEN = "congdan.phuha";
/**
 * "Cấp Giấy xác nhận tình trạng hôn nhân": online level "full", a 5 000 đ fee, delivery online, 7 form fields and two
 * required documents (declaration, identityDocument). Every demo procedure requires at least one document, so the
 * bench uploads one small PDF and references it for each required document.
 */
export const PROCEDURE = "1.004873";
/** With an email as well as the phone, a submission queues two outbox rows (SMS and email). */
export const APPLICANT = { ...DEMO_APPLICANT, email: "nam.do@example.vn" };
export const LAST4 = APPLICANT.phone.slice(-4);

export type DossierFixture = {
  tokens: string[];
  userId: string;
  fileId: string;
  procedure: ProcedureRecord;
  requiredKeys: string[];
  /** The JSON body of a submission to the demo commune (only the Idempotency-Key header changes). */
  body: string;
  /** The same body for each of COMMUNES communes, the demo commune first: submissions take them in turn. */
  bodies: string[];
  /** Codes of submitted dossiers, for the look-ups. */
  codes: string[];
};

const json = { "content-type": "application/json", accept: "application/json" };

/**
 * An agency has 9,999 dossier numbers a day (…-YYMMDD-NNNN) and a run files more than that: submissions are
 * spread over this many communes of the demo province, each numbered under its own agency code.
 */
const COMMUNES = 32;

async function benchCommunes(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ code: string }>(
    `SELECT code FROM admin_unit_refs WHERE level = 'commune' AND parent_code = (SELECT parent_code FROM admin_unit_refs WHERE code = $1)
     ORDER BY code = $1 DESC, code LIMIT $2`,
    [DEMO_COMMUNE, COMMUNES],
  );
  if (rows[0]?.code !== DEMO_COMMUNE) throw new Error(`the demo commune ${DEMO_COMMUNE} is missing`);
  return rows.map((r) => r.code);
}

/** Creates `count` API tokens for the demo citizen, as the office face would (createApiToken, audited). */
async function citizenTokens(db: Database, count: number): Promise<{ userId: string; tokens: string[] }> {
  const events = createEventBus();
  const clock = { now: () => new Date() };
  subscribeAudit(events, clock);
  const deps = { db, events, clock, config: { servedProvinces: ["15"] } } as unknown as Pick<Deps, "db" | "events" | "config" | "clock">;
  const userId = await findUserId(deps, CITIZEN);
  const principal = userId ? await principalOfUser(deps, userId) : null;
  const grant = principal?.grants.find((g) => g.role === "citizen");
  if (!principal || !grant) throw new Error(`the demo citizen ${CITIZEN} is missing (SEED_DEMO=true should create it)`);
  // A citizen filing online has proven their phone by a code (the bench skips that round trip), so their
  // dossiers' SMS go to it as in the bare baseline.
  await db.query("UPDATE citizen_profiles SET verified_phone = phone, phone_verified_at = now() WHERE user_id = $1 AND verified_phone IS NULL", [userId]);
  const ctx = { actor: { userId: principal.userId, label: principal.username }, requestId: null, principal };
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { token } = await createApiToken(deps, ctx, { name: `bench ${i + 1}`, role: "citizen", adminUnitCode: grant.unitCode, expiresInDays: 1 });
    tokens.push(token);
  }
  return { userId: principal.userId, tokens };
}

export async function prepareDossiers(opts: { pgUrl: string; appBase: string; tokens: number; lookupCodes: number }): Promise<DossierFixture> {
  const db = createDatabase(opts.pgUrl, { max: 2, applicationName: "xaso-bench-setup" });
  try {
    const { userId, tokens } = await citizenTokens(db, opts.tokens);
    const procedure = await getProcedure({ db }, PROCEDURE);
    const def = procedure.definition;
    const requiredKeys = [
      ...def.documents.filter((d) => d.required).map((d) => d.key),
      ...def.form.filter((f) => f.type === "file" && f.required).map((f) => f.key),
    ];

    const auth = { ...json, authorization: `Bearer ${tokens[0]}` };
    const up = await fetch(`${opts.appBase}/api/v1/files`, {
      method: "POST",
      headers: auth,
      signal: AbortSignal.timeout(10_000),
      body: JSON.stringify({ name: "bench.pdf", contentBase64: Buffer.from(demoPdf("bench")).toString("base64") }),
    });
    if (up.status !== 201) throw new Error(`POST /api/v1/files answered ${up.status}: ${await up.text()}`);
    const fileId = ((await up.json()) as { id: string }).id;

    const bodyFor = (communeCode: string) =>
      JSON.stringify({
        procedureCode: PROCEDURE,
        communeCode,
        applicant: APPLICANT,
        form: demoFormValues(def),
        documents: requiredKeys.map((requirementKey) => ({ requirementKey, fileId })),
        delivery: { method: def.deliveryMethods.includes("online") ? "online" : def.deliveryMethods[0] },
        channel: "online",
        intent: "submit",
      });
    const bodies = (await benchCommunes(db)).map(bodyFor);
    const body = bodies[0]!;

    // The dossiers the look-ups read: filed through the API like any other, 8 at a time.
    const codes: string[] = [];
    const prefix = randomBytes(4).toString("hex");
    let next = 0;
    const worker = async () => {
      while (next < opts.lookupCodes) {
        const i = next++;
        const res = await fetch(`${opts.appBase}/api/v1/dossiers`, {
          method: "POST",
          headers: { ...auth, "idempotency-key": `bench-setup-${prefix}-${i}` },
          body: bodies[i % bodies.length],
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (res.status !== 201) throw new Error(`POST /api/v1/dossiers answered ${res.status}: ${text}`);
        codes.push((JSON.parse(text) as { code: string }).code);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return { tokens, userId, fileId, procedure, requiredKeys, body, bodies, codes };
  } finally {
    await db.close();
  }
}

/** Submissions: the same body but for the communes in turn, a fresh Idempotency-Key for every request, tokens taken in turn. */
export function submitRequest(f: DossierFixture): RequestSpec {
  const prefix = randomBytes(6).toString("hex");
  let n = 0;
  return {
    method: "POST",
    headers: { ...json, authorization: `Bearer ${f.tokens[0]}`, "idempotency-key": `${prefix}-0` },
    body: f.body,
    next: () => {
      n++;
      return {
        headers: { authorization: `Bearer ${f.tokens[n % f.tokens.length]}`, "idempotency-key": `${prefix}-${n}` },
        body: f.bodies[n % f.bodies.length],
      };
    },
  };
}

/** Look-ups: the existing codes in turn, always with the right digits (wrong ones are throttled per client). */
export function statusRequest(f: DossierFixture): RequestSpec {
  let n = 0;
  const bodies = f.codes.map((code) => JSON.stringify({ code, last4: LAST4 }));
  return { method: "POST", headers: json, body: bodies[0], next: () => ({ body: bodies[n++ % bodies.length] }) };
}
