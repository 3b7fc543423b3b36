// axe (WCAG 2.1 A and AA) on every page, as a visitor and as a commune officer. Any violation fails and is printed.
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE, DEMO_PROVINCE } from "../../src/demo/seed-demo.ts";
import { REGISTRY_FILE_COLUMNS } from "../../src/modules/registry/index.ts";
import { seedReportsDemo } from "../../src/demo/seed-reports.ts";
import { formatViolations } from "./support/axe.ts";
import { describeBrowser } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import type { XasoPage } from "./support/xaso-page.ts";
import { buildHousehold } from "../support/registry-factories.ts";
import sharp from "sharp";
import { preparePhotos, saveReportPhotos } from "../../src/modules/reports/use-cases/photo-store.ts";
import { buildReport, buildReportCategory } from "../support/report-factories.ts";
import { submitReport } from "../../src/modules/reports/index.ts";
import { buildHallService, buildNotice } from "../support/notice-factories.ts";
import { buildTicket } from "../support/screen-factories.ts";
import { toLocalDay } from "../../src/platform/calendar/vietnam-time.ts";

type Who = "visitor" | "officer" | "citizen" | "desk" | "province" | "specialist" | "leader" | "volunteer";
const CAMPAIGN_FORM = { name: "Cao điểm VNeID", skillKey: "vneid_level2", targetPercent: "80", startsOn: "20/11/2026", endsOn: "31/12/2026" };
const TRAINING_FORM = { heldOn: "22/11/2026", place: "Nhà văn hoá thôn", topic: "Cài đặt VNeID", trainer: "Cán bộ xã", "skill.vneid_level2": "1" };
type Case = { name: string; who: Who; path: () => string; status?: number; then?: (x: XasoPage) => Promise<unknown> };

