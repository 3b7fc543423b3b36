// Exports hold the numbers computeIndicators gives: the workbook read back with exceljs, the CSV parsed back, the PDF's
// text read with pdfjs. The monthly task runs on the first working day of the calendar only, once, and e-mails the
// recipients through the outbox. Bad input is a 400 naming the field; another commune is a 404.
import ExcelJS from "exceljs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildFacts, buildIndicatorSet, buildManualValue } from "../../../../test/support/indicator-factories.ts";
import { TestClient } from "../../../../test/support/client.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { parseCsv } from "../../../platform/text/csv-records.ts";
import { createApiToken, principalOfUser } from "../../identity/index.ts";
import { indicatorPaths } from "../indicator-paths.ts";
import * as repo from "../indicators.repository.ts";
import { periodOf } from "../periods.ts";
import { setForProvince } from "../set-store.ts";
import { computeIndicators } from "../use-cases/indicators-compute.ts";
import { HOW_SHEET } from "./xlsx-writer.ts";
import { firstWorkingDay, runMonthlyReports } from "./use-cases/exports-monthly.ts";
import { subscribeReport, unsubscribeReport } from "./use-cases/exports-subscriptions.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";

const SET = {
  key: "test-export",
  name: "Bộ thử xuất",
  nameEn: "Export test set",
  elements: [
    { key: "wifi_points", name: "Điểm wifi công cộng", nameEn: "Public wifi points", valueType: "integer", min: 0, aggregation: "last", frequency: "quarter" },
  ],
  indicators: [
    {
      key: "online",
      name: "Tỉ lệ hồ sơ trực tuyến",
      nameEn: "Online share",
      unit: "percent",
      numerator: "dossier_received_online",
      denominator: "dossier_received",
    },
    // A name a spreadsheet would take for a formula: written as text.
    { key: "wifi", name: '=HYPERLINK("http://x")', nameEn: "Wifi", unit: "count", numerator: "wifi_points" },
    { key: "ocop", name: "Sản phẩm OCOP", nameEn: "OCOP", unit: "count", numerator: "ocop_product_traceable" },
  ],
};

async function pdfText(bytes: Uint8Array): Promise<{ text: string; title: unknown }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { text: text.replace(/\s+/g, " "), title: (meta.info as Record<string, unknown>).Title };
}

