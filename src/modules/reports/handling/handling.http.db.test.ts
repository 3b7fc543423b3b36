// The handling routes over HTTP: the office report page with its step forms (no JavaScript), and the API, each
// answering bad input with a 4xx naming the field and a stale version with a 409 naming `version`.
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildReport, buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { reportPaths } from "../report-paths.ts";

type Problem = { status: number; errors?: { field: string; code: string; message: string }[] };

describeDb("reports: handling routes", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: TestClient;
  let categoryId: string;
  let png: Uint8Array<ArrayBuffer>;

  const api = (path: string, body: unknown) =>
    officer.request(path, { ...json(body), headers: { "content-type": "application/json", [CSRF_HEADER]: officer.csrfToken, "accept-language": "en" } });
  const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

  beforeAll(async () => {
    x = app();
    const user = await buildUser(x.deps, { roles: [["specialist", GIA_PHU]] });
    officer = new TestClient(x.app);
    await officer.signIn(user.username, PASSWORD);
    categoryId = (await buildReportCategory(x.deps, { responsibleUserId: user.id })).id;
    png = new Uint8Array(
      await sharp({ create: { width: 20, height: 10, channels: 3, background: "#3a3" } })
        .png()
        .toBuffer(),
    );
  });

  it("API: reads the report with the steps open now, acts, and refuses a stale version, a bad step and bad photos", async () => {
    const r = await buildReport(x.deps, { categoryId, reporterName: "Lò Thị Mai" });
    const read = await officer.get(`/api/v1/reports/${r.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ code: r.code, status: "received", version: 1, actions: ["accept", "reject"], reporter: { name: "Lò Thị Mai" } });

    const accepted = await api(`/api/v1/reports/${r.id}/actions/accept`, { version: 1 });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: "accepted", version: 2 });

    const stale = await api(`/api/v1/reports/${r.id}/actions/start`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(await fieldsOf(stale)).toEqual(["version"]);
    const notNow = await api(`/api/v1/reports/${r.id}/actions/forward-return`, { version: 2, result: "x" });
    expect(notNow.status).toBe(409);
    expect(await fieldsOf(notNow)).toEqual(["action"]);
    const unknown = await api(`/api/v1/reports/${r.id}/actions/explode`, { version: 2 });
    expect(unknown.status).toBe(400);
    expect(await fieldsOf(unknown)).toEqual(["action"]);
    const badPhoto = await api(`/api/v1/reports/${r.id}/actions/resolve`, { version: 2, answer: "Đã sửa", photos: [{ name: "a.png", contentBase64: "***" }] });
    expect(badPhoto.status).toBe(400);
    expect(await fieldsOf(badPhoto)).toEqual(["photos.0.contentBase64"]);
    const tooLong = await api(`/api/v1/reports/${r.id}/actions/resolve`, { version: 2, answer: "x".repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(await fieldsOf(tooLong)).toEqual(["answer"]);

    const resolved = await api(`/api/v1/reports/${r.id}/actions/resolve`, {
      version: 2,
      answer: "Đã vá",
      photos: [{ name: "sau.png", contentBase64: Buffer.from(png).toString("base64") }],
    });
    expect(resolved.status).toBe(200);
    const body = (await resolved.json()) as { status: string; photos: { stage: string }[]; events: { kind: string; actor: string | null }[] };
    expect(body.status).toBe("resolved");
    expect(body.photos.map((p) => p.stage)).toEqual(["answer"]);
    expect(body.events.map((e) => e.kind)).toEqual(["submitted", "accepted", "resolved"]);
  });

  it("page: shows the report and only the forms the graph allows, works without script, and shows errors beside the fields", async () => {
    const r = await buildReport(x.deps, { categoryId, reporterName: "Lò Thị Mai", reporterPhone: "0912345678" });
    const page = await officer.get(reportPaths.officeReport(r.id));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(r.code);
    expect(html).toContain("0912345678");
    expect(html).toContain(`action="${reportPaths.officeReport(r.id)}/actions/accept"`);
    expect(html).toContain(`action="${reportPaths.officeReport(r.id)}/actions/reject"`);
    expect(html).not.toContain("/actions/resolve");
    expect(html).not.toContain("<script");

    const refused = await officer.post(`${reportPaths.officeReport(r.id)}/actions/reject`, { version: "1", reason: "", note: "" });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("error-summary");
    expect(refusedHtml).toContain('href="#f-reason"');
    expect(refusedHtml).toContain('id="f-note"');

    const accepted = await officer.post(`${reportPaths.officeReport(r.id)}/actions/accept`, { version: "1" });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toBe(reportPaths.officeReport(r.id));
    const again = await officer.post(`${reportPaths.officeReport(r.id)}/actions/assign`, { version: "1" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("error-summary");

    const assigned = await officer.post(`${reportPaths.officeReport(r.id)}/actions/assign`, { version: "2", assigneeUserId: "" });
    expect(assigned.status).toBe(303);
    const forwardBadDay = await officer.post(`${reportPaths.officeReport(r.id)}/actions/forward`, { version: "3", agency: "Điện lực", dueDate: "31/02/2026" });
    expect(forwardBadDay.status).toBe(400);
    expect(await forwardBadDay.text()).toContain('href="#f-dueDate"');

    const form = new FormData();
    form.set("version", "3");
    form.set("answer", "Đã vá ổ gà");
    form.append("photos", new File([png], "sau.png", { type: "image/png" }));
    form.set(CSRF_FIELD, officer.csrfToken);
    const resolved = await officer.request(`${reportPaths.officeReport(r.id)}/actions/resolve`, { method: "POST", body: form });
    expect(resolved.status).toBe(303);
    const after = await (await officer.get(reportPaths.officeReport(r.id))).text();
    expect(after).toContain("Đã vá ổ gà");
    expect(after).toContain("/reports/photos/");
  });

  it("page: another commune's officer and a non-UUID id get a 404", async () => {
    const r = await buildReport(x.deps, { categoryId });
    const other = await buildUser(x.deps, { roles: [["specialist", "02905"]] });
    const outsider = new TestClient(x.app);
    await outsider.signIn(other.username, PASSWORD);
    expect((await outsider.get(reportPaths.officeReport(r.id))).status).toBe(404);
    expect((await outsider.post(`${reportPaths.officeReport(r.id)}/actions/accept`, { version: "1" })).status).toBe(404);
    expect((await officer.get(`${reportPaths.officeReport(r.id)}/actions/accept`)).status).toBe(404);
  });

  it('page: the timeline says a "me too" came from another resident, not from the reporter', async () => {
    const r = await buildReport(x.deps, { categoryId, reporterName: "Lò Thị Mai" });
    await x.db.query("UPDATE reports SET public = true WHERE id = $1", [r.id]);
    const neighbour = new TestClient(x.app);
    const support = await neighbour.request(`/api/v1/reports/${r.code}/support`, json({ browserKey: "neighbour-browser-key-0123456789" }));
    expect(support.status).toBe(200);
    const html = await (await officer.get(reportPaths.officeReport(r.id))).text();
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " "));
    const supported = rows.filter((row) => row.includes("Người dân khác cũng gặp"));
    expect(supported).toHaveLength(1);
    expect(supported[0]).not.toContain("Người phản ánh");
  });
});
