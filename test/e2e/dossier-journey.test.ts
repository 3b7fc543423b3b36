// One dossier from the citizen's phone to the result, as issue #3 asks: a citizen on a 360-px phone with
// JavaScript off applies online with real uploads and gets a code; the desk receives it and asks for a
// supplement; the citizen answers with a file; the leader assigns, the specialist proposes, the leader
// approves; the desk hands the result over. After every step the public status page (anonymous, 360 px,
// no JavaScript) shows it. A replayed application post (same idempotency key) lands on the same dossier.
import { beforeAll, expect, it } from "vitest";
import { DEMO_COMMUNE } from "../../src/demo/seed-demo.ts";
import { aPdf } from "../support/procedure-factories.ts";
import { documentSlots } from "../../src/modules/dossiers/dossier-form.tsx";
import { getProcedure } from "../../src/modules/procedures/index.ts";
import { describeBrowser, NARROW_VIEWPORT } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";
import type { Locator } from "playwright-core";
import type { XasoPage } from "./support/xaso-page.ts";

const PROCEDURE = "1.004873"; // Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days, fully online
const PROCEDURE_NAME = "Cấp Giấy xác nhận tình trạng hôn nhân";
const PHONE_NO_JS = { javaScriptEnabled: false, viewport: NARROW_VIEWPORT, isMobile: true, hasTouch: true } as const;
const SUPPLEMENT_ITEM = "Bản sao Giấy chứng nhận ly hôn";

/** A small real PDF for a file input. */
const pdf = (name: string, title: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(aPdf(title)) });

