// The office pages and /api/v1 routes of campaigns, trainings and recognition, through the app: forms typed as
// people type them (dd/mm/yyyy), errors naming the field, multipart uploads, downloads, 404 outside the scope.
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { aPdf } from "../../../../test/support/procedure-factories.ts";
import { buildHousehold, buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../../platform/http/csrf.ts";

type Problem = { status: number; errors?: { field: string; message: string }[] };

describeDb("campaigns, trainings and recognition over HTTP", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: TestClient;
  let stranger: TestClient;
  let village: string;
  let resident: string;

  const api = (client: TestClient, path: string, body?: unknown) =>
    client.request(path, body === undefined ? {} : { ...json(body), headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken } });
  const fieldsOf = async (res: Response) => ((await res.json()) as Problem).errors?.map((e) => e.field) ?? [];

  beforeAll(async () => {
    x = app();
    village = await buildRegistryVillage(x.deps);
    resident = (await buildHousehold(x.deps, { villageCode: village, members: [{ fullName: "Đinh Thị Hoa", birthYear: 1975 }] })).residentIds[0]!;
    const admin = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    officer = new TestClient(x.app);
    await officer.signIn(admin.username, PASSWORD);
    const other = await buildUser(x.deps, { roles: [["commune_admin", BAO_THANG]] });
    stranger = new TestClient(x.app);
    await stranger.signIn(other.username, PASSWORD);
  });

  it("creates a campaign from the office form with typed days, and shows its progress as a table and a chart", async () => {
    const form = await officer.get("/office/campaigns/new");
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain(`value="${village}"`);
    // The skill is picked from the checklist by its label, not typed.
    expect(formHtml).toMatch(/<select[^>]*name="skillKey"/);
    expect(formHtml).toContain('<option value="vneid_level2">Đã kích hoạt VNeID mức 2</option>');
    const bad = await officer.post("/office/campaigns/new", {
      name: "Cao điểm",
      unitCode: GIA_PHU,
      skillKey: "vneid_level2",
      measure: "adults",
      targetPercent: "80",
      startsOn: "20/11/2026",
      endsOn: "31/02/2026",
    });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Ngày kết thúc");
    expect(badHtml).toContain('<option value="vneid_level2" selected="">');
    const res = await officer.post("/office/campaigns/new", {
      name: "Cao điểm VNeID",
      unitCode: GIA_PHU,
      skillKey: "vneid_level2",
      measure: "households",
      targetPercent: "80,5",
      startsOn: "20/11/2026",
      endsOn: "29/11/2026",
    });
    expect(res.status).toBe(303);
    const page = await officer.get(res.headers.get("location")!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<svg");
    expect(html).toContain("23/11/2026");
    expect(html).toContain("80,5%");
    expect((await officer.get(`${res.headers.get("location")}?by=team`)).status).toBe(200);
    expect((await stranger.get(res.headers.get("location")!)).status).toBe(404);
    expect((await officer.get("/office/campaigns")).status).toBe(200);
  });

  it("creates and reads campaigns through the API, refusing bad input with the field named", async () => {
    const body = { name: "69 ngày", unitCode: village, skillKey: "vneid_level2", targetPercent: 80, startsOn: "2026-11-20", endsOn: "2026-11-29" };
    const created = await api(officer, "/api/v1/campaigns", body);
    expect(created.status).toBe(201);
    const { campaign } = (await created.json()) as { campaign: { id: string; measure: string } };
    expect(campaign.measure).toBe("adults");
    const progress = await api(officer, `/api/v1/campaigns/${campaign.id}/progress?by=team`);
    expect(progress.status).toBe(200);
    expect(await progress.json()).toMatchObject({ by: "team", asOf: "2026-11-23", total: { total: 1, counted: 0 } });
    expect((await api(officer, `/api/v1/campaigns/${campaign.id}/progress?by=street`)).status).toBe(400);
    expect((await api(stranger, `/api/v1/campaigns/${campaign.id}`)).status).toBe(404);
    for (const [change, field] of [
      [{ targetPercent: 150 }, "targetPercent"],
      [{ endsOn: "2026-11-01" }, "endsOn"],
      [{ startsOn: "2026-13-01" }, "startsOn"],
      [{ skillKey: "VNeID 2" }, "skillKey"],
      [{ measure: "people" }, "measure"],
    ] as const) {
      const res = await api(officer, "/api/v1/campaigns", { ...body, ...change });
      expect(res.status, field).toBe(400);
      expect(await fieldsOf(res), field).toEqual([field]);
    }
    expect((await api(stranger, "/api/v1/campaigns", body)).status).toBe(404);
  });

  it("records a training, picks an attendee by a name typed without diacritics, uploads and downloads a material", async () => {
    const form = await (await officer.get("/office/trainings/new")).text();
    expect(form).toContain('name="skill.cashless_payment" value="1"');
    expect(form).toContain("Có tài khoản thanh toán không dùng tiền mặt");
    const unticked = await officer.post("/office/trainings/new", { unitCode: village, heldOn: "22/11/2026", place: "X", topic: "X", trainer: "X" });
    expect(unticked.status).toBe(303);
    const res = await officer.post("/office/trainings/new", {
      unitCode: village,
      heldOn: "22/11/2026",
      place: "Nhà văn hoá",
      topic: "Cài VNeID",
      trainer: "Cán bộ xã",
      "skill.vneid_level2": "1",
      "skill.cashless_payment": "1",
    });
    expect(res.status).toBe(303);
    const path = res.headers.get("location")!;
    const id = path.split("/").pop()!;
    const found = await officer.get(`${path}?q=dinh+thi+hoa`);
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain(`value="${resident}"`);
    expect(html).toContain("Ai còn cần tập huấn");
    expect((await officer.post(`${path}/attendees`, { residentIds: resident, confirmSkills: "seen" })).status).toBe(303);
    const skills = await x.db.query("SELECT skill_key, method FROM resident_skills WHERE resident_id = $1 ORDER BY skill_key", [resident]);
    expect(skills.rows).toEqual([
      { skill_key: "cashless_payment", method: "seen" },
      { skill_key: "vneid_level2", method: "seen" },
    ]);
    const none = await officer.post(`${path}/attendees`, {});
    expect(none.status).toBe(400);

    // The API takes the file as multipart/form-data.
    const upload = new FormData();
    upload.set("file", new File([Buffer.from(aPdf("tài liệu"))], "tai-lieu.pdf", { type: "application/pdf" }));
    const stored = await officer.request(`/api/v1/trainings/${id}/materials`, { method: "POST", body: upload, headers: { [CSRF_HEADER]: officer.csrfToken } });
    expect(stored.status).toBe(201);
    const { fileId } = (await stored.json()) as { fileId: string };
    const file = await officer.get(`/api/v1/trainings/${id}/materials/${fileId}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain("attachment;");
    expect((await stranger.get(`${path}/materials/${fileId}`)).status).toBe(404);
    const notPdf = new FormData();
    notPdf.set("file", new File(["plain text"], "x.pdf"));
    const refused = await officer.request(`/api/v1/trainings/${id}/materials`, { method: "POST", body: notPdf, headers: { [CSRF_HEADER]: officer.csrfToken } });
    expect(refused.status).toBe(400);
    expect(await fieldsOf(refused)).toEqual(["file"]);
    const asJson = await api(officer, `/api/v1/trainings/${id}/materials`, { file: "x" });
    expect(asJson.status, await asJson.clone().text()).toBe(415);

    // The office form posts multipart too, with its CSRF token in the body.
    const page = new FormData();
    page.set(CSRF_FIELD, officer.csrfToken);
    page.set("file", new File([Buffer.from(aPdf("handout"))], "handout.pdf"));
    expect((await officer.request(`${path}/materials`, { method: "POST", body: page })).status).toBe(303);
    const detail = (await (await api(officer, `/api/v1/trainings/${id}`)).json()) as { attendees: { fullName: string }[]; materials: unknown[] };
    expect(detail.attendees.map((a) => a.fullName)).toEqual(["Đinh Thị Hoa"]);
    expect(detail.materials).toHaveLength(2);
    expect((await api(stranger, `/api/v1/trainings/${id}`)).status).toBe(404);
    const unseen = await api(stranger, `/api/v1/trainings/${id}/attendees`, { residentIds: [resident] });
    expect(unseen.status).toBe(404);
  });

  it("shows recognition and its print list without the site's navigation; a bad day is a 400 naming the field", async () => {
    expect((await officer.get("/office/recognition")).status).toBe(200);
    const print = await officer.get("/office/recognition/print?from=2026-11-01&to=2026-11-23");
    expect(print.status).toBe(200);
    const html = await print.text();
    expect(html).not.toContain('class="nav"');
    expect(html).toContain("01/11/2026");
    // The spreadsheet: a sheet of teams and one of members, a name typed as a formula kept as text.
    const volunteer = await buildUser(x.deps, { kind: "volunteer", roles: [["volunteer", village]] });
    await x.db.query("UPDATE users SET display_name = '=HYPERLINK(\"x\")' WHERE id = $1", [volunteer.id]);
    await x.db.query(
      `INSERT INTO visits (id, household_id, commune_code, unit_path, volunteer_user_id, visited_on, outcome, recorded_at)
       SELECT gen_random_uuid(), h.id, h.commune_code, h.unit_path, $2, '2026-11-20', 'helped', now() FROM residents r JOIN households h ON h.id = r.household_id WHERE r.id = $1`,
      [resident, volunteer.id],
    );
    const xlsx = await officer.get("/office/recognition.xlsx?from=2026-11-01&to=2026-11-23");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("vinh-danh-tat-ca-2026-11-01-2026-11-23.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Tổ công nghệ số", "Thành viên"]);
    expect(wb.worksheets[1]!.getRow(4).values).toEqual([undefined, 1, `'=HYPERLINK("x")`, "", "", 1, 1, 0]);
    const bad = await officer.get("/office/recognition?from=32/11/2026");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Từ ngày");
    const apiBad = await api(officer, "/api/v1/recognition?from=2026-11-30&to=2026-11-01");
    expect(apiBad.status).toBe(400);
    expect(await fieldsOf(apiBad)).toEqual(["to"]);
    expect((await api(officer, `/api/v1/recognition?unit=${BAO_THANG}`)).status).toBe(404);
  });
});