describeDb("indicator exports", () => {
  const app = useTestApp();
  let x: TestApp;
  let province: Principal;
  let communeAdmin: Principal;
  let officer: TestClient;
  let officerUser: { id: string; username: string };
  const ctx = (p: Principal) => ({ actor: { userId: p.userId, label: p.username }, requestId: "req-exports", principal: p });

  beforeAll(async () => {
    x = app();
    await buildIndicatorSet(x.deps, SET);
    // Gia Phú: 9 of 10 online; Bảo Thắng: 9 of 90. Wifi approved for Gia Phú only.
    await buildFacts(x.deps, GIA_PHU, "2026-11-03", { dossier_received: 10, dossier_received_online: 9 });
    await buildFacts(x.deps, BAO_THANG, "2026-11-05", { dossier_received: 90, dossier_received_online: 9 });
    await buildManualValue(x.deps, { element: "wifi_points", unit: GIA_PHU, period: "2026-Q3", value: 3 });
    const p = await buildUser(x.deps, { roles: [["province_admin", "15"]] });
    const a = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    officerUser = await buildUser(x.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    province = (await principalOfUser(x.deps, p.id))!;
    communeAdmin = (await principalOfUser(x.deps, a.id))!;
    officer = new TestClient(x.app);
    await officer.signIn(officerUser.username, PASSWORD);
  });

  const expected = async (code: string, by: "self" | "children") => {
    const set = await setForProvince(x.deps, "15", SET.key);
    const unit = (await repo.unitRef(x.db, code))!;
    return computeIndicators(x.deps, { set, unit, period: periodOf("2026-11", "2026-11-23")!, by });
  };

  it("writes a workbook whose sheet holds computeIndicators' numbers per unit, and explains every formula", async () => {
    const res = await officer.get(`${indicatorPaths.exportFile(GIA_PHU, "xlsx")}?set=${SET.key}&period=2026-11`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bộ thử xuất", HOW_SHEET]);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual([
      "Mã đơn vị",
      "Đơn vị",
      "Tỉ lệ hồ sơ trực tuyến (%)",
      "Tỉ lệ hồ sơ trực tuyến: Tử số",
      "Tỉ lệ hồ sơ trực tuyến: Mẫu số",
    ]);
    // The formula-looking name is neutralised.
    expect(header[5]).toBe('\'=HYPERLINK("http://x") (số lượng)');
    const row = (ws.getRow(3).values as unknown[]).slice(1);
    const r = (await expected(GIA_PHU, "self")).rows[0]!;
    const online = r.indicators.find((i) => i.key === "online")!;
    expect(row[0]).toBe(GIA_PHU);
    expect(row.slice(2, 5)).toEqual([online.value, online.numerator, online.denominator]);
    expect(row.slice(2, 5)).toEqual([90, 9, 10]);
    expect(row[5]).toBe(3);
    expect(row[8]).toBe("Chưa có nguồn dữ liệu");
    const how = wb.getWorksheet(HOW_SHEET)!;
    const texts = how
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === "string");
    expect(texts).toContain("Hồ sơ tiếp nhận trực tuyến [dossier_received_online]");
    expect(texts).toContain("Tử số ÷ Mẫu số × 100");
  });

  it("lists each commune of the province on its own row, the shares recomputed per commune", async () => {
    const province = new TestClient(x.app);
    const u = await buildUser(x.deps, { roles: [["province_admin", "15"]] });
    await province.signIn(u.username, PASSWORD);
    const res = await province.get(`${indicatorPaths.exportFile("15", "xlsx")}?set=${SET.key}&period=2026-11&by=children`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const rows = wb.worksheets[0]!.getSheetValues().slice(3) as unknown[][];
    const byCode = new Map(rows.filter(Boolean).map((r) => [r[1], r.slice(3, 6)] as const));
    expect(byCode.get(GIA_PHU)).toEqual([90, 9, 10]);
    expect(byCode.get(BAO_THANG)).toEqual([10, 9, 90]);
  });

  it("writes a CSV (UTF-8 with BOM) that parses back to one row per unit and indicator", async () => {
    const res = await officer.get(`${indicatorPaths.exportFile(GIA_PHU, "csv")}?set=${SET.key}&period=2026-11`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM.
    const rows = parseCsv(new TextDecoder().decode(bytes)).map((r) => r.cells);
    expect(rows[0]).toEqual([
      "Mã đơn vị",
      "Đơn vị",
      "Bộ chỉ số",
      "Mã chỉ số",
      "Chỉ số",
      "Đơn vị tính",
      "Kỳ báo cáo",
      "Tình trạng",
      "Giá trị",
      "Tử số",
      "Mẫu số",
      "Chỉ tiêu",
      "Đánh giá",
    ]);
    expect(rows).toHaveLength(1 + SET.indicators.length);
    const online = rows.find((r) => r[3] === "online")!;
    expect(online.slice(0, 1)).toEqual([GIA_PHU]);
    expect(online.slice(6, 11)).toEqual(["2026-11", "Có số liệu", "90", "9", "10"]);
    expect(rows.find((r) => r[3] === "wifi")![4]).toBe('\'=HYPERLINK("http://x")');
  });

  it("writes the PDF report in the administrative layout with the commune's name and the title", async () => {
    const res = await officer.get(`${indicatorPaths.exportFile(GIA_PHU, "pdf")}?set=${SET.key}&period=2026-11`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { text, title } = await pdfText(bytes);
    expect(title).toBe("Kết quả chuyển đổi số tháng 11 năm 2026");
    for (const s of [
      "ỦY BAN NHÂN DÂN",
      "XÃ GIA PHÚ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "BÁO CÁO",
      "Kết quả chuyển đổi số tháng 11 năm 2026",
      "Tỉ lệ hồ sơ trực tuyến",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain("Gia Phú, ngày");
    expect(text).toMatch(/9 \/ 10/);
  });

  it("serves the same files through /api/v1 to a token, with every set when none is named", async () => {
    const token = (
      await createApiToken(x.deps, ctx((await principalOfUser(x.deps, officerUser.id))!), {
        name: "ioc",
        role: "one_stop_officer",
        adminUnitCode: GIA_PHU,
        expiresInDays: 30,
      })
    ).token;
    const auth = { authorization: `Bearer ${token}` };
    const csv = await x.app.request(`/api/v1/indicators/export.csv?unit=${GIA_PHU}&period=2026-11`, { headers: auth });
    expect(csv.status).toBe(200);
    const rows = parseCsv((await csv.text()).replace(/^\uFEFF/, "")).map((r) => r.cells);
    expect(new Set(rows.slice(1).map((r) => r[2]))).toContain("service-index-766");
    expect(new Set(rows.slice(1).map((r) => r[2]))).toContain(SET.key);
    const xlsx = await x.app.request(`/api/v1/indicators/export.xlsx?unit=${GIA_PHU}&set=${SET.key}&period=2026-11`, { headers: auth });
    expect(xlsx.status).toBe(200);
    const pdf = await x.app.request(`/api/v1/indicators/export.pdf?unit=${GIA_PHU}&set=${SET.key}&period=2026-11`, { headers: auth });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await x.app.request(`/api/v1/indicators/export.csv?unit=${BAO_THANG}&period=2026-11`, { headers: auth })).status).toBe(404);
    expect((await x.app.request(`/api/v1/indicators/export.csv?unit=${GIA_PHU}&period=2026-11`)).status).toBe(401);
  });

  it("answers bad input with a 400 naming the field, and another commune with a 404", async () => {
    const field = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    };
    const token = (
      await createApiToken(x.deps, ctx((await principalOfUser(x.deps, officerUser.id))!), {
        name: "ioc2",
        role: "one_stop_officer",
        adminUnitCode: GIA_PHU,
        expiresInDays: 30,
      })
    ).token;
    const auth = { headers: { authorization: `Bearer ${token}` } };
    expect(await field(await x.app.request(`/api/v1/indicators/export.csv?unit=${GIA_PHU}&period=2026-11&set=nope`, auth))).toEqual(["set"]);
    expect(await field(await x.app.request(`/api/v1/indicators/export.csv?unit=${GIA_PHU}&period=2027-01`, auth))).toEqual(["period"]);
    expect(await field(await x.app.request(`/api/v1/indicators/export.csv?unit=${GIA_PHU}&period=november`, auth))).toEqual(["period"]);
    expect(await field(await x.app.request(`/api/v1/indicators/export.csv?unit=${GIA_PHU}&period=2026-11&by=all`, auth))).toEqual(["by"]);
    expect((await officer.get(`${indicatorPaths.exportFile(GIA_PHU, "xlsx")}?period=2027-01`)).status).toBe(400);
    expect((await officer.get(`${indicatorPaths.exportFile(BAO_THANG, "xlsx")}?period=2026-11`)).status).toBe(404);
    // Recipients and sets of a scheduled report.
    const bad = (raw: Record<string, unknown>) =>
      subscribeReport(x.deps, ctx(province), { unit: GIA_PHU, sets: [SET.key], by: "self", recipients: "a@example.vn", ...raw }).then(
        () => null,
        (e: { status: number; fields: { field: string }[] }) => [e.status, e.fields.map((f) => f.field)],
      );
    expect(await bad({ recipients: "a@example.vn\nnot-an-address" })).toEqual([400, ["recipients"]]);
    expect(await bad({ recipients: "  " })).toEqual([400, ["recipients"]]);
    expect(await bad({ sets: ["nope"] })).toEqual([400, ["sets"]]);
    expect(await bad({ sets: [] })).toEqual([400, ["sets"]]);
    expect(await bad({ unit: "99999" })).toEqual([404, []]);
    // A commune's administrator arranges reports for their own commune only.
    const other = await subscribeReport(x.deps, ctx(communeAdmin), { unit: BAO_THANG, sets: [SET.key], by: "self", recipients: "a@example.vn" }).catch(
      (e: { status: number }) => e.status,
    );
    expect(other).toBe(404);
  });

  it("offers download links and the monthly report's form on the page, errors beside the fields, without JavaScript", async () => {
    const admin = new TestClient(x.app);
    const u = await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] });
    await admin.signIn(u.username, PASSWORD);
    const links = await admin.get(`${indicatorPaths.scheduledReports}?unit=${GIA_PHU}&set=${SET.key}&period=2026-11&by=self`);
    expect(links.status).toBe(200);
    expect(await links.text()).toContain(`${indicatorPaths.exportFile(GIA_PHU, "pdf")}?set=${SET.key}&amp;period=2026-11&amp;by=self`);
    const future = await admin.get(`${indicatorPaths.scheduledReports}?unit=${GIA_PHU}&period=2030-01`);
    expect(future.status).toBe(400);
    expect(await future.text()).toContain('href="#f-period"');
    const empty = await admin.post(indicatorPaths.scheduledReports, { unit: GIA_PHU, recipients: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('href="#f-sets"');
    const saved = await admin.post(indicatorPaths.scheduledReports, {
      unit: GIA_PHU,
      sets: SET.key,
      by: "children",
      recipients: "pho.chu.tich@giaphu.example.vn",
    });
    expect(saved.status).toBe(303);
    const page = await (await admin.get(indicatorPaths.scheduledReports)).text();
    expect(page).toContain("pho.chu.tich@giaphu.example.vn");
    // Ended again, so that the monthly run below has only its own subscription.
    const id = /action="\/office\/indicators\/reports\/([0-9a-f-]{36})\/end"/.exec(page)![1]!;
    expect((await admin.post(indicatorPaths.scheduledReportEnd(id))).status).toBe(303);
    expect(await (await admin.get(indicatorPaths.scheduledReports)).text()).not.toContain("pho.chu.tich@giaphu.example.vn");
  });

  describe("the monthly report", () => {
    const emails = async () =>
      (
        await x.db.query<{ payload: { to: string; subject: string; text: string } }>(
          "SELECT payload FROM outbox WHERE topic = 'email' AND dedupe_key LIKE 'indicator-report:%' ORDER BY payload->>'to'",
        )
      ).rows.map((r) => r.payload);
    let subscription: string;

    beforeAll(async () => {
      subscription = await subscribeReport(x.deps, ctx(communeAdmin), {
        unit: GIA_PHU,
        sets: [SET.key],
        by: "self",
        recipients: "Chu.Tich@giaphu.example.vn; vanphong@giaphu.example.vn",
      });
      const ended = await subscribeReport(x.deps, ctx(province), { unit: BAO_THANG, sets: [SET.key], by: "self", recipients: "x@example.vn" });
      await unsubscribeReport(x.deps, ctx(province), ended);
    });

    it("finds the first working day after New Year's Day and the weekend", async () => {
      const cal = await loadWorkCalendar(x.deps);
      expect(firstWorkingDay(cal, "2027-01")).toBe("2027-01-04");
      expect(firstWorkingDay(cal, "2026-12")).toBe("2026-12-01");
    });

    it("does nothing on a holiday or on a later day of the month", async () => {
      x.clock.set(new Date("2027-01-01T01:00:00Z")); // New Year's Day, 08:00 in Vietnam
      expect(await runMonthlyReports(x.deps)).toMatchObject({ due: false, generated: 0 });
      x.clock.set(new Date("2027-01-05T01:00:00Z"));
      expect(await runMonthlyReports(x.deps)).toMatchObject({ due: false, generated: 0 });
      expect(await emails()).toEqual([]);
    });

    it("on the first working day generates last month's report once and e-mails each recipient once", async () => {
      x.clock.set(new Date("2027-01-04T01:00:00Z"));
      expect(await runMonthlyReports(x.deps)).toMatchObject({ due: true, period: "2026-12", generated: 1, emails: 2 });
      expect(await runMonthlyReports(x.deps)).toMatchObject({ due: true, generated: 0, skipped: 1, emails: 0 });
      const mails = await emails();
      expect(mails.map((m) => m.to)).toEqual(["chu.tich@giaphu.example.vn", "vanphong@giaphu.example.vn"]);
      expect(mails[0]!.subject).toBe("Báo cáo chỉ số chuyển đổi số tháng 12 năm 2026 – Xã Gia Phú");
      const link = /\/office\/indicators\/reports\/runs\/([0-9a-f-]+)\/report\.pdf/.exec(mails[0]!.text);
      expect(link).not.toBeNull();
      // The stored report downloads for an officer of the commune (signed in again: the clock moved on), and is listed.
      const officer = new TestClient(x.app);
      await officer.signIn(officerUser.username, PASSWORD);
      const pdf = await officer.get(link![0]);
      expect(pdf.status).toBe(200);
      expect((await pdfText(new Uint8Array(await pdf.arrayBuffer()))).title).toBe("Kết quả chuyển đổi số tháng 12 năm 2026");
      const xlsx = await officer.get(link![0].replace("report.pdf", "report.xlsx"));
      expect(xlsx.status).toBe(200);
      const page = await officer.get(indicatorPaths.scheduledReports);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(link![0]);
      expect(html).toContain("2026-12");
      const events = await x.db.query<{ type: string }>("SELECT action AS type FROM audit_log WHERE action LIKE 'indicatorReport.%' ORDER BY seq");
      // The page's test subscribed and ended one; this block subscribed two and ended one; then the run.
      expect(events.rows.map((r) => r.type)).toEqual([
        "indicatorReport.subscribed",
        "indicatorReport.unsubscribed",
        "indicatorReport.subscribed",
        "indicatorReport.subscribed",
        "indicatorReport.unsubscribed",
        "indicatorReport.generated",
      ]);
      expect(subscription).toBeTruthy();
    });
  });
});