describeBrowser("a dossier's whole journey, the citizen on a phone without JavaScript", () => {
  const e2e = useE2e({ publicServices: true });
  let citizen: XasoPage;
  let visitor: XasoPage;
  let desk: XasoPage;
  let specialist: XasoPage;
  let leader: XasoPage;
  let dossierId = "";
  let code = "";

  beforeAll(async () => {
    citizen = await e2e().openPage(PHONE_NO_JS);
    visitor = await e2e().openPage(PHONE_NO_JS);
    [desk, specialist, leader] = await Promise.all([e2e().openPage(), e2e().openPage(), e2e().openPage()]);
    // A missing control fails fast with Playwright's message rather than with the test's time-out.
    for (const x of [citizen, visitor, desk, specialist, leader]) x.page.setDefaultTimeout(5_000);
    await Promise.all([desk.signIn("motcua.giaphu"), specialist.signIn("chuyenvien.giaphu"), leader.signIn("lanhdao.giaphu")]);
  });

  const fits360 = async (x: XasoPage) => {
    const { scrollWidth, viewport } = await x.horizontalOverflow();
    const wide = scrollWidth > 360 || viewport !== 360 ? await x.overflowingElements(360) : [];
    expect({ scrollWidth, viewport, wide }, `${x.path} scrolls sideways at 360 px`).toEqual({ scrollWidth: 360, viewport: 360, wide: [] });
  };

  /** The public status look-up, anonymous, by the code and the last four digits of the phone: state and steps in order. */
  const publicStatus = async () => {
    await visitor.open(`/status?code=${encodeURIComponent(code)}`);
    const form = visitor.page.locator('main form[action="/status"]');
    expect(await form.getByLabel("Mã hồ sơ").inputValue()).toBe(code);
    await form.getByLabel("4 số cuối").fill("5678");
    const res = await visitor.navigateBy(form.getByRole("button", { name: "Tra cứu" }));
    expect(res.status()).toBe(200);
    expect(await visitor.page.locator("main h2").first().innerText()).toBe(`Hồ sơ ${code}`);
    await fits360(visitor);
    const rows = visitor.page.locator("main dl.summary > div");
    const state = (
      await rows
        .filter({ has: visitor.page.locator("dt", { hasText: /^Trạng thái$/ }) })
        .locator("dd")
        .innerText()
    ).trim();
    const steps = (await visitor.page.locator("main ol li").allInnerTexts()).map((s) => s.split(" – ")[0]!.trim());
    return { state, steps };
  };

  /** An officer's action: the action's own form on the dossier page, its fields filled by `fill`, then its button. */
  const officeAction = async (x: XasoPage, action: string, button: string, fill: (form: Locator) => Promise<unknown> = async () => undefined) => {
    await x.open(`/office/dossiers/${dossierId}`);
    const form = x.page.locator(`main form[action="/office/dossiers/${dossierId}/actions/${action}"]`);
    await fill(form);
    const res = await x.navigateBy(form.getByRole("button", { name: button, exact: true }));
    expect(res.status(), `${action} answers the dossier page`).toBe(200);
    expect(x.path).toBe(`/office/dossiers/${dossierId}`);
    return x.flash();
  };

  it("the citizen signs in, finds the procedure and applies with every required field and document, and gets a code", async () => {
    await citizen.signIn("congdan.phuha");
    await citizen.open("/procedures");
    await fits360(citizen);
    await citizen.followLink(PROCEDURE_NAME, citizen.page.locator("main"));
    expect(citizen.path).toBe(`/procedures/${PROCEDURE}`);
    await fits360(citizen);
    await citizen.followLink("Nộp hồ sơ trực tuyến", citizen.page.locator("main"));
    expect(citizen.path).toBe(`/dossiers/new?procedure=${PROCEDURE}`);
    expect(await citizen.h1()).toContain(PROCEDURE_NAME);
    await fits360(citizen);

    const form = citizen.page.locator('main form[action="/dossiers/new"][method="post"]');
    // The citizen’s commune and their details come from the grant and the profile; every required field is set anyway.
    await form.getByLabel("Xã, phường nhận hồ sơ").selectOption(DEMO_COMMUNE);
    await form.getByLabel("Họ, chữ đệm và tên", { exact: true }).fill("Đỗ Văn Nam");
    // Dates are typed as dd/mm/yyyy; a phone or the ID number is needed, so neither says "optional".
    await form.getByLabel(/^Ngày sinh/).fill("12/05/1990");
    await form.getByLabel("Số định danh cá nhân", { exact: true }).fill("010090001234");
    await form.getByLabel(/^Nơi cư trú/).fill("Thôn Phú Hà, xã Gia Phú, tỉnh Lào Cai");
    await form.getByLabel("Số điện thoại di động", { exact: true }).fill("0912345678");
    // The procedure's own questions; those that repeat the applicant's details are not asked again.
    await form.getByRole("radio", { name: "Chưa đăng ký kết hôn với ai" }).check();
    await form.getByLabel("Mục đích sử dụng giấy xác nhận").fill("Để đăng ký kết hôn");
    const def = (await getProcedure(e2e().app.deps, PROCEDURE)).definition;
    const required = documentSlots(def).filter((d) => d.required);
    expect(required.map((d) => d.key)).toEqual(["declaration", "identityDocument"]);
    for (const d of required) await form.locator(`input[type=file][name="doc.${d.key}"]`).setInputFiles(pdf(`${d.key}.pdf`, d.name));
    await form.getByRole("radio", { name: "Nhận tại Bộ phận một cửa" }).check();

    // What the browser is about to post (its text fields, hidden CSRF token and idempotency key included), kept to replay it below.
    // (No callbacks in the page: with JavaScript off, Chromium refuses to run them.)
    const posted = await form.evaluate((f) => {
      const out: Record<string, string> = {};
      const data = new FormData(f as HTMLFormElement) as unknown as { entries(): IterableIterator<[string, unknown]> };
      for (const [k, v] of data.entries()) if (typeof v === "string") out[k] = v;
      return out;
    });
    expect(posted.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(posted).toMatchObject({ communeCode: DEMO_COMMUNE, "applicant.phone": "0912345678", "form.maritalStatus": "single", "delivery.method": "desk" });

    const res = await citizen.navigateBy(form.getByRole("button", { name: "Nộp hồ sơ", exact: true }));
    expect(res.status()).toBe(200);
    const m = /^\/me\/dossiers\/([0-9a-f-]{36})\?submitted=1$/.exec(citizen.path);
    expect(m, `landed on ${citizen.path}`).not.toBeNull();
    dossierId = m![1]!;
    const notice = citizen.page.locator("main .notice--success");
    expect(await notice.locator("h2").innerText()).toBe("Đã nộp hồ sơ");
    code = (await notice.locator("strong").innerText()).trim();
    expect(code).toMatch(/^000\.29\.23\.H39-\d{6}-\d{4}$/);
    expect(await notice.innerText()).toContain("091****678");
    expect(await citizen.h1()).toContain(code);
    await fits360(citizen);

    // The same post again (a double tap, or a retry after a dropped connection): the same dossier, no second one.
    const again = await citizen.page.request.post(new URL("/dossiers/new", e2e().baseUrl).toString(), {
      maxRedirects: 0,
      multipart: { ...posted, intent: "submit", ...Object.fromEntries(required.map((d) => [`doc.${d.key}`, pdf(`${d.key}.pdf`, d.name)])) },
    });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toBe(`/me/dossiers/${dossierId}?submitted=1`);
    const same = await e2e().app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM dossiers WHERE idempotency_key = $1", [posted.idempotencyKey]);
    expect(same.rows[0]!.n).toBe(1);

    await citizen.open("/me/dossiers");
    await fits360(citizen);
    expect((await citizen.linkNames("main table tbody")).filter((n) => n === code)).toHaveLength(1);

    const status = await publicStatus();
    expect(status.state).toBe("Mới nộp, chờ tiếp nhận (mã trạng thái 1)");
    expect(status.steps).toEqual(["Nộp hồ sơ trực tuyến"]);
  });

  it("the desk finds it among the new online dossiers, receives it and prints the receipt", async () => {
    await desk.open(`/office/desk?commune=${DEMO_COMMUNE}&queue=newOnline`);
    expect(await desk.page.locator("main h2#queue").innerText()).toBe("Hồ sơ trực tuyến mới");
    const row = desk.page.locator("main table tbody tr").filter({ hasText: code });
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain(PROCEDURE_NAME);
    await desk.followLink(code, row);
    expect(desk.path).toBe(`/office/dossiers/${dossierId}`);
    // The uploads arrived, as the documents of the first round.
    const docs = await desk.page.locator("main table").filter({ hasText: "declaration.pdf" }).locator("tbody a").allInnerTexts();
    expect(docs).toEqual(expect.arrayContaining(["declaration.pdf", "identityDocument.pdf"]));

    expect(await officeAction(desk, "receive", "Tiếp nhận hồ sơ")).toBe("Đã tiếp nhận hồ sơ.");
    const receipt = desk.page.getByRole("link", { name: "In giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)" }).first();
    const href = await receipt.getAttribute("href");
    expect(href).toBe(`/office/dossiers/${dossierId}/receipt.pdf`);
    const pdfRes = await desk.page.request.get(new URL(href!, e2e().baseUrl).toString());
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()["content-type"]).toBe("application/pdf");
    expect((await pdfRes.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const status = await publicStatus();
    expect(status.state).toBe("Đã tiếp nhận (mã trạng thái 2)");
    expect(status.steps).toEqual(["Nộp hồ sơ trực tuyến", "Tiếp nhận hồ sơ"]);
  });

  it("the desk finds it by the applicant's name typed without diacritics, and by its code", async () => {
    await desk.open(`/office/search?commune=${DEMO_COMMUNE}`);
    const search = async (q: string) => {
      const form = desk.page.locator('main form[action="/office/search"]');
      await form.getByLabel("Mã hồ sơ, họ tên, số điện thoại hoặc số định danh").fill(q);
      expect((await desk.navigateBy(form.getByRole("button", { name: "Tìm", exact: true }))).status()).toBe(200);
      return desk.page.locator("main table tbody tr");
    };
    const byName = await search("do van nam");
    expect(await byName.filter({ hasText: code }).count()).toBe(1);
    expect(await byName.filter({ hasText: code }).innerText()).toContain("Đỗ Văn Nam");
    const byCode = await search(code);
    expect(await byCode.count()).toBe(1);
    await desk.followLink(code, byCode);
    expect(desk.path).toBe(`/office/dossiers/${dossierId}`);
  });

  it("the desk asks for a supplement listing one item", async () => {
    const flash = await officeAction(desk, "requestSupplement", "Yêu cầu bổ sung hồ sơ", async (form) => {
      await form.getByLabel("Giấy tờ, nội dung cần bổ sung (1)", { exact: true }).fill(SUPPLEMENT_ITEM);
      await form.getByLabel("Lý do cần bổ sung (1)", { exact: true }).fill("Tờ khai ghi đã ly hôn");
      await form.getByLabel("Ghi chú").fill("Nộp trực tuyến hoặc tại quầy");
    });
    expect(flash).toBe("Đã gửi yêu cầu bổ sung hồ sơ.");
    expect(await desk.page.locator("main").innerText()).toContain("Chờ bổ sung hồ sơ");

    const status = await publicStatus();
    expect(status.state).toBe("Chờ bổ sung hồ sơ (mã trạng thái 5)");
    expect(status.steps.at(-1)).toBe("Yêu cầu bổ sung hồ sơ");
  });

  it("the citizen sees the request on their dossier and answers it with a file, without JavaScript", async () => {
    await citizen.open("/me/dossiers");
    await citizen.followLink(code, citizen.page.locator("main table"));
    expect(citizen.path).toBe(`/me/dossiers/${dossierId}`);
    await fits360(citizen);
    expect(await citizen.page.locator("main h2#supplement").innerText()).toBe("Cần bổ sung hồ sơ");
    const section = citizen.page.locator(`main form[action="/me/dossiers/${dossierId}/supplement"]`);
    const items = await citizen.page.locator("main h2#supplement ~ ul").first().locator("li").allInnerTexts();
    // Each item with its reason (Mẫu 02 asks why).
    expect(items).toEqual([`${SUPPLEMENT_ITEM} – lý do: Tờ khai ghi đã ly hôn`]);
    expect(await citizen.page.locator("main").innerText()).toContain("Nộp trực tuyến hoặc tại quầy");

    await section.getByLabel(SUPPLEMENT_ITEM).setInputFiles(pdf("ly-hon.pdf", SUPPLEMENT_ITEM));
    await section.getByLabel("Ghi chú gửi cán bộ (không bắt buộc)").fill("Đã bổ sung bản sao");
    const res = await citizen.navigateBy(section.getByRole("button", { name: "Gửi bổ sung" }));
    expect(res.status()).toBe(200);
    expect(citizen.path).toBe(`/me/dossiers/${dossierId}`);
    expect(await citizen.flash()).toBe("Đã lưu.");
    expect(await citizen.page.locator("main h2#supplement").count()).toBe(0);
    expect(await citizen.page.locator("main").innerText()).toContain(`${SUPPLEMENT_ITEM}: ly-hon.pdf`);
    await fits360(citizen);

    const status = await publicStatus();
    expect(status.steps.at(-1)).toBe("Bổ sung hồ sơ");
  });

  it("the leader assigns it to the specialist, who proposes; the leader approves with the electronic result", async () => {
    expect(await officeAction(leader, "assign", "Chuyển xử lý", (form) => form.getByLabel("Chuyên viên xử lý").selectOption({ label: "Hoàng Thị Lan" }))).toBe(
      "Đã chuyển hồ sơ cho chuyên viên.",
    );
    expect(await leader.page.locator("main section#processing dl.summary").first().innerText()).toContain("Hoàng Thị Lan");

    // The specialist's desk opens on their own worklist: this dossier is there, the overdue ones above the others.
    await specialist.open(`/office/desk?commune=${DEMO_COMMUNE}`);
    expect(await specialist.page.locator("main h2#queue").innerText()).toBe("Giao cho tôi");
    const rows = await specialist.page.locator("main table tbody tr").allInnerTexts();
    const mine = rows.find((r) => r.includes(code));
    expect(mine).toContain("Hoàng Thị Lan");
    expect(mine).toContain("Đang xử lý");
    const late = rows.map((r) => r.includes("Quá hạn"));
    expect(late.indexOf(false) === -1 || late.lastIndexOf(true) < late.indexOf(false), `overdue first: ${late}`).toBe(true);
    let status = await publicStatus();
    expect(status.state).toBe("Đang xử lý (mã trạng thái 4)");
    expect(status.steps.at(-1)).toBe("Chuyển xử lý");

    expect(await officeAction(specialist, "propose", "Trình lãnh đạo", (form) => form.getByLabel("Ghi chú").fill("Đủ điều kiện cấp"))).toBe(
      "Đã trình lãnh đạo.",
    );
    status = await publicStatus();
    expect(status.steps.at(-1)).toBe("Trình lãnh đạo");

    expect(
      await officeAction(leader, "approve", "Phê duyệt", (form) =>
        form.getByLabel("Bản quét kết quả").setInputFiles(pdf("ket-qua.pdf", "Giay xac nhan tinh trang hon nhan")),
      ),
    ).toBe("Đã phê duyệt kết quả.");
    status = await publicStatus();
    expect(status.state).toBe("Đã có kết quả, chờ trả (mã trạng thái 9)");
    expect(status.steps.at(-1)).toBe("Phê duyệt");
  });

  it("the desk returns the result at the desk, collected by the applicant, with a scan", async () => {
    await desk.open(`/office/desk?commune=${DEMO_COMMUNE}&queue=readyToReturn`);
    expect(await desk.linkNames("main table tbody")).toContain(code);
    // No result is handed over while the fee is unpaid: the desk takes it first.
    await desk.open(`/office/dossiers/${dossierId}`);
    expect(await desk.page.locator(`main form[action="/office/dossiers/${dossierId}/actions/returnResult"]`).count()).toBe(0);
    const pay = desk.page.locator(`main form[action="/office/dossiers/${dossierId}/payment/confirm"]`);
    await pay.getByLabel("Hình thức nộp").selectOption("cash");
    expect((await desk.navigateBy(pay.getByRole("button"))).status()).toBe(200);
    const flash = await officeAction(desk, "returnResult", "Trả kết quả", async (form) => {
      await form.getByRole("radio", { name: "Nhận tại Bộ phận một cửa" }).check();
      await form.getByLabel("Người nhận kết quả").fill("Đỗ Văn Nam");
      await form.getByLabel("Bản quét kết quả").setInputFiles(pdf("ket-qua-da-ky.pdf", "Ban quet ket qua"));
    });
    expect(flash).toBe("Đã trả kết quả.");
    expect(await desk.page.locator("main section#processing dl.summary").first().innerText()).toContain("Đã trả kết quả");
    expect(await desk.page.locator("main section#application dl.summary").first().innerText()).toContain("người nhận: Đỗ Văn Nam");
    // The tracking slip lists every step too.
    const slip = await desk.page.request.get(new URL(`/office/dossiers/${dossierId}/tracking-slip.pdf`, e2e().baseUrl).toString());
    expect(slip.headers()["content-type"]).toBe("application/pdf");
  });

  it("the citizen sees the result on their phone and downloads it", async () => {
    await citizen.open(`/me/dossiers/${dossierId}`);
    await fits360(citizen);
    expect(await citizen.page.locator("main dl.summary").first().innerText()).toContain("Đã trả kết quả (mã trạng thái 10)");
    const link = citizen.page.getByRole("link", { name: "Tải bản điện tử: Giấy xác nhận tình trạng hôn nhân" }).first();
    const file = await citizen.page.request.get(new URL((await link.getAttribute("href"))!, e2e().baseUrl).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    const steps = (await citizen.page.locator("main ol li strong").allInnerTexts()).map((s) => s.trim());
    expect(steps).toEqual([
      "Nộp hồ sơ trực tuyến",
      "Tiếp nhận hồ sơ",
      "Yêu cầu bổ sung hồ sơ",
      "Bổ sung hồ sơ",
      "Chuyển xử lý",
      "Trình lãnh đạo",
      "Phê duyệt",
      "Trả kết quả",
    ]);
  });

  it("the public status page shows every step, in order, to anyone with the code and four digits", async () => {
    const status = await publicStatus();
    expect(status.state).toBe("Đã trả kết quả (mã trạng thái 10)");
    expect(status.steps).toEqual([
      "Nộp hồ sơ trực tuyến",
      "Tiếp nhận hồ sơ",
      "Yêu cầu bổ sung hồ sơ",
      "Bổ sung hồ sơ",
      "Chuyển xử lý",
      "Trình lãnh đạo",
      "Phê duyệt",
      "Trả kết quả",
    ]);
    const main = await visitor.page.locator("main").innerText();
    // Who applied is masked; who acted and why is never shown.
    expect(main).toContain("Đ*** V*** Nam");
    expect(main).not.toContain("Đỗ Văn Nam");
    expect(main).not.toContain("Đủ điều kiện cấp");
    expect(main).not.toContain("Hoàng Thị Lan");

    // Wrong digits: the same calm "not found" as for a wrong code.
    await visitor.open("/status");
    const form = visitor.page.locator('main form[action="/status"]');
    await form.getByLabel("Mã hồ sơ").fill(code);
    await form.getByLabel("4 số cuối").fill("0000");
    expect((await visitor.navigateBy(form.getByRole("button", { name: "Tra cứu" }))).status()).toBe(404);
    expect(await visitor.page.locator(".error-summary a").getAttribute("href")).toBe("#f-code");
    await fits360(visitor);
  });
});
