// The dossiers API: uploads, idempotent filing, reading, actions with optimistic versions, public status, queues.
import { afterEach, beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../test/support/client.ts";
import { act, APPLICANT, buildDossier, deskTeam, ONLINE_PROCEDURE } from "../../../test/support/dossier-factories.ts";
import { aPdf, aProcedureInput, formValuesFor, publishInput } from "../../../test/support/procedure-factories.ts";
import { rejection } from "../../../test/support/expect-error.ts";

/** The AppError an action fails with, checked for its code (and message when given). */
async function expectAppError(p: Promise<unknown>, code: string, messageKey?: string) {
  const err = await rejection(p);
  expect(err.code).toBe(code);
  if (messageKey) expect(err.messageKey).toBe(messageKey);
  return err;
}
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { CSRF_HEADER } from "../../platform/http/csrf.ts";
import { getProcedure } from "../procedures/index.ts";

const PROCEDURE = ONLINE_PROCEDURE.code;

/** A signed-in browser calling the API with its session: JSON, and the CSRF token in a header. */
class ApiClient {
  constructor(readonly client: TestClient) {}
  get(path: string) {
    return this.client.request(path, { headers: { accept: "application/json" } });
  }
  post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.client.request(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", [CSRF_HEADER]: this.client.csrfToken, ...headers },
    });
  }
}

