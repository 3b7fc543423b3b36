// The main journeys in a real browser: sign in and out, browse the admin tree and add a village,
// search without diacritics, and switch language.
import { expect, it } from "vitest";
import { DEMO_COMMUNE, DEMO_PROVINCE } from "../../src/demo/seed-demo.ts";
import { describeBrowser } from "./support/browser.ts";
import { useE2e } from "./support/e2e-app.ts";

describeBrowser("browser journeys", () => {
  const e2e = useE2e();

  it("signs in as a commune officer, shows the office page, and signs out", async () => {
    const x = await e2e().openPage();
    const res = await x.signIn("xa.giaphu");
    expect(res.status()).toBe(200);
    expect(x.path).toBe("/office");
    expect(await x.h1()).toBe("Xin chào, Nguyễn Thị Hoa");
    expect(await x.flash()).toBe("Bạn đã đăng nhập.");
    const roles = x.page.locator("main table");
    expect(await roles.locator("caption").innerText()).toBe("Vai trò của bạn");
    expect(await roles.locator("tbody tr").allInnerTexts()).toEqual([expect.stringMatching(/^Quản trị xã\s+Xã Gia Phú$/)]);
    expect(await x.page.locator("main").getByRole("link", { name: "Người dùng" }).count()).toBe(1);

    await x.signOut();
    expect(x.path).toBe("/");
    expect(await x.flash()).toBe("Bạn đã đăng xuất.");
    expect(await x.page.locator("header").getByRole("link", { name: "Đăng nhập" }).count()).toBe(1);
    expect(await x.page.locator('header form[action="/sign-out"]').count()).toBe(0);

    // The session is really gone: the office sends us back to the sign-in page.
    await x.open("/office");
    expect(x.path).toBe("/sign-in?next=%2Foffice");
  });

  it("lands a citizen on their own dossiers after signing in, not in the officers' area", async () => {
    const x = await e2e().openPage();
    expect((await x.signIn("congdan.phuha")).status()).toBe(200);
    expect(x.path).toBe("/me/dossiers");
    expect(await x.page.locator("header").getByRole("link", { name: "Khu vực cán bộ" }).count()).toBe(0);
    await x.open("/office");
    expect(x.path).toBe("/me/dossiers");
  });

  it("keeps a wrong password on the sign-in page with the error summary", async () => {
    const x = await e2e().openPage();
    await x.open("/sign-in");
    const res = await x.submitSignIn("xa.giaphu", "not-the-password");
    expect(res.status()).toBe(401);
    expect(x.path).toBe("/sign-in");
    const summary = x.page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await summary.locator("h2").innerText()).toBe("Có lỗi cần sửa");
    expect(await x.page.locator("#f-username").inputValue()).toBe("xa.giaphu");
    expect(await x.page.locator("#f-password").inputValue()).toBe("");
  });

  it("browses the admin tree down to a commune's villages and adds a village through the form", async () => {
    const x = await e2e().openPage();
    await x.signIn("xa.giaphu");

    await x.open("/units");
    expect(await x.h1()).toBe("Đơn vị hành chính");
    await x.followLink("Tỉnh Lào Cai", x.page.locator("main table"));
    expect(x.path).toBe(`/units/${DEMO_PROVINCE}`);
    expect(await x.h1()).toBe("Tỉnh Lào Cai");

    await x.followLink("Xã Gia Phú", x.page.locator("main table"));
    expect(x.path).toBe(`/units/${DEMO_COMMUNE}`);
    expect(await x.h1()).toBe("Xã Gia Phú");
    const crumbs = await x.page.locator("nav.breadcrumbs li").allInnerTexts();
    expect(crumbs.map((c) => c.trim())).toEqual(["Đơn vị hành chính", "Tỉnh Lào Cai", "Xã Gia Phú"]);
    const villages = await x.linkNames("main table tbody");
    expect(villages).toEqual(expect.arrayContaining(["Thôn Phú Hà", "Thôn Phú Thịnh", "Thôn Cốc Sâm", "Bản Lúc", "Tổ dân phố Số 1"]));
    expect(villages).not.toContain("Bản Khe Lếch");

    const form = x.page.locator(`main form[action="/units/${DEMO_COMMUNE}/villages"]`);
    await form.getByLabel("Loại").selectOption("Bản");
    await form.getByLabel("Tên", { exact: true }).fill("Khe Lếch");
    const res = await x.navigateBy(form.getByRole("button", { name: "Thêm thôn, tổ dân phố" }));
    expect(res.status()).toBe(200);
    expect(x.path).toBe(`/units/${DEMO_COMMUNE}`);
    expect(await x.flash()).toBe("Đã thêm thôn, tổ dân phố.");
    expect(await x.linkNames("main table tbody")).toContain("Bản Khe Lếch");

    // The new village has its own page, under the commune.
    await x.followLink("Bản Khe Lếch", x.page.locator("main table"));
    expect(x.path).toMatch(new RegExp(`^/units/${DEMO_COMMUNE}\\.\\d+$`));
    expect(await x.h1()).toBe("Bản Khe Lếch");
  });

  it("shows the error summary linked to the field when the village name is left empty", async () => {
    const x = await e2e().openPage();
    await x.signIn("xa.giaphu");
    await x.open(`/units/${DEMO_COMMUNE}`);
    const before = await x.linkNames("main table tbody");

    const form = x.page.locator(`main form[action="/units/${DEMO_COMMUNE}/villages"]`);
    await form.getByLabel("Tên", { exact: true }).fill("");
    const res = await x.navigateBy(form.getByRole("button", { name: "Thêm thôn, tổ dân phố" }));
    expect(res.status()).toBe(400);

    const summary = x.page.locator(".error-summary");
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await summary.locator("h2").innerText()).toBe("Có lỗi cần sửa");
    const links = summary.locator("a");
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute("href")).toBe("#f-name");
    // The message names the field as the form labels it, not by its wire name.
    expect(await links.first().innerText()).toBe("Trường “Tên”: bắt buộc phải nhập");
    // The summary takes the focus on load (autofocus), so a screen reader starts there.
    await x.page.locator(".error-summary:focus").waitFor({ timeout: 5_000 });

    const input = x.page.locator("#f-name");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect(await input.getAttribute("aria-describedby")).toContain("f-name-error");
    // What a screen reader reads with the field (the prefix is visually hidden).
    expect((await x.page.locator("#f-name-error").textContent())?.replace(/\s+/g, " ").trim()).toBe("Lỗi: Trường “Tên”: bắt buộc phải nhập");
    // Following the summary's link lands on the field.
    await links.first().click();
    await x.page.waitForURL(/#f-name$/);
    expect(await x.page.locator("#f-name:target").count()).toBe(1);
    // Nothing was created.
    expect(await x.linkNames("main table tbody")).toEqual(before);
  });

  it('finds "Xã Gia Phú" when searching "gia phu" without diacritics', async () => {
    const x = await e2e().openPage();
    await x.open("/");
    const res = await x.search("gia phu");
    expect(res.status()).toBe(200);
    expect(x.path).toBe("/units?q=gia+phu");
    expect(await x.page.locator("main h2#results").innerText()).toBe("Kết quả cho “gia phu”");
    const found = x.page.locator("main table tbody tr").filter({ hasText: "Xã Gia Phú" });
    expect(await found.count()).toBe(1);
    expect(await found.locator("code").innerText()).toBe(DEMO_COMMUNE);
    expect(await found.getByRole("link", { name: "Xã Gia Phú" }).getAttribute("href")).toBe(`/units/${DEMO_COMMUNE}`);
  });

  it("switches to English and back, and the choice sticks across pages", async () => {
    const x = await e2e().openPage();
    await x.open("/units");
    expect(await x.lang()).toBe("vi");

    await x.chooseLanguage("en");
    expect(x.path).toBe("/units");
    expect(await x.lang()).toBe("en");
    expect(await x.h1()).toBe("Administrative units");
    expect(await x.page.locator('header button[value="en"]').getAttribute("aria-current")).toBe("true");

    await x.followLink("Home", x.page.locator("nav.breadcrumbs"));
    expect(await x.lang()).toBe("en");
    expect(await x.h1()).toBe("Digital government close to citizens");
    await x.open("/privacy");
    expect(await x.h1()).toBe("Personal data protection");

    await x.chooseLanguage("vi");
    expect(x.path).toBe("/privacy");
    expect(await x.lang()).toBe("vi");
    expect(await x.h1()).toBe("Bảo vệ dữ liệu cá nhân");
    await x.open("/");
    expect(await x.lang()).toBe("vi");
    expect(await x.h1()).toBe("Chính quyền số gần dân");
  });

  it("keeps you on the same page when switching language: search results and a form shown again with errors", async () => {
    const x = await e2e().openPage();
    await x.open("/units?q=gia+phu");
    await x.chooseLanguage("en");
    expect(x.path).toBe("/units?q=gia+phu");
    expect(await x.page.locator("main h2#results").innerText()).toBe("Results for “gia phu”");
    await x.chooseLanguage("vi");

    // A form answered with its errors lives at a POST-only address; the switch goes back to the form's page.
    await x.signIn("xa.giaphu");
    await x.open(`/units/${DEMO_COMMUNE}`);
    const form = x.page.locator(`main form[action="/units/${DEMO_COMMUNE}/villages"]`);
    expect((await x.navigateBy(form.locator("button[type=submit]"))).status()).toBe(400);
    expect(x.path).toBe(`/units/${DEMO_COMMUNE}/villages`);
    const res = await x.chooseLanguage("en");
    expect(res.status()).toBe(200);
    expect(x.path).toBe(`/units/${DEMO_COMMUNE}`);
    expect(await x.h1()).toBe("Gia Phu Commune");
    await x.chooseLanguage("vi");
  });
});
