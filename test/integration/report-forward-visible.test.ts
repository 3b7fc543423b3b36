// A report the commune forwards to another agency (the electricity company, the province) tells its reporter and
// the public where it went and by when: the forward's agency and deadline are public by design (handling.md), and
// the journey found both pages saying only "forwarded to another agency".
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

describeDb("citizen reports: a forwarded report says where it went", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: TestClient;
  let resident: TestClient;
  const sent = { code: "", link: "", id: "" };

  beforeAll(async () => {
    x = app();
    const village = (await buildVillage(x.deps, GIA_PHU)).code;
    const user = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    await buildReportCategory(x.deps, { code: "power", nameVi: "Điện", nameEn: "Power line", responsibleUserId: user.id });
    officer = new TestClient(x.app);
    await officer.signIn(user.username, PASSWORD);
    resident = new TestClient(x.app);
    const body = new FormData();
    body.set(CSRF_FIELD, resident.csrfToken);
    for (const [k, v] of Object.entries({ categoryCode: "power", villageCode: village, landmark: "Cột điện số 7", description: "Dây điện võng sát mặt đường" }))
      body.set(k, v);
    const res = await resident.request(reportPaths.newReport(GIA_PHU), { method: "POST", body });
    expect(res.status).toBe(303);
    sent.link = res.headers.get("location")!.replace("?sent=1", "");
    sent.code = /PA-[A-Z0-9]{6}/.exec(sent.link)![0];
    sent.id = (await x.db.query<{ id: string }>("SELECT id FROM reports WHERE code = $1", [sent.code])).rows[0]!.id;
    const version = async () => String((await x.db.query<{ version: number }>("SELECT version FROM reports WHERE id = $1", [sent.id])).rows[0]!.version);
    expect((await officer.post(`${reportPaths.officeReport(sent.id)}/actions/accept`, { version: await version() })).status).toBe(303);
    const forward = await officer.post(`${reportPaths.officeReport(sent.id)}/actions/forward`, {
      version: await version(),
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
});