describeBrowser("accessibility (axe, WCAG 2.1 AA)", () => {
  // With the public-services demo: the catalogue, Gia Phú's desk settings, the citizen's profile and dossiers in several states.
  const e2e = useE2e({ publicServices: true });
  const pages = {} as Record<Who, XasoPage>;
  const found = {
    village: "",
    user: "",
    myWaitingDossier: "",
    waitingCode: "",
    deskNew: "",
    deskWaiting: "",
    deskReady: "",
    awaitingApproval: "",
    household: "",
    resident: "",
    team: "",
    linkedResident: "",
    report: "",
    forwardedReport: "",
    moderatedReport: "",
    publicReport: "",
    reportFollow: "",
    // notices/public
    emergencyNotice: "",
    withdrawnNotice: "",
    // notices+hall journey
    kioskTicket: "",
    doneTicket: "",
  };

  beforeAll(async () => {
    // Citizen reports of the demo commune: a new one, and one forwarded to another agency (forwards and timeline shown).
    const reportCategory = await buildReportCategory(e2e().app.deps, { communeCode: DEMO_COMMUNE });
    found.report = `/office/reports/${(await buildReport(e2e().app.deps, { categoryId: reportCategory.id, communeCode: DEMO_COMMUNE, reporterPhone: "0912345678" })).id}`;
    const forwarded = await buildReport(e2e().app.deps, { categoryId: reportCategory.id, communeCode: DEMO_COMMUNE, status: "forwarded" });
    await e2e().app.db.query(
      "INSERT INTO report_forwards (report_id, agency, due_date, note) VALUES ($1, 'Điện lực Bảo Thắng', '2026-11-27', 'Dây điện võng')",
      [forwarded.id],
    );
    found.forwardedReport = `/office/reports/${forwarded.id}`;
    pages.visitor = await e2e().openPage();
    pages.officer = await e2e().openPage();
    pages.citizen = await e2e().openPage();
    pages.desk = await e2e().openPage();
    pages.province = await e2e().openPage();
    pages.specialist = await e2e().openPage();
    pages.leader = await e2e().openPage();
    pages.volunteer = await e2e().openPage();
    await Promise.all([
      pages.specialist.signIn("chuyenvien.giaphu"),
      pages.leader.signIn("lanhdao.giaphu"),
      pages.officer.signIn("xa.giaphu"),
      pages.citizen.signIn("congdan.phuha"),
      pages.desk.signIn("motcua.giaphu"),
      pages.province.signIn("tinh.laocai"),
      pages.volunteer.signIn("tinhnguyen.phuha"),
    ]);
    // The demo's citizen reports (as `npm start` seeds them), for the desk and figures pages.
    await seedReportsDemo(e2e().app.deps);
    // Links we need, found the way a person would find them.
    await pages.visitor.open(`/units/${DEMO_COMMUNE}`);
    found.village = (await pages.visitor.page.getByRole("link", { name: "Thôn Phú Hà", exact: true }).getAttribute("href")) ?? "";
    await pages.officer.open("/office/users");
    found.user = (await pages.officer.page.getByRole("link", { name: "motcua.giaphu", exact: true }).getAttribute("href")) ?? "";
    // The citizen's dossier the desk asked a supplement for (demo data), and a dossier of three desk queues.
    await pages.citizen.open("/me/dossiers");
    const waiting = pages.citizen.page.locator("main table tbody tr").filter({ hasText: "Chờ bổ sung hồ sơ" }).first().locator("a");
    found.myWaitingDossier = (await waiting.getAttribute("href")) ?? "";
    found.waitingCode = (await waiting.innerText()).trim();
    const firstOfQueue = async (queue: string) => {
      await pages.desk.open(`/office/desk?commune=${DEMO_COMMUNE}&queue=${queue}`);
      return (await pages.desk.page.locator("main table tbody a").first().getAttribute("href")) ?? "";
    };
    found.deskNew = await firstOfQueue("newOnline");
    found.deskWaiting = await firstOfQueue("awaitingSupplement");
    found.deskReady = await firstOfQueue("readyToReturn");
    await pages.leader.open(`/office/desk?commune=${DEMO_COMMUNE}&queue=awaitingApproval`);
    found.awaitingApproval = (await pages.leader.page.locator("main table tbody a").first().getAttribute("href")) ?? "";
    // A household entered through the registry's form, as the desk would: its page and its head's page.
    await pages.desk.open("/office/registry/households/new");
    const household = pages.desk.page.locator('main form[action="/office/registry/households/new"]');
    await household.locator('input[name="address"]').fill("Số 8, Thôn Phú Hà");
    await household.locator('input[name="members.0.fullName"]').fill("Lò Văn Hạnh");
    await household.locator('input[name="members.0.birthYear"]').fill("1961");
    await pages.desk.navigateBy(household.locator("button[type=submit]"));
    found.household = new URL(pages.desk.page.url()).pathname;
    found.resident = (await pages.desk.page.locator("main table tbody a").first().getAttribute("href")) ?? "";
    // A team, created with the form as a commune admin would (the first area offered: the whole commune).
    await pages.officer.open("/office/teams");
    const teamForm = pages.officer.page.locator('main form[action="/office/teams"]');
    await teamForm.getByLabel("Tên tổ").fill("Tổ CNSCĐ thử nghiệm");
    await pages.officer.navigateBy(teamForm.locator("button[type=submit]"));
    found.team = new URL(pages.officer.page.url()).pathname;
    // Enter once: a household of Thôn Phú Hà whose head is proposed to the demo citizen as being them.
    const deps = e2e().app.deps;
    const home = await buildHousehold(deps, {
      villageCode: found.village.split("/").pop()!,
      address: "Số 3 đường Phú Hà",
      members: [
        { fullName: "Đỗ Văn Nam", birthDate: "1990-05-12", sex: "male" },
        { fullName: "Đỗ Thị Hằng", birthYear: 1992, relationToHead: "spouse" },
      ],
    });
    found.linkedResident = home.residentIds[0]!;
    // A citizen report of the demo commune with two photos (reports' factories; the photos part's own pipeline).
    const report = await buildReport(deps, { categoryId: (await buildReportCategory(deps, { communeCode: DEMO_COMMUNE })).id, communeCode: DEMO_COMMUNE });
    const photo = async (background: string) =>
      new Uint8Array(
        await sharp({ create: { width: 64, height: 48, channels: 3, background } })
          .jpeg()
          .toBuffer(),
      );
    const prepared = await preparePhotos([
      { name: "a.jpg", claimedType: "image/jpeg", bytes: await photo("#3a7") },
      { name: "b.jpg", claimedType: "image/jpeg", bytes: await photo("#a37") },
    ]);
    await deps.db.tx((q) =>
      saveReportPhotos(q, { reportId: report.id, communeCode: DEMO_COMMUNE, stage: "report", photos: prepared, actorUserId: null, quota: null }),
    );
    found.moderatedReport = report.id;
    // A public citizen report with an answer (reports' factories), for the public list and report pages.
    const publicCategory = await buildReportCategory(deps, { communeCode: DEMO_COMMUNE, nameVi: "Đường giao thông" });
    const publicRep = await buildReport(deps, { categoryId: publicCategory.id, communeCode: DEMO_COMMUNE, status: "resolved", lat: 22.4, lon: 104 });
    await deps.db.query("UPDATE reports SET answer = 'Đã vá ổ gà.', answered_at = now() WHERE id = $1", [publicRep.id]);
    found.publicReport = `/reports/r/${publicRep.code}`;
    // A citizen report of the commune (factories, not the demo): the form's category and a private page to open.
    await buildReportCategory(deps, { communeCode: DEMO_COMMUNE, code: "a11y_drain", nameVi: "Cống, rãnh", nameEn: "Drains" });
    found.reportFollow = (
      await submitReport(
        deps,
        { actor: { userId: null, label: "anonymous" }, requestId: null, principal: null },
        {
          communeCode: DEMO_COMMUNE,
          categoryCode: "a11y_drain",
          description: "Cống tắc",
          contact: { name: "Hoàng Thị Lan", phone: "0912777889" },
          channel: "web",
        },
      )
    ).followUrl;
    await deps.db.query(
      "INSERT INTO resident_account_links (resident_id, user_id, matched_on) SELECT $1, id, 'phone' FROM users WHERE username = 'congdan.phuha'",
      [found.linkedResident],
    );
    // notices/public: an emergency in force, and a withdrawn notice with its correction.
    found.emergencyNotice = (
      await buildNotice(deps, {
        unitCode: DEMO_COMMUNE,
        category: "emergency",
        title: "Cảnh báo lũ quét",
        body: "Sơ tán khỏi **bờ suối** trước 18 giờ.\n\n- Mang theo giấy tờ\n- Gọi 112",
      })
    ).id;
    found.withdrawnNotice = (await buildNotice(deps, { unitCode: DEMO_COMMUNE, title: "Họp thôn ngày 25" })).id;
    const correction = await buildNotice(deps, { unitCode: DEMO_COMMUNE, title: "Họp thôn ngày 26" });
    await deps.db.query("UPDATE notices SET status = 'withdrawn', withdrawn_at = now(), withdrawal_reason = 'Sai ngày' WHERE id = $1", [found.withdrawnNotice]);
    await deps.db.query("UPDATE notices SET corrects_id = $2 WHERE id = $1", [correction.id, found.withdrawnNotice]);
    // notices+hall journey: a service of the hall with a ticket just taken at the kiosk, and one already served.
    const hallService = await buildHallService(deps, { communeCode: DEMO_COMMUNE, letter: "K" });
    const now = deps.clock.now();
    const ticket = (number: number, status: "waiting" | "done") =>
      buildTicket(deps.db, {
        communeCode: DEMO_COMMUNE,
        serviceId: hallService.id,
        letter: "K",
        day: toLocalDay(now),
        number,
        status,
        takenAt: now,
        ...(status === "done" ? { calledAt: now, servingAt: now, doneAt: now } : {}),
      });
    found.kioskTicket = (await ticket(1, "waiting")).id;
    found.doneTicket = (await ticket(2, "done")).id;
  });

  /** Fills a form's text fields by name and sends it: the page it lands on (the new record) is the one checked. */
  const createThrough = (action: string, values: Record<string, string>) => async (x: XasoPage) => {
    const form = x.page.locator(`main form[action="${action}"]`);
    // Text fields are filled, a <select> picks the value, a checkbox is ticked.
    for (const [name, value] of Object.entries(values)) {
      const control = form.locator(`[name="${name}"]`);
      const kind = await control.evaluate((el) => (el instanceof HTMLSelectElement ? "select" : el instanceof HTMLInputElement ? el.type : "text"));
      if (kind === "select") await control.selectOption(value);
      else if (kind === "checkbox") await control.check();
      else await control.fill(value);
    }
    const res = await x.navigateBy(form.locator("button[type=submit]"));
    expect(res.status()).toBe(200);
  };

  /** Sends a form with its text fields emptied, so that the page comes back with its errors shown. */
  /** Uploads a registry file (rows after the header; `v` is a village code of the demo commune) and lands on its preview. */
  const uploadRegistry = (rows: (village: string) => string[]) => async (x: XasoPage) => {
    const form = x.page.locator('main form[action="/office/registry/imports"]');
    const text = [REGISTRY_FILE_COLUMNS.map((c) => c.vi).join(","), ...rows(found.village.split("/").pop()!)].join("\n");
    await form.locator("input[type=file]").setInputFiles({ name: "ho.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    const res = await x.navigateBy(form.locator("button[type=submit]"));
    expect(res.status()).toBe(200);
    expect(x.page.url()).toMatch(/\/office\/registry\/imports\/[0-9a-f-]{36}$/);
  };

  /** Unfolds every step form of an office report page (they are <details>), so that axe checks their controls. */
  const unfoldSteps = async (x: XasoPage) => {
    for (const summary of await x.page.locator("main details summary").all()) await summary.click();
  };
  /** The reject step sent without a reason or a text: the page comes back with its errors beside the fields. */
  const rejectEmpty = async (x: XasoPage) => {
    await x.page.locator("main details summary", { hasText: "Từ chối" }).click();
    const res = await x.navigateBy(x.page.locator('main form[action$="/actions/reject"] button[type=submit]'));
    expect(res.status()).toBe(400);
    expect(await x.page.locator(".error-summary li").count()).toBe(2);
  };
  /** Hides the first photo shown on a moderation page, with a reason, and comes back to the page. */
  const hideFirstPhoto = async (x: XasoPage) => {
    const form = x.page.locator('main form[action$="/hide"][action*="/photos/"]').first();
    await form.locator("textarea[name=reason]").fill("Có khuôn mặt trẻ em");
    const res = await x.navigateBy(form.locator("button[type=submit]"));
    expect(res.status()).toBe(200);
    expect(await x.page.locator("main").innerText()).toContain("Đã ẩn. Lý do: Có khuôn mặt trẻ em");
  };

  const submitEmpty = (action: string) => async (x: XasoPage) => {
    const form = x.page.locator(`main form[action="${action}"]`);
    for (const input of await form.locator("input[type=text], input[type=password], input[type=tel]").all()) await input.fill("");
    const res = await x.navigateBy(form.locator("button[type=submit]"));
    expect(res.status()).toBe(400);
    expect(await x.page.locator(".error-summary li").count()).toBeGreaterThan(0);
  };

  /**
   * The citizen's application form sent back with its fields emptied (the commune too, or not): the page
   * comes back with its errors. With no commune, the use case stops at the commune and reports that alone.
   */
  const submitApplicationEmpty = (opts: { keepCommune: boolean }) => async (x: XasoPage) => {
    const form = x.page.locator('main form[action="/dossiers/new"][method="post"]');
    for (const input of await form.locator("input[type=text], input[type=tel], input[type=email], input[type=date], textarea").all()) await input.fill("");
    if (!opts.keepCommune) await form.locator("select[name=communeCode]").selectOption("");
    const res = await x.navigateBy(form.getByRole("button", { name: "Nộp hồ sơ", exact: true }));
    expect(res.status()).toBe(400);
    const errors = await x.page.locator(".error-summary li").allInnerTexts();
    expect(errors.length).toBeGreaterThan(1);
    // An empty commune is "required", listed with the other fields to fix, not alone.
    if (!opts.keepCommune) expect(errors.some((e) => /xã, phường nhận hồ sơ/i.test(e) && /bắt buộc/.test(e))).toBe(true);
  };

  /** Looks a dossier up on the public status page, as its applicant would: code and the last four digits of the phone. */
  const lookUp = (last4: string, status: number) => async (x: XasoPage) => {
    const form = x.page.locator('main form[action="/status"]');
    await form.getByLabel("Mã hồ sơ").fill(found.waitingCode);
    await form.getByLabel("4 số cuối").fill(last4);
    expect((await x.navigateBy(form.locator("button[type=submit]"))).status()).toBe(status);
  };

  const cases: Case[] = [
    { name: "home", who: "visitor", path: () => "/" },
    { name: "home in English", who: "visitor", path: () => "/", then: (x) => x.chooseLanguage("en").then(() => x.chooseLanguage("vi")) },
    { name: "sign-in", who: "visitor", path: () => "/sign-in" },
    { name: "report form, the place", who: "visitor", path: () => `/reports/${DEMO_COMMUNE}/new` },
    { name: "report form, in full", who: "visitor", path: () => `/reports/${DEMO_COMMUNE}/new?step=full&categoryCode=a11y_drain` },
    {
      name: "report form with errors",
      who: "visitor",
      path: () => `/reports/${DEMO_COMMUNE}/new?step=full&categoryCode=a11y_drain`,
      then: submitEmpty(`/reports/${DEMO_COMMUNE}/new`),
    },
    { name: "report look-up", who: "visitor", path: () => "/reports/follow" },
    { name: "a report's private page", who: "visitor", path: () => found.reportFollow },
    { name: "a report just sent", who: "visitor", path: () => `${found.reportFollow}?sent=1` },
    { name: "my reports", who: "citizen", path: () => "/me/reports" },
    { name: "a report recorded for a resident", who: "volunteer", path: () => "/office/reports/new" },
    { name: "sign-in with errors", who: "visitor", path: () => "/sign-in", then: submitEmpty("/sign-in") },
    { name: "units", who: "visitor", path: () => "/units" },
    { name: "search results", who: "visitor", path: () => "/units?q=gia+phu" },
    {
      name: "search with an error",
      who: "visitor",
      path: () => "/units?q=g",
      then: async (x) => expect(await x.page.locator(".error-summary").count()).toBe(1),
    },
    { name: "province", who: "visitor", path: () => `/units/${DEMO_PROVINCE}` },
    { name: "commune", who: "visitor", path: () => `/units/${DEMO_COMMUNE}` },
    { name: "village", who: "visitor", path: () => found.village },
    { name: "commune with the village form", who: "officer", path: () => `/units/${DEMO_COMMUNE}` },
    { name: "commune with village form errors", who: "officer", path: () => `/units/${DEMO_COMMUNE}`, then: submitEmpty(`/units/${DEMO_COMMUNE}/villages`) },
    { name: "village with the rename form", who: "officer", path: () => found.village },
    { name: "office", who: "officer", path: () => "/office" },
    { name: "office users", who: "officer", path: () => "/office/users" },
    { name: "registry imports", who: "officer", path: () => "/office/registry/imports" },
    { name: "registry imports with errors", who: "officer", path: () => "/office/registry/imports", then: submitEmpty("/office/registry/imports") },
    {
      name: "registry import preview with problems",
      who: "officer",
      path: () => "/office/registry/imports",
      then: uploadRegistry((v) => [`A,${v},Số 1,Con,Lã Văn Đôi,31/02/2001,,Nam`, "B,Thôn Không Có,Số 2,Chủ hộ,X,,1975"]),
    },
    {
      name: "registry import preview with a duplicate to decide",
      who: "officer",
      path: () => "/office/registry/imports",
      then: uploadRegistry((v) => [`A,${v},Số 1,Chủ hộ,Lã Văn Đôi,,1975,Nam`, `B,${v},Số 2,Chủ hộ,La Van Doi,,1975,Nam`]),
    },
    { name: "a user", who: "officer", path: () => found.user },
    { name: "new user", who: "officer", path: () => "/office/users/new" },
    { name: "new user with errors", who: "officer", path: () => "/office/users/new", then: submitEmpty("/office/users") },
    { name: "API tokens", who: "officer", path: () => "/office/tokens" },
    { name: "Open311 clients with errors", who: "officer", path: () => "/office/open311-clients", then: submitEmpty("/office/open311-clients") },
    // Citizen reports: the desk, its printable list, categories and figures (the demo's reports).
    { name: "report desk", who: "officer", path: () => "/office/reports" },
    { name: "report desk, assigned to me", who: "specialist", path: () => "/office/reports?tab=mine" },
    { name: "report desk, filtered with no result", who: "officer", path: () => "/office/reports?q=khong+co+gi+ca&tab=overdue" },
    { name: "report list to print", who: "officer", path: () => "/office/reports/print" },
    { name: "report categories of the commune", who: "officer", path: () => "/office/reports/categories" },
    { name: "report categories of the province", who: "province", path: () => "/office/reports/categories" },
    { name: "report category form", who: "officer", path: () => `/office/reports/categories/edit?unit=${DEMO_COMMUNE}&code=road` },
    {
      name: "report category form with errors",
      who: "officer",
      path: () => `/office/reports/categories/edit?unit=${DEMO_COMMUNE}&code=road`,
      then: submitEmpty(`/office/reports/categories/edit?unit=${DEMO_COMMUNE}&code=road`),
    },
    {
      name: "report categories of the province with the area refused",
      who: "province",
      path: () => "/office/reports/categories",
      then: async (x: XasoPage) => {
        const form = x.page.locator("main form:has(input[name=minLat])");
        for (const input of await form.locator("input[type=text]").all()) await input.fill("");
        const res = await x.navigateBy(form.locator("button[type=submit]"));
        expect(res.status()).toBe(400);
        expect(await x.page.locator(".error-summary li").count()).toBe(4);
      },
    },
    { name: "report figures of the commune", who: "leader", path: () => "/office/reports/figures" },
    { name: "report figures of the province", who: "province", path: () => "/office/reports/figures" },
    { name: "public report figures", who: "visitor", path: () => `/reports/${DEMO_COMMUNE}/figures` },
    { name: "audit log", who: "officer", path: () => "/office/audit" },
    // Public services, citizen side.
    { name: "procedures", who: "visitor", path: () => "/procedures" },
    { name: "procedures searched", who: "visitor", path: () => "/procedures?q=khai+sinh" },
    { name: "a procedure", who: "visitor", path: () => "/procedures/1.004873" },
    { name: "application form", who: "citizen", path: () => "/dossiers/new?procedure=1.004873" },
    {
      name: "application form sent empty",
      who: "citizen",
      path: () => "/dossiers/new?procedure=1.004873",
      then: submitApplicationEmpty({ keepCommune: false }),
    },
    {
      name: "application form with errors",
      who: "citizen",
      path: () => "/dossiers/new?procedure=1.004873",
      then: submitApplicationEmpty({ keepCommune: true }),
    },
    { name: "my dossiers", who: "citizen", path: () => "/me/dossiers" },
    {
      name: "my dossier with a supplement request",
      who: "citizen",
      path: () => found.myWaitingDossier,
      then: async (x) => expect(await x.page.locator("main h2#supplement").count()).toBe(1),
    },
    { name: "status form", who: "visitor", path: () => "/status" },
    { name: "status with errors", who: "visitor", path: () => "/status", then: submitEmpty("/status") },
    { name: "status not found", who: "visitor", path: () => "/status", then: lookUp("0000", 404) },
    { name: "status result", who: "visitor", path: () => "/status", then: lookUp("5678", 200) },
    { name: "phone sign-in", who: "visitor", path: () => "/sign-in/phone" },
    { name: "phone sign-in with errors", who: "visitor", path: () => "/sign-in/phone", then: submitEmpty("/sign-in/phone") },
    { name: "profile", who: "citizen", path: () => "/me/profile" },
    { name: "profile phone verification", who: "citizen", path: () => "/me/profile/phone" },
    { name: "profile phone verification with errors", who: "citizen", path: () => "/me/profile/phone", then: submitEmpty("/me/profile/phone") },
    { name: "vault", who: "citizen", path: () => "/me/vault" },
    { name: "my household, asked whether a resident is me", who: "citizen", path: () => "/me/household" },
    { name: "figures", who: "visitor", path: () => "/figures" },
    { name: "citizen reports: choose a commune", who: "visitor", path: () => "/reports" },
    { name: "citizen reports: a commune's public list", who: "visitor", path: () => `/reports/${DEMO_COMMUNE}` },
    { name: "citizen reports: the list filtered", who: "visitor", path: () => `/reports/${DEMO_COMMUNE}?status=answered` },
    { name: "citizen reports: bad filters", who: "visitor", path: () => `/reports/${DEMO_COMMUNE}?month=2026-13`, status: 400 },
    { name: "citizen reports: one report in public", who: "visitor", path: () => found.publicReport },
    // Public services, office side.
    ...["newOnline", "awaitingSupplement", "inProgress", "dueSoon", "overdue", "readyToReturn"].map(
      (q): Case => ({ name: `desk queue ${q}`, who: "desk", path: () => `/office/desk?commune=${DEMO_COMMUNE}&queue=${q}` }),
    ),
    { name: "worklist assigned to me", who: "specialist", path: () => `/office/desk?commune=${DEMO_COMMUNE}` },
    { name: "worklist waiting for my approval", who: "leader", path: () => `/office/desk?commune=${DEMO_COMMUNE}` },
    { name: "queue print view", who: "desk", path: () => `/office/desk?commune=${DEMO_COMMUNE}&queue=inProgress&view=print` },
    {
      name: "office dossier awaiting approval, the proposal on top",
      who: "leader",
      path: () => found.awaitingApproval,
      then: async (x) => expect(await x.page.locator("main h2#proposal").count()).toBe(1),
    },
    { name: "dossier search", who: "desk", path: () => "/office/search" },
    { name: "dossier search results", who: "desk", path: () => "/office/search?q=do+van+nam" },
    { name: "dossier search with an error", who: "desk", path: () => "/office/search?q=a", status: 400 },
    { name: "office home of a specialist", who: "specialist", path: () => "/office" },
    { name: "help", who: "visitor", path: () => "/help" },
    { name: "help for the desk officer", who: "desk", path: () => "/help/desk" },
    { name: "office dossier, new online", who: "desk", path: () => found.deskNew },
    {
      name: "office dossier with action errors",
      who: "desk",
      path: () => found.deskNew,
      then: async (x) => {
        const form = x.page.locator('main form[action$="/actions/requestSupplement"]');
        expect((await x.navigateBy(form.locator("button[type=submit]"))).status()).toBe(400);
        expect(await x.page.locator(".error-summary li").count()).toBe(1);
      },
    },
    { name: "office dossier awaiting a supplement", who: "desk", path: () => found.deskWaiting },
    { name: "office dossier ready to return", who: "desk", path: () => found.deskReady },
    { name: "intake: choose a procedure", who: "desk", path: () => `/office/desk/intake?commune=${DEMO_COMMUNE}` },
    { name: "intake form", who: "desk", path: () => `/office/desk/intake?commune=${DEMO_COMMUNE}&procedure=1.004873` },
    {
      name: "intake form with errors",
      who: "desk",
      path: () => `/office/desk/intake?commune=${DEMO_COMMUNE}&procedure=1.004873`,
      then: async (x) => {
        const res = await x.navigateBy(x.page.locator('main form[action="/office/desk/intake"] button[type=submit]'));
        expect(res.status()).toBe(400);
        expect(await x.page.locator(".error-summary li").count()).toBeGreaterThan(0);
      },
    },
    { name: "ID card check", who: "desk", path: () => "/office/id-card-check" },
    // Enter once and assisted filing from the registry.
    { name: "resident account link", who: "desk", path: () => `/office/registry/residents/${found.linkedResident}/link` },
    { name: "assisted filing: choose a procedure", who: "desk", path: () => `/office/registry/residents/${found.linkedResident}/assist` },
    { name: "assisted form pre-filled from the registry", who: "desk", path: () => `/dossiers/new?procedure=1.004873&resident=${found.linkedResident}` },
    { name: "ID card check with errors", who: "desk", path: () => "/office/id-card-check", then: submitEmpty("/office/id-card-check") },
    { name: "office stats", who: "desk", path: () => "/office/stats" },
    // The household registry.
    { name: "registry search", who: "desk", path: () => "/office/registry" },
    { name: "registry search results", who: "desk", path: () => "/office/registry?q=lo+van+hanh" },
    { name: "registry search with an error", who: "desk", path: () => "/office/registry?q=a", status: 400 },
    { name: "new household", who: "desk", path: () => "/office/registry/households/new" },
    { name: "new household with errors", who: "desk", path: () => "/office/registry/households/new", then: submitEmpty("/office/registry/households/new") },
    { name: "a household", who: "desk", path: () => found.household },
    { name: "a resident", who: "desk", path: () => found.resident },
    { name: "a resident with edit errors", who: "desk", path: () => found.resident, then: (x) => submitEmpty(found.resident)(x) },
    { name: "coverage", who: "officer", path: () => `/office/coverage?unit=${DEMO_COMMUNE}` },
    { name: "coverage with errors", who: "officer", path: () => `/office/coverage?unit=${DEMO_COMMUNE}&staleDays=0`, status: 400 },
    { name: "coverage gap list", who: "officer", path: () => `/office/coverage/gaps?unit=${DEMO_COMMUNE}` },
    { name: "coverage gap list, printable", who: "officer", path: () => `/office/coverage/gaps/print?unit=${DEMO_COMMUNE}` },
    { name: "skills checklist", who: "province", path: () => "/office/skills" },
    { name: "office procedures", who: "province", path: () => "/office/procedures" },
    { name: "calendar", who: "province", path: () => "/office/calendar" },
    { name: "commune settings", who: "officer", path: () => `/office/communes/${DEMO_COMMUNE}/settings` },
    // Community digital teams and assignments.
    { name: "teams", who: "officer", path: () => "/office/teams" },
    { name: "teams with errors", who: "officer", path: () => "/office/teams", then: submitEmpty("/office/teams") },
    { name: "a team", who: "officer", path: () => found.team },
    { name: "a team's households", who: "officer", path: () => `${found.team}/households` },
    { name: "my households", who: "volunteer", path: () => "/office/my-households" },
    // Outreach: campaigns, trainings, recognition (a campaign and a training are created through their forms).
    { name: "campaigns", who: "officer", path: () => "/office/campaigns" },
    { name: "new campaign", who: "officer", path: () => "/office/campaigns/new" },
    { name: "new campaign with errors", who: "officer", path: () => "/office/campaigns/new", then: submitEmpty("/office/campaigns/new") },
    { name: "a campaign's progress", who: "officer", path: () => "/office/campaigns/new", then: createThrough("/office/campaigns/new", CAMPAIGN_FORM) },
    { name: "trainings", who: "officer", path: () => "/office/trainings" },
    { name: "new training", who: "officer", path: () => "/office/trainings/new" },
    { name: "new training with errors", who: "officer", path: () => "/office/trainings/new", then: submitEmpty("/office/trainings/new") },
    { name: "a training", who: "officer", path: () => "/office/trainings/new", then: createThrough("/office/trainings/new", TRAINING_FORM) },
    { name: "recognition", who: "officer", path: () => "/office/recognition" },
    { name: "recognition print list", who: "officer", path: () => "/office/recognition/print" },
    { name: "field sync conflicts", who: "officer", path: () => "/office/field/conflicts" },
    { name: "household visits", who: "officer", path: () => "/office/visits" },
    // Citizen reports: one report in the office, its step forms unfolded, and a step sent back with its errors.
    { name: "office report", who: "desk", path: () => found.report, then: unfoldSteps },
    { name: "office report with errors", who: "desk", path: () => found.report, then: rejectEmpty },
    { name: "office report, forwarded", who: "specialist", path: () => found.forwardedReport, then: unfoldSteps },
    // Reports: moderation of a report and its photos (the panel the office report page includes).
    { name: "report moderation", who: "officer", path: () => `/office/reports/${found.moderatedReport}/moderation` },
    {
      name: "report moderation with errors",
      who: "officer",
      path: () => `/office/reports/${found.moderatedReport}/moderation`,
      // found.moderatedReport is known only once beforeAll has run.
      then: (x: XasoPage) => submitEmpty(`/office/reports/${found.moderatedReport}/moderation/hide`)(x),
    },
    { name: "report moderation, a photo hidden", who: "officer", path: () => `/office/reports/${found.moderatedReport}/moderation`, then: hideFirstPhoto },
    { name: "API docs", who: "visitor", path: () => "/api/docs" },
    { name: "privacy", who: "visitor", path: () => "/privacy" },
    { name: "404 page", who: "visitor", path: () => "/no-such-page", status: 404 },
    // notices/public
    { name: "notices: choose a commune", who: "visitor", path: () => "/notices" },
    { name: "notices of a commune", who: "visitor", path: () => `/notices/${DEMO_COMMUNE}` },
    { name: "notices with a bad filter", who: "visitor", path: () => `/notices/${DEMO_COMMUNE}?category=x`, status: 400 },
    { name: "an emergency notice", who: "visitor", path: () => `/notices/n/${found.emergencyNotice}` },
    { name: "a withdrawn notice", who: "visitor", path: () => `/notices/n/${found.withdrawnNotice}` },
    { name: "a notice, signed in", who: "citizen", path: () => `/notices/n/${found.emergencyNotice}` },
    // hall/screen: the big screen at the commune hall (live, and as without JavaScript it looks the same) and the figures.
    { name: "hall big screen", who: "visitor", path: () => `/hall/${DEMO_COMMUNE}/screen` },
    { name: "hall figures", who: "officer", path: () => "/office/hall/figures" },
    // indicators/sets: the sets, one set with its formulas in words and versions, and its targets (read-only to a commune).
    { name: "indicator sets", who: "officer", path: () => "/office/indicators/sets" },
    { name: "an indicator set", who: "officer", path: () => "/office/indicators/sets/digital-commune-criteria" },
    { name: "an indicator set's targets", who: "officer", path: () => "/office/indicators/sets/digital-society/targets" },
    // indicators/elements: the computed data elements and the refresh runs.
    { name: "indicator elements", who: "officer", path: () => "/office/indicators/elements" },
    // indicators/dashboards: a province's and a commune's dashboards, one indicator, the records behind a number, a bad
    // period, and the public page.
    { name: "indicators of the province", who: "province", path: () => `/office/indicators/u/${DEMO_PROVINCE}` },
    { name: "indicators of a commune", who: "officer", path: () => `/office/indicators/u/${DEMO_COMMUNE}` },
    { name: "one indicator", who: "officer", path: () => `/office/indicators/u/${DEMO_COMMUNE}/service-index-766/progress_on_time` },
    { name: "records behind a number", who: "officer", path: () => `/office/indicators/u/${DEMO_COMMUNE}/records/household_proficient` },
    { name: "indicators with a bad period", who: "officer", path: () => `/office/indicators/u/${DEMO_COMMUNE}?period=2099-01`, status: 400 },
    { name: "public indicators: choose a unit", who: "visitor", path: () => "/indicators" },
    { name: "public indicators of a commune", who: "visitor", path: () => `/indicators/${DEMO_COMMUNE}` },
    // indicators/exports: downloads and the monthly reports, and the monthly report's form sent empty.
    { name: "indicator reports", who: "officer", path: () => "/office/indicators/reports" },
    { name: "indicator reports with form errors", who: "officer", path: () => "/office/indicators/reports", then: submitEmpty("/office/indicators/reports") },
    { name: "indicator download links", who: "officer", path: () => `/office/indicators/reports?unit=${DEMO_COMMUNE}&period=2026-01&by=self` },
    // notices+hall journey: the resident's choices, a village's notices, the kiosk, its printed ticket, online booking,
    // and a ticket's own page in the queue and once served.
    { name: "my notice choices", who: "citizen", path: () => "/me/notices" },
    { name: "a village's notices", who: "visitor", path: () => `/notices/${DEMO_COMMUNE}/village/${DEMO_COMMUNE}.001` },
    { name: "hall kiosk", who: "visitor", path: () => `/hall/${DEMO_COMMUNE}/kiosk` },
    { name: "hall kiosk's ticket", who: "visitor", path: () => `/hall/${DEMO_COMMUNE}/kiosk/t/${found.kioskTicket}` },
    { name: "hall online booking", who: "visitor", path: () => `/hall/${DEMO_COMMUNE}/book` },
    { name: "a ticket's page, in the queue", who: "visitor", path: () => `/hall/t/${found.kioskTicket}` },
    { name: "a served ticket's page", who: "visitor", path: () => `/hall/t/${found.doneTicket}` },
  ];

  it("the harness itself catches a known violation", async () => {
    const x = pages.visitor;
    await x.open("/privacy");
    await x.page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      document.querySelector("main")!.append(img);
    });
    const violations = await x.axe();
    expect(violations.map((v) => v.id)).toContain("image-alt");
  });

  it.each(cases)("$name ($who) has no axe violations", async (c) => {
    const x = pages[c.who];
    const path = c.path();
    expect(path).toMatch(/^\//);
    await x.open(path, c.status ?? 200);
    if (c.then) await c.then(x);
    // Every link of an error summary leads to a control on the page.
    const targets = await x.page.locator(".error-summary a[href^='#']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.slice(1)));
    const missing = await x.page.evaluate((ids) => ids.filter((id) => !document.getElementById(id)), targets);
    expect(missing, "error summary links without a target").toEqual([]);
    const violations = await x.axe();
    const report = formatViolations(`${c.name} ${x.path}`, violations);
    if (violations.length) console.error(report);
    expect(violations, report).toEqual([]);
  });
});
