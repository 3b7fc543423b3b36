// A citizen report handled in the office, in the browser with JavaScript off: the one-stop officer accepts it and
// assigns it (the category's officer is the default), the specialist answers it with a photo taken after the work.
// After each step the page says what happened, and the timeline names who did it. The report itself is seeded with
// the factories (the reporting part's form is tested on its own).
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { reportPaths } from "../../src/modules/reports/report-paths.ts";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { describeBrowser } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import { officeStep, type StepForm } from "./support/office-report.ts";
import type { XasoPage } from "./support/xaso-page.ts";

const NO_JS = { javaScriptEnabled: false } as const;
const REPORTER = "Lò Thị Mai";
const ANSWER = "Đã vá ổ gà bằng bê tông, đường đi lại bình thường.";

describeBrowser("a citizen report handled in the office, without JavaScript", () => {
  const e2e = useE2e();
  let desk: XasoPage;
  let specialist: XasoPage;
  let report = { id: "", code: "" };
  let photo: Buffer;

  beforeAll(async () => {
    const { deps, db } = e2e().app;
    const lan = (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'chuyenvien.giaphu'")).rows[0]!.id;
    const category = await buildReportCategory(deps, { communeCode: DEMO_COMMUNE, nameVi: "Đường giao thông hư hỏng", responsibleUserId: lan });
    report = await buildReport(deps, { categoryId: category.id, communeCode: DEMO_COMMUNE, reporterName: REPORTER, reporterPhone: "0912345678" });
    await db.query("UPDATE reports SET notify_sms = true WHERE id = $1", [report.id]);
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#8a8" } })
      .jpeg()
      .toBuffer();
    [desk, specialist] = await Promise.all([e2e().openPage(NO_JS), e2e().openPage(NO_JS)]);
    for (const x of [desk, specialist]) x.page.setDefaultTimeout(5_000);
    await Promise.all([desk.signIn("motcua.giaphu"), specialist.signIn("chuyenvien.giaphu")]);
  });

  /** A step, from the report page opened afresh. */
  const step = async (x: XasoPage, action: string, label: string, fill?: (form: StepForm) => Promise<unknown>) => {
    await x.open(reportPaths.officeReport(report.id));
    return officeStep(x, report.id, action, label, fill);
  };
  const statusTag = (x: XasoPage) => x.page.locator("main h1 + p .tag").first().innerText();

  it("the one-stop officer sees the report with its reporter's contact and only the steps open to a new report", async () => {
    await desk.open(reportPaths.officeReport(report.id));
    expect(await desk.h1()).toContain(report.code);
    const main = await desk.page.locator("main").innerText();
    expect(main).toContain(REPORTER);
    expect(main).toContain("0912345678");
    expect(await desk.page.locator("main details summary").allInnerTexts()).toEqual(["Tiếp nhận xử lý", "Từ chối"]);
  });

  it("accepts it", async () => {
    expect(await step(desk, "accept", "Tiếp nhận xử lý")).toBe("Đã tiếp nhận phản ánh.");
    expect(await statusTag(desk)).toBe("Đã tiếp nhận xử lý");
  });

  it("assigns it to the category's officer, chosen by default", async () => {
    const flash = await step(desk, "assign", "Giao xử lý", async (form) => {
      const chosen = await form.getByLabel("Người xử lý").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
      expect(chosen).toBe("Hoàng Thị Lan");
    });
    expect(flash).toBe("Đã giao xử lý.");
    expect(await statusTag(desk)).toBe("Đã giao xử lý");
    expect(await desk.page.locator("main").innerText()).toContain("Hoàng Thị Lan");
  });

  it("the specialist answers it with a photo after the work; the timeline names each officer", async () => {
    const flash = await step(specialist, "resolve", "Trả lời, kết thúc xử lý", async (form) => {
      await form.getByLabel("Nội dung trả lời").fill(ANSWER);
      await form.locator('input[type=file][name="photos"]').setInputFiles({ name: "sau-khi-sua.jpg", mimeType: "image/jpeg", buffer: photo });
    });
    expect(flash).toBe("Đã trả lời phản ánh.");
    expect(await statusTag(specialist)).toBe("Đã trả lời");
    const main = specialist.page.locator("main");
    expect(await main.innerText()).toContain(ANSWER);
    expect(await main.locator("h3", { hasText: "Ảnh sau khi xử lý" }).count()).toBe(1);
    // The officer's copy of the photo, under its own heading apart from the resident's photos.
    expect(await main.locator('h3:has-text("Ảnh sau khi xử lý") + ul img[src^="/office/reports/photos/"]').count()).toBe(1);
    const timeline = await main.locator("table").last().locator("tbody tr").allInnerTexts();
    expect(timeline).toHaveLength(4);
    expect(timeline[1]).toContain("Lò Văn Minh");
    expect(timeline[2]).toContain("Hoàng Thị Lan");
    expect(timeline[3]).toContain("Hoàng Thị Lan");
    // No step is left to the office: the reporter confirms or reopens on their own page.
    expect(await main.locator("details summary").count()).toBe(0);
  });

  it("the reporter was told at acceptance and at the answer, by SMS without diacritics, with the code", async () => {
    const { rows } = await e2e().app.db.query<{ text: string }>(
      "SELECT payload->>'text' AS text FROM outbox WHERE topic = 'sms' AND payload->>'text' LIKE $1 ORDER BY id",
      [`%${report.code}%`],
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.text).toMatch(/^[\x20-\x7E\n]+$/);
  });
});