describeDb("dossiers: API", () => {
  const app = useTestApp();
  let team: Awaited<ReturnType<typeof deskTeam>>;
  let citizen: ApiClient;
  let desk: ApiClient;
  let outsider: ApiClient;

  const signedIn = async (username: string) => {
    const c = new TestClient(app().app);
    await c.signIn(username, PASSWORD);
    return new ApiClient(c);
  };

  beforeAll(async () => {
    team = await deskTeam(app().deps);
    citizen = await signedIn(team.citizen.principal.username);
    desk = await signedIn(team.desk.principal.username);
    outsider = await signedIn((await buildUser(app().deps, { roles: [["one_stop_officer", BAO_THANG]] })).username);
  });
  // Tests that move the clock put it back, so the sessions signed in above stay valid.
  const START = new Date("2026-11-23T03:00:00Z");
  afterEach(() => app().clock.set(START));

  const upload = async (title: string) => {
    const res = await citizen.post("/api/v1/files", { name: `${title}.pdf`, contentBase64: Buffer.from(aPdf(title)).toString("base64") });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; name: string; mediaType: string; sizeBytes: number };
  };

  const submission = async (documents: { requirementKey: string; fileId: string }[]) => ({
    procedureCode: PROCEDURE,
    communeCode: GIA_PHU,
    applicant: { ...APPLICANT, email: "" },
    form: formValuesFor((await getProcedure(app().deps, PROCEDURE)).definition, APPLICANT),
    documents,
    delivery: { method: "online" },
    intent: "submit",
  });

  it("stores an uploaded file for its owner, and names contentBase64 when the bytes are empty, not a PDF/JPG/PNG, or not base64", async () => {
    const f = await upload("to khai");
    expect(f).toMatchObject({ name: "to khai.pdf", mediaType: "application/pdf" });
    expect(f.sizeBytes).toBeGreaterThan(100);
    for (const contentBase64 of ["", Buffer.from("plain text, not a document").toString("base64"), "***"]) {
      const res = await citizen.post("/api/v1/files", { name: "x.pdf", contentBase64 });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("contentBase64");
    }
    expect(
      (
        await new TestClient(app().app).request("/api/v1/files", {
          method: "POST",
          body: JSON.stringify({ name: "a.pdf", contentBase64: "JVBERg==" }),
          headers: { "content-type": "application/json" },
        })
      ).status,
    ).toBe(401);
  });

  it("files one dossier for two submissions with the same Idempotency-Key, and wants the key to submit", async () => {
    const docs = [
      { requirementKey: "declaration", fileId: (await upload("a")).id },
      { requirementKey: "identityDocument", fileId: (await upload("b")).id },
    ];
    const body = await submission(docs);
    const noKey = await citizen.post("/api/v1/dossiers", body);
    expect(noKey.status).toBe(400);
    expect(((await noKey.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("Idempotency-Key");

    const first = await citizen.post("/api/v1/dossiers", body, { "idempotency-key": "api-key-0001" });
    expect(first.status).toBe(201);
    const created = (await first.json()) as {
      id: string;
      code: string;
      state: string;
      version: number;
      actions: string[];
      documents: unknown[];
      procedure: { code: string };
    };
    expect(created).toMatchObject({ state: "submitted", procedure: { code: PROCEDURE } });
    expect(created.code).toMatch(/^XS\.02923-/);
    expect(created.actions).toContain("cancel");
    expect(created.documents).toHaveLength(2);

    const again = await citizen.post("/api/v1/dossiers", body, { "idempotency-key": "api-key-0001" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    const n = await app().db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = 'api-key-0001'");
    expect(n.rows[0]!.n).toBe(1);

    const mine = (await (await citizen.get("/api/v1/me/dossiers")).json()) as { items: { id: string; stateLabel: string }[] };
    expect(mine.items.find((d) => d.id === created.id)?.stateLabel).toBe("Mới nộp, chờ tiếp nhận");
  });

  it("answers 20 concurrent submissions with one Idempotency-Key with the same dossier: one 201, the rest replays, one number used", async () => {
    const docs = [
      { requirementKey: "declaration", fileId: (await upload("c")).id },
      { requirementKey: "identityDocument", fileId: (await upload("d")).id },
    ];
    const body = await submission(docs);
    const counter = async () => (await app().db.query("SELECT coalesce(sum(last_value), 0)::int AS n FROM dossier_code_counters")).rows[0]!.n as number;
    const before = await counter();
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await citizen.post("/api/v1/dossiers", body, { "idempotency-key": "api-key-twenty" });
        return { status: res.status, replayed: res.headers.get("idempotent-replayed"), body: (await res.json()) as { id?: string; code?: string } };
      }),
    );
    expect(answers.map((a) => a.status).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
    expect(answers.filter((a) => a.status === 200).every((a) => a.replayed === "true")).toBe(true);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.code)).size).toBe(1);
    expect(answers[0]!.body.code).toMatch(/^XS\.02923-\d{6}-\d{4}$/);
    expect(await counter()).toBe(before + 1);
  });

  it("answers 503 in the caller's language once the agency's 9999 numbers of the day are used, filing nothing", async () => {
    const docs = [
      { requirementKey: "declaration", fileId: (await upload("e")).id },
      { requirementKey: "identityDocument", fileId: (await upload("f")).id },
    ];
    const body = await submission(docs);
    const first = (await (await citizen.post("/api/v1/dossiers", body, { "idempotency-key": "api-key-full-0" })).json()) as { code: string };
    const [agency, day] = first.code.split("-");
    const date = `20${day!.slice(0, 2)}-${day!.slice(2, 4)}-${day!.slice(4, 6)}`;
    const counter = "UPDATE dossier_code_counters SET last_value = $3 WHERE agency_code = $1 AND day = $2";
    await app().db.query(counter, [agency, date, 9999]);
    const full = await citizen.post("/api/v1/dossiers", body, { "idempotency-key": "api-key-full-1" });
    expect(full.status).toBe(503);
    const problem = (await full.json()) as { type: string; title: string };
    expect(problem.type).toBe("/docs/problems#unavailable");
    expect(problem.title).toContain("9999");
    const en = await citizen.post("/api/v1/dossiers", body, { "idempotency-key": "api-key-full-1", "accept-language": "en" });
    expect(en.status).toBe(503);
    expect(((await en.json()) as { title: string }).title).toContain("Nothing was filed");
    expect((await app().db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = 'api-key-full-1'")).rows[0]!.n).toBe(0);
    await app().db.query(counter, [agency, date, Number(first.code.slice(-4))]); // the later tests file on the same day
  });

  it("answers 400 naming each bad field, and files nothing", async () => {
    const body = { ...(await submission([])), applicant: { fullName: "A", phone: "123" }, delivery: { method: "post" } };
    const res = await citizen.post("/api/v1/dossiers", body, { "idempotency-key": "api-key-bad-01" });
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["applicant.fullName", "applicant.phone"]));
    expect((await app().db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = 'api-key-bad-01'")).rows[0]!.n).toBe(0);
  });

  it("answers 400 on the ID number when its century/sex digit or year disagrees with the birth date or sex, in vi and en", async () => {
    const base = await submission([]);
    // APPLICANT's number 010090001234: G = 0, YY = 90, so a man born in 1990.
    const bornLater = { ...base, applicant: { ...base.applicant, birthDate: "1991-05-12", sex: "male" } };
    const vi = await citizen.post("/api/v1/dossiers", bornLater, { "idempotency-key": "api-key-id-01" });
    expect(vi.status).toBe(400);
    const viErrors = ((await vi.json()) as { errors: { field: string; message: string }[] }).errors;
    expect(viErrors.map((e) => e.field)).toEqual(["applicant.citizenIdNumber"]);
    expect(viErrors[0]!.message).toContain("năm sinh 1990");
    const woman = { ...base, applicant: { ...base.applicant, sex: "female" } };
    const en = await citizen.post("/api/v1/dossiers", woman, { "idempotency-key": "api-key-id-02", "accept-language": "en" });
    expect(en.status).toBe(400);
    const enErrors = ((await en.json()) as { errors: { field: string; message: string }[] }).errors;
    expect(enErrors).toEqual([expect.objectContaining({ field: "applicant.citizenIdNumber", code: "sexMale" })]);
    expect(enErrors[0]!.message).toContain("holder is male");
    expect((await app().db.query("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key LIKE 'api-key-id-%'")).rows[0]!.n).toBe(0);
    // Agreeing details file as before; the sex is kept with the applicant.
    const agreeing = { ...base, applicant: { ...base.applicant, sex: "male" } };
    const ok = await citizen.post("/api/v1/dossiers", { ...agreeing, intent: "draft" }, { "idempotency-key": "api-key-id-03" });
    expect(ok.status).toBeLessThan(300);
    expect(((await ok.json()) as { applicant: { sex: string } }).applicant.sex).toBe("male");
  });

  it("acts with the version seen: receive, then a stale version is a 409 with the current one; documents and queues follow", async () => {
    const docs = [
      { requirementKey: "declaration", fileId: (await upload("a")).id },
      { requirementKey: "identityDocument", fileId: (await upload("b")).id },
    ];
    const filed = (await (await citizen.post("/api/v1/dossiers", await submission(docs), { "idempotency-key": "api-key-0002" })).json()) as {
      id: string;
      version: number;
      code: string;
      documents: { id: string }[];
      register: unknown;
    };
    expect(filed.register).toBeNull();

    // The queue shows it to its own desk, not to another commune's.
    const queue = await desk.get(`/api/v1/communes/${GIA_PHU}/queues?queue=newOnline&limit=100`);
    expect(queue.status).toBe(200);
    const q = (await queue.json()) as { counts: Record<string, number>; items: { id: string }[] };
    expect(q.counts.newOnline).toBeGreaterThan(0);
    expect(q.items.map((i) => i.id)).toContain(filed.id);
    expect((await outsider.get(`/api/v1/communes/${GIA_PHU}/queues`)).status).toBe(404);
    expect((await citizen.get(`/api/v1/communes/${GIA_PHU}/queues`)).status).toBe(404);

    expect((await outsider.get(`/api/v1/dossiers/${filed.id}`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/dossiers/${filed.id}/actions/receive`, { version: filed.version })).status).toBe(404);
    expect((await citizen.post(`/api/v1/dossiers/${filed.id}/actions/receive`, { version: filed.version })).status).toBe(403);

    const received = await desk.post(`/api/v1/dossiers/${filed.id}/actions/receive`, { version: filed.version });
    expect(received.status).toBe(200);
    const r = (await received.json()) as {
      state: string;
      version: number;
      dueAt: string;
      nationalStatus: number;
      events: { action: string }[];
      register: { year: number; number: number };
    };
    expect(r).toMatchObject({ state: "received", nationalStatus: 2 });
    // The register entry taken on receipt: this year's book, the number stored on the dossier.
    const entry = (await app().db.query<{ y: number; n: number }>("SELECT register_year AS y, register_number AS n FROM dossiers WHERE id = $1", [filed.id]))
      .rows[0]!;
    expect(entry.n).toBeGreaterThan(0);
    expect(entry.y).toBe(2026);
    expect(r.register).toEqual({ year: entry.y, number: entry.n });
    expect(r.version).toBeGreaterThan(filed.version);
    expect(r.dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.events.map((e) => e.action)).toEqual(["submit", "receive"]);

    const stale = await desk.post(`/api/v1/dossiers/${filed.id}/actions/requestSupplement`, {
      version: filed.version,
      items: [{ label: "Bản sao", reason: "Thiếu" }],
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    expect(((await stale.json()) as { currentVersion: number }).currentVersion).toBe(r.version);

    // The applicant answers a supplement request with a file uploaded first.
    const asked = (await (
      await desk.post(`/api/v1/dossiers/${filed.id}/actions/requestSupplement`, {
        version: r.version,
        items: [{ label: "Bản sao giấy ly hôn", reason: "Tờ khai ghi đã ly hôn" }],
      })
    ).json()) as { version: number; state: string; actions: string[] };
    expect(asked.state).toBe("supplementRequested");
    const answer = await citizen.post(`/api/v1/dossiers/${filed.id}/actions/answerSupplement`, {
      version: asked.version,
      documents: [{ requirementKey: "item1", fileId: (await upload("ly hon")).id }],
    });
    expect(answer.status).toBe(200);
    const answered = (await answer.json()) as { state: string; supplements: { answeredAt: string | null }[]; documents: { round: number }[] };
    expect(answered.state).toBe("received");
    expect(answered.supplements[0]?.answeredAt).not.toBeNull();
    expect(answered.documents.filter((d) => d.round === 1)).toHaveLength(1);

    // Submitting is not an action: it goes through POST /api/v1/dossiers.
    expect((await citizen.post(`/api/v1/dossiers/${filed.id}/actions/submit`, { version: 1 })).status).toBe(400);

    const file = await citizen.get(`/api/v1/dossiers/${filed.id}/documents/${filed.documents[0]!.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await outsider.get(`/api/v1/dossiers/${filed.id}/documents/${filed.documents[0]!.id}`)).status).toBe(404);
  });

  type Out = {
    id: string;
    version: number;
    state: string;
    nationalStatus: number | null;
    supplements: { items: { label: string; reason: string | null }[]; afterReceipt: boolean; overrideReason: string | null }[];
    supplementOverrides: number;
    interagencySteps: { agencyName: string; agencyCode: string | null; returnedAt: string | null; result: string | null; late: boolean }[];
    documents: { requirementKey: string; source: string }[];
  };

  it("asks for a supplement once after receipt, each document with its reason; asking again is a leader's override, recorded and reported", async () => {
    const { deps } = app();
    const leader = await signedIn(team.leader.principal.username);
    const d = await buildDossier(deps, team.citizen);
    const r = await act(deps, team.desk, d.id, "receive");
    const path = `/api/v1/dossiers/${d.id}/actions/requestSupplement`;
    // Plain labels without a reason are the old contract: refused, naming the item.
    const plain = await desk.post(path, { version: r.version, items: ["Bản sao giấy ly hôn"] });
    expect(plain.status).toBe(400);
    expect(((await plain.json()) as { errors: { field: string }[] }).errors[0]?.field).toMatch(/^items\.0/);
    const first = await desk.post(path, { version: r.version, items: [{ label: "Bản sao giấy ly hôn", reason: "Tờ khai ghi đã ly hôn" }] });
    expect(first.status).toBe(200);
    const asked = (await first.json()) as Out;
    expect(asked.supplements[0]).toMatchObject({
      afterReceipt: true,
      overrideReason: null,
      items: [{ label: "Bản sao giấy ly hôn", reason: "Tờ khai ghi đã ly hôn" }],
    });
    const answered = await act(deps, team.citizen, d.id, "answerSupplement", { note: "Đã nộp tại quầy" });
    const item = { label: "Ảnh chân dung 4x6", reason: "Ảnh cũ quá 6 tháng" };
    const again = await desk.post(path, { version: answered.version, items: [item] });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { title: string }).title).toContain("một lần");
    const noReason = await leader.post(path, { version: answered.version, items: [item] });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(["overrideReason"]);
    const overridden = await leader.post(path, { version: answered.version, items: [item], overrideReason: "Người dân nộp nhầm ảnh, cần bổ sung lại" });
    expect(overridden.status).toBe(200);
    const out = (await overridden.json()) as Out;
    expect(out.state).toBe("supplementRequested");
    expect(out.supplements[1]?.overrideReason).toBe("Người dân nộp nhầm ảnh, cần bổ sung lại");
    expect(out.supplementOverrides).toBe(1);
    const event = await deps.db.query<{ details: { override?: string } }>(
      "SELECT details FROM dossier_events WHERE dossier_id = $1 AND action = 'requestSupplement' ORDER BY id DESC LIMIT 1",
      [d.id],
    );
    expect(event.rows[0]!.details.override).toBe("supplementOnce");
  });

  it("refuses a supplement request after its time limit (3 working days from receipt) unless a leader overrides it; before receipt the desk guides freely", async () => {
    const { deps, clock } = app();
    const item = { label: "Bản sao giấy ly hôn", reason: "Tờ khai ghi đã ly hôn" };
    clock.set(new Date("2026-11-23T09:00:00+07:00")); // Monday
    const d = await buildDossier(deps, team.citizen);
    // Before receipt: twice, no limit.
    await act(deps, team.desk, d.id, "requestSupplement", { items: [item] });
    await act(deps, team.citizen, d.id, "answerSupplement", { note: "Đã nộp" });
    await act(deps, team.desk, d.id, "requestSupplement", { items: [item] });
    await act(deps, team.citizen, d.id, "answerSupplement", { note: "Đã nộp" });
    await act(deps, team.desk, d.id, "receive");
    clock.set(new Date("2026-11-26T17:00:00+07:00")); // Thursday, the third working day after: still in time
    const inTime = await act(deps, team.desk, d.id, "requestSupplement", { items: [item] });
    expect(inTime.state).toBe("supplementRequested");
    const e = await buildDossier(deps, team.citizen);
    clock.set(new Date("2026-11-23T09:00:00+07:00"));
    await act(deps, team.desk, e.id, "receive");
    clock.set(new Date("2026-11-27T08:00:00+07:00")); // Friday: the limit passed at Thursday's close of office
    await expectAppError(act(deps, team.desk, e.id, "requestSupplement", { items: [item] }), "conflict", "dossiers.error.supplementLate");
    const late = await act(deps, team.leader, e.id, "requestSupplement", { items: [item], overrideReason: "Phát hiện thiếu khi thẩm định" });
    expect(late.state).toBe("supplementRequested");
  });

  it("reports a refusal after receipt as processed (9, then 10 when the letter is handed over), returns the letter as the result and texts the reason", async () => {
    const { deps } = app();
    const leader = await signedIn(team.leader.principal.username);
    const atDesk = await buildDossier(deps, team.citizen);
    const refusedAtDesk = await act(deps, team.desk, atDesk.id, "refuse", { reason: "Hồ sơ không thuộc thẩm quyền" });
    expect(((await (await desk.get(`/api/v1/dossiers/${refusedAtDesk.id}`)).json()) as Out).nationalStatus).toBe(3);

    const d = await buildDossier(deps, team.citizen, { applicant: { ...APPLICANT, email: "nam@example.vn" } });
    const r = await act(deps, team.desk, d.id, "receive");
    const reason = "Người yêu cầu chưa đủ điều kiện theo Điều 42/2026";
    const res = await leader.post(`/api/v1/dossiers/${d.id}/actions/refuse`, { version: r.version, reason });
    expect(res.status).toBe(200);
    const refused = (await res.json()) as Out;
    expect(refused).toMatchObject({ state: "refused", nationalStatus: 9 });
    expect(refused.documents).toContainEqual(expect.objectContaining({ requirementKey: "refusal", source: "result" }));
    const vault = await deps.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM vault_items WHERE user_id = $1 AND source_dossier_id = $2 AND kind = 'result'",
      [team.citizen.principal.userId, d.id],
    );
    expect(vault.rows[0]!.n).toBe(1);
    const sms = await deps.db.query<{ p: string }>("SELECT payload::text AS p FROM outbox WHERE dedupe_key LIKE $1", [`dossier:${d.id}:dossierRefused%`]);
    expect(sms.rows.length).toBeGreaterThan(0);
    for (const row of sms.rows) expect(row.p).toContain("42/2026");
    // The public status agrees.
    const status = await app().app.request("/api/v1/status", {
      method: "POST",
      body: JSON.stringify({ code: d.code, last4: APPLICANT.phone!.slice(-4) }),
      headers: { "content-type": "application/json" },
    });
    expect(((await status.json()) as { nationalStatus: number }).nationalStatus).toBe(9);
    // Handing the letter over at the desk: delivered (10), still refused.
    const handed = await desk.post(`/api/v1/dossiers/${d.id}/actions/returnResult`, {
      version: refused.version,
      method: "desk",
      collectedBy: APPLICANT.fullName,
    });
    expect(handed.status).toBe(200);
    expect((await handed.json()) as Out).toMatchObject({ state: "refused", nationalStatus: 10 });
  });

  it("hands over no result while the fee is unpaid (409 naming the fee), unless the procedure takes it at collection; online filing takes the online rate", async () => {
    const { deps } = app();
    const d = await buildDossier(deps, team.citizen);
    await act(deps, team.desk, d.id, "receive");
    await act(deps, team.leader, d.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(deps, team.specialist, d.id, "propose", { note: "Đủ điều kiện" });
    const ready = await act(deps, team.leader, d.id, "approve");
    expect(ready.feeStatus).toBe("unpaid");
    const blocked = await desk.post(`/api/v1/dossiers/${d.id}/actions/returnResult`, { version: ready.version, method: "online" });
    expect(blocked.status).toBe(409);
    const problem = (await blocked.json()) as { title: string; errors: { field: string }[] };
    expect(problem.errors[0]?.field).toBe("fee");
    expect(problem.title).toContain("5000");
    expect(((await (await desk.get(`/api/v1/dossiers/${d.id}`)).json()) as { actions: string[] }).actions).not.toContain("returnResult");

    const atCollection = aProcedureInput({ code: "8.100091", name: "Thủ tục nộp phí khi nhận kết quả (thử nghiệm)", fee: 20000 });
    await publishInput(deps, {
      ...atCollection,
      payAtCollection: true,
      fees: [{ key: "issue", label: "Lệ phí", amount: 20000, onlineAmount: 10000 }],
    });
    const online = await buildDossier(deps, team.citizen, { procedure: "8.100091" });
    expect(online.feeAmount).toBe(10000);
    const counter = await buildDossier(deps, team.desk, { procedure: "8.100091", channel: "counter" });
    expect(counter.feeAmount).toBe(20000);
    await act(deps, team.desk, online.id, "receive");
    await act(deps, team.leader, online.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(deps, team.specialist, online.id, "propose", { note: "Đủ điều kiện" });
    await act(deps, team.leader, online.id, "approve");
    expect((await act(deps, team.desk, online.id, "returnResult", { method: "online" })).state).toBe("returned");
  });

  it("lets only the leader apologise, on a working day, once; an overdue dossier still gets its apology, marked late, and the SMS", async () => {
    const { deps, clock } = app();
    clock.set(new Date("2026-11-23T09:00:00+07:00"));
    const d = await buildDossier(deps, team.citizen, { applicant: { ...APPLICANT, email: "nam@example.vn" } });
    const r = await act(deps, team.desk, d.id, "receive");
    await expectAppError(act(deps, team.desk, d.id, "apologise", { reason: "Quá tải", newDueDate: "2026-12-02" }), "forbidden");
    clock.set(new Date("2026-12-01T09:00:00+07:00")); // past the deadline
    expect(r.dueAt!.getTime()).toBeLessThan(clock.now().getTime());
    const saturday = act(deps, team.leader, d.id, "apologise", { reason: "Quá tải", newDueDate: "2026-12-05" });
    const err = await expectAppError(saturday, "validation");
    expect(err.fields.map((f) => f.field)).toEqual(["newDueDate"]);
    const done = await act(deps, team.leader, d.id, "apologise", { reason: "Chờ xác minh", newDueDate: "2026-12-04" });
    expect(done.apologyDueAt).not.toBeNull();
    const event = await deps.db.query<{ details: { late?: boolean } }>("SELECT details FROM dossier_events WHERE dossier_id = $1 AND action = 'apologise'", [
      d.id,
    ]);
    expect(event.rows[0]!.details.late).toBe(true);
    const sms = await deps.db.query("SELECT 1 FROM outbox WHERE dedupe_key LIKE $1", [`dossier:${d.id}:dossierLate%`]);
    expect(sms.rowCount).toBeGreaterThan(0);
    await expectAppError(act(deps, team.leader, d.id, "apologise", { reason: "Lần nữa", newDueDate: "2026-12-07" }), "conflict", "dossiers.error.apologyOnce");
  });

  it("files for an organisation (national applicant type 2) with a checked tax code, and keeps inter-agency steps as records with their own deadline and answer", async () => {
    const { deps } = app();
    const docs = [
      { requirementKey: "declaration", fileId: (await upload("a")).id },
      { requirementKey: "identityDocument", fileId: (await upload("b")).id },
    ];
    const body = await submission(docs);
    const org = { name: "Hợp tác xã Nông nghiệp Gia Phú", taxCode: "0101234567-001", representative: "Đỗ Văn Nam" };
    const bad = await citizen.post(
      "/api/v1/dossiers",
      { ...body, applicant: { ...body.applicant, type: "organisation", organisation: { ...org, taxCode: "01012345" } } },
      {
        "idempotency-key": "api-org-bad",
      },
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain("applicant.organisation.taxCode");
    const ok = await citizen.post(
      "/api/v1/dossiers",
      { ...body, applicant: { ...body.applicant, type: "organisation", organisation: org } },
      {
        "idempotency-key": "api-org-ok",
      },
    );
    expect(ok.status).toBe(201);
    const filed = (await ok.json()) as Out & { applicant: { type: string; organisation: typeof org } };
    expect(filed.applicant).toMatchObject({ type: "organisation", organisation: org });
    const row = await deps.db.query<{ name: string }>("SELECT applicant_name AS name FROM dossiers WHERE id = $1", [filed.id]);
    expect(row.rows[0]!.name).toBe(org.name);

    await act(deps, team.desk, filed.id, "receive");
    await act(deps, team.leader, filed.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(deps, team.specialist, filed.id, "forward", { toUnit: "Công an xã Gia Phú", agencyCode: "G01.H26.12", stepDays: 2 });
    const out = (await (await desk.get(`/api/v1/dossiers/${filed.id}`)).json()) as Out;
    expect(out.interagencySteps).toEqual([
      expect.objectContaining({ agencyName: "Công an xã Gia Phú", agencyCode: "G01.H26.12", returnedAt: null, result: null }),
    ]);
    await act(deps, team.specialist, filed.id, "forwardReturned", { note: "Đã xác minh nơi cư trú", stepResult: "done" });
    const back = (await (await desk.get(`/api/v1/dossiers/${filed.id}`)).json()) as Out;
    expect(back.state).toBe("inReview");
    expect(back.interagencySteps[0]).toMatchObject({ result: "done", late: false });
    expect(back.interagencySteps[0]!.returnedAt).not.toBeNull();
  });

  it("looks up the public status with the code and the last 4 digits, without signing in", async () => {
    const docs = [
      { requirementKey: "declaration", fileId: (await upload("a")).id },
      { requirementKey: "identityDocument", fileId: (await upload("b")).id },
    ];
    const filed = (await (await citizen.post("/api/v1/dossiers", await submission(docs), { "idempotency-key": "api-key-0003" })).json()) as { code: string };
    const anon = (body: unknown) =>
      app().app.request("/api/v1/status", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const ok = await anon({ code: filed.code, last4: "5678" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ code: filed.code, state: "submitted", nationalStatus: 1, applicantName: "Đ*** V*** Nam" });
    expect((await anon({ code: filed.code, last4: "0000" })).status).toBe(404);
    expect((await anon({ code: filed.code, last4: "56" })).status).toBe(400);
  });
});
