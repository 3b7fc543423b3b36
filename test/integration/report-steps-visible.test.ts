// What the reporter and the public learn of the commune's steps. A report the commune forwards to another agency
// (the electricity company, the province) tells where it went and by when: the forward's agency and deadline are
// public by design (handling.md), and the journey found both pages saying only "forwarded to another agency". A
// rejected report tells its reporter which of the three reasons and the commune's words (the journey found the
// words alone).
import { beforeAll, expect, it } from "vitest";
import { reportPaths } from "../../src/modules/reports/report-paths.ts";
import { CSRF_FIELD } from "../../src/platform/http/csrf.ts";
import { LANG_COOKIE } from "../../src/platform/http/middleware.ts";
import { TestClient } from "../support/client.ts";
import { buildUser, buildVillage, GIA_PHU, PASSWORD } from "../support/factories.ts";
import { buildReportCategory } from "../support/report-factories.ts";
import { type TestApp, useTestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

const AGENCY = "Điện lực Bảo Thắng";
const NOTE = "Công văn số 12/UBND gửi kèm ảnh";

describeDb("citizen reports: what the reporter and the public learn of the commune's steps", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: TestClient;
  let resident: TestClient;
  const sent = { code: "", link: "", id: "" };
  let village = "";

  /** A report sent through the form without JavaScript: its code, private link and id. */
  const send = async (villageCode: string) => {
    const body = new FormData();
    body.set(CSRF_FIELD, resident.csrfToken);
    for (const [k, v] of Object.entries({ categoryCode: "power", villageCode, landmark: "Cột điện số 7", description: "Dây điện võng sát mặt đường" }))
      body.set(k, v);
    const res = await resident.request(reportPaths.newReport(GIA_PHU), { method: "POST", body });
    expect(res.status).toBe(303);
    const link = res.headers.get("location")!.replace("?sent=1", "");
    const code = /PA-[A-Z0-9]{6}/.exec(link)![0];
    const id = (await x.db.query<{ id: string }>("SELECT id FROM reports WHERE code = $1", [code])).rows[0]!.id;
    return { code, link, id };
  };
  const version = async (id: string) => String((await x.db.query<{ version: number }>("SELECT version FROM reports WHERE id = $1", [id])).rows[0]!.version);

  beforeAll(async () => {
    x = app();
    village = (await buildVillage(x.deps, GIA_PHU)).code;
    const user = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    await buildReportCategory(x.deps, { code: "power", nameVi: "Điện", nameEn: "Power line", responsibleUserId: user.id });
    officer = new TestClient(x.app);
    await officer.signIn(user.username, PASSWORD);
    resident = new TestClient(x.app);
    Object.assign(sent, await send(village));
    expect((await officer.post(`${reportPaths.officeReport(sent.id)}/actions/accept`, { version: await version(sent.id) })).status).toBe(303);
    const forward = await officer.post(`${reportPaths.officeReport(sent.id)}/actions/forward`, {
      version: await version(sent.id),
      agency: AGENCY,
      dueDate: "10/12/2026",
      note: NOTE,
    });
    expect(forward.status).toBe(303);
  });

  const text = async (c: TestClient, path: string) => {
    const res = await c.get(path);
    expect(res.status).toBe(200);
    return (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };

  it("the reporter's private page names the agency and its deadline, not the officer's covering note", async () => {
    const page = await text(resident, sent.link);
    expect(page).toContain(`Chuyển cơ quan khác: ${AGENCY}, hạn xử lý 10/12/2026`);
    expect(page).not.toContain(NOTE);
  });

  it("the public page too, in Vietnamese and in English", async () => {
    const visitor = new TestClient(x.app);
    expect(await text(visitor, reportPaths.publicReport(sent.code))).toContain(`Đến: ${AGENCY}, hạn xử lý 10/12/2026`);
    visitor.cookies.set(LANG_COOKIE, "en");
    const en = await text(visitor, reportPaths.publicReport(sent.code));
    expect(en).toContain(`To: ${AGENCY}, due by 10/12/2026`);
    expect(en).not.toContain(NOTE);
  });

  it("a rejected report tells its reporter the reason and the commune's words, in Vietnamese and in English", async () => {
    const r = await send(village);
    const words = "Đường dây thuộc Điện lực quản lý, xã đã chuyển thông tin cho họ.";
    const reject = await officer.post(`${reportPaths.officeReport(r.id)}/actions/reject`, { version: await version(r.id), reason: "not_commune", note: words });
    expect(reject.status).toBe(303);
    const vi = await text(resident, r.link);
    expect(vi).toContain("Lý do không tiếp nhận: Không thuộc thẩm quyền của xã");
    expect(vi).toContain(words);
    resident.cookies.set(LANG_COOKIE, "en");
    const en = await text(resident, r.link);
    resident.cookies.delete(LANG_COOKIE);
    expect(en).toContain("Why it was not accepted: Not a matter for the commune");
  });
});
