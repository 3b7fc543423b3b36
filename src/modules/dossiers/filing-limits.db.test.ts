// Limits on filing and on the SMS a filing sends: per citizen account and address, a higher ceiling for the desk.
import { beforeAll, expect, it } from "vitest";
import { fromAddress, TestClient } from "../../../test/support/client.ts";
import { acting, APPLICANT, buildDossier, COUNTER_PROCEDURE, deskTeam, ONLINE_PROCEDURE, TYPED_APPLICATION } from "../../../test/support/dossier-factories.ts";
import { verifyPhone } from "../../../test/support/citizen-factories.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { aPdf, anApplicant, formValuesFor } from "../../../test/support/procedure-factories.ts";
import { useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../platform/http/csrf.ts";
import { getProcedure } from "../procedures/index.ts";

const PROCEDURE = ONLINE_PROCEDURE.code;
const HOUR = 3_600_000;
const env = {
  FILING_WINDOW_MINUTES: "60",
  FILING_MAX_PER_CITIZEN: "3",
  FILING_MAX_PER_ADDRESS: "5",
  FILING_MAX_PER_STAFF: "6",
  SMS_WINDOW_HOURS: "24",
  SMS_MAX_PER_RECIPIENT: "2",
  SMS_MAX_PER_ACCOUNT: "3",
};

const pdf = (title: string) => new File([new Uint8Array(aPdf(title))], `${title}.pdf`, { type: "application/pdf" });

describeDb("dossiers: filing limits", () => {
  const app = useTestApp({ env });
  let team: Awaited<ReturnType<typeof deskTeam>>;
  let seq = 0;

  beforeAll(async () => {
    team = await deskTeam(app().deps);
  });

  /** A citizen signed in from one address. */
  const citizenAt = async (address: string) => {
    const user = await buildUser(app().deps, { kind: "citizen" });
    const client = new TestClient(fromAddress(app().app, address));
    await client.signIn(user.username, PASSWORD);
    return { user, client };
  };

  /** The application form as a browser posts it, with both required scans. */
  const form = (client: TestClient, over: Record<string, string> = {}) => {
    const body = new FormData();
    const fields: Record<string, string> = {
      [CSRF_FIELD]: client.csrfToken,
      ...TYPED_APPLICATION,
      idempotencyKey: `limits-form-${++seq}-0000`,
      intent: "submit",
      ...over,
    };
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    body.append("doc.declaration", pdf("to-khai"));
    body.append("doc.identityDocument", pdf("cccd"));
    return client.request("/dossiers/new", { method: "POST", body });
  };

  /** The same through the API: JSON with the session, a CSRF header and an Idempotency-Key. */
  const apiFile = async (client: TestClient, over: { phone?: string; intent?: "submit" | "draft" } = {}) => {
    const up = await client.request("/api/v1/files", {
      method: "POST",
      body: JSON.stringify({ name: "scan.pdf", contentBase64: Buffer.from(aPdf("scan")).toString("base64") }),
      headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken },
    });
    expect(up.status).toBe(201);
    const fileId = ((await up.json()) as { id: string }).id;
    const applicant = anApplicant({ phone: over.phone ?? APPLICANT.phone });
    return client.request("/api/v1/dossiers", {
      method: "POST",
      body: JSON.stringify({
        procedureCode: PROCEDURE,
        communeCode: GIA_PHU,
        applicant,
        form: formValuesFor((await getProcedure(app().deps, PROCEDURE)).definition, applicant),
        documents: [
          { requirementKey: "declaration", fileId },
          { requirementKey: "identityDocument", fileId },
        ],
        delivery: { method: "online" },
        intent: over.intent ?? "submit",
      }),
      headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken, "idempotency-key": `limits-api-${++seq}-0000` },
    });
  };

  const dossiersOf = async (userId: string) =>
    (await app().db.query<{ id: string; state: string }>("SELECT id, state FROM dossiers WHERE filed_by_user_id = $1 ORDER BY created_at", [userId])).rows;
  const smsTo = async (national: string) =>
    (await app().db.query("SELECT count(*)::int AS n FROM outbox WHERE topic = 'sms' AND payload->>'to' = $1", [`+84${national.slice(1)}`])).rows[0]!
      .n as number;

  it("answers a citizen's submission over the limit with 429 and Retry-After, and keeps it as a draft with its uploads", async () => {
    const { user, client } = await citizenAt("192.0.2.30");
    for (let i = 0; i < 3; i++) expect((await form(client)).status).toBe(303);
    const over = await form(client);
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("3600");
    expect(await over.text()).toContain(
      "Bạn đã nộp quá nhiều hồ sơ trong thời gian ngắn. Hồ sơ chưa được gửi; những gì bạn đã nhập và tải lên vẫn được giữ. Hãy nộp lại sau 60 phút",
    );
    const mine = await dossiersOf(user.id);
    expect(mine.map((d) => d.state)).toEqual(["submitted", "submitted", "submitted", "draft"]);
    const draft = mine[3]!;
    const docs = await app().db.query("SELECT requirement_key FROM dossier_documents WHERE dossier_id = $1 ORDER BY 1", [draft.id]);
    expect(docs.rows.map((r) => r.requirement_key)).toEqual(["declaration", "identityDocument"]);

    // An hour later the kept draft goes through as it is.
    app().clock.advance(HOUR + 1000);
    const edit = await (await client.get(`/dossiers/${draft.id}/edit`)).text();
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(edit)![1]!;
    const body = new FormData();
    const { procedure: _, ...typed } = TYPED_APPLICATION; // the draft keeps its procedure
    for (const [k, v] of Object.entries({ [CSRF_FIELD]: client.csrfToken, idempotencyKey: key, intent: "submit", ...typed })) body.append(k, v);
    const sent = await client.request(`/dossiers/${draft.id}/edit`, { method: "POST", body });
    expect(sent.status).toBe(303);
    expect((await dossiersOf(user.id)).map((d) => d.state)).toEqual(["submitted", "submitted", "submitted", "submitted"]);
  });

  it("files at most the limit when one account submits many at once through the API", async () => {
    const { user, client } = await citizenAt("192.0.2.31");
    const answers = await Promise.all(Array.from({ length: 10 }, () => apiFile(client)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(7);
    expect(refused[0]!.headers.get("retry-after")).toBe("3600");
    expect(await refused[0]!.json()).toMatchObject({ status: 429, title: "Đã nộp quá nhiều hồ sơ trong thời gian ngắn. Vui lòng thử lại sau 60 phút." });
    expect((await dossiersOf(user.id)).filter((d) => d.state === "submitted")).toHaveLength(3);
  });

  it("counts a citizen's filings per address too, and new drafts apart from submissions", async () => {
    const [c, d] = [await citizenAt("192.0.2.32"), await citizenAt("192.0.2.32")];
    for (let i = 0; i < 3; i++) expect((await apiFile(c.client)).status).toBe(201);
    expect((await apiFile(d.client)).status).toBe(201);
    expect((await apiFile(d.client)).status).toBe(201);
    // d has filed two of its three, but the address has reached five.
    expect((await apiFile(d.client)).status).toBe(429);
    expect((await apiFile((await citizenAt("192.0.2.33")).client)).status).toBe(201);

    const e = await citizenAt("192.0.2.34");
    for (let i = 0; i < 3; i++) expect((await apiFile(e.client, { intent: "draft" })).status).toBe(201);
    const tooMany = await apiFile(e.client, { intent: "draft" });
    expect(tooMany.status).toBe(429);
    expect((await tooMany.json()).title).toBe("Đã tạo quá nhiều bản nháp trong thời gian ngắn. Vui lòng thử lại sau 60 phút.");
    expect((await apiFile(e.client)).status).toBe(201); // submissions are counted apart
  });

  it("gives the desk a higher ceiling than a citizen, counted per officer", async () => {
    for (let i = 0; i < 6; i++) await buildDossier(app().deps, team.desk, { procedure: COUNTER_PROCEDURE.code, channel: "counter" });
    await expect(buildDossier(app().deps, team.desk, { procedure: COUNTER_PROCEDURE.code, channel: "counter" })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 3600,
    });
    const colleague = await acting(app().deps, await buildUser(app().deps, { roles: [["one_stop_officer", GIA_PHU]] }));
    await buildDossier(app().deps, colleague, { procedure: COUNTER_PROCEDURE.code, channel: "counter" });
  });

  it("limits the SMS a citizen's filings send to their verified phone, never texts a typed number, and does not count the office's", async () => {
    const victim = "0987000001";
    const own = "0987000002";
    const { user, client } = await citizenAt("192.0.2.35");
    await verifyPhone(app().deps, await acting(app().deps, user), own);
    const before = await smsTo(own); // the verification code itself
    // A typed number gets nothing; the filer's verified phone gets at most SMS_MAX_PER_RECIPIENT a day.
    for (let i = 0; i < 3; i++) expect((await apiFile(client, { phone: victim })).status).toBe(201);
    expect(await smsTo(victim)).toBe(0);
    expect(await smsTo(own)).toBe(before + 2);

    // What the office sends is not counted: the desk's own intake still tells the applicant.
    const desk = await smsTo(APPLICANT.phone);
    const officer = await acting(app().deps, await buildUser(app().deps, { roles: [["one_stop_officer", GIA_PHU]] }));
    await buildDossier(app().deps, officer, { procedure: COUNTER_PROCEDURE.code, channel: "counter" });
    expect(await smsTo(APPLICANT.phone)).toBe(desk + 1);
  });
});
