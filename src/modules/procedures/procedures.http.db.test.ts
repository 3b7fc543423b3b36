import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../test/support/client.ts";
import { buildUser, GIA_PHU, LAO_CAI, PASSWORD } from "../../../test/support/factories.ts";
import { type TestApp, useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { aCatalogue, aProcedureInput, publishAll } from "../../../test/support/procedure-factories.ts";
import { buildZip, deflatedZeros } from "../../../test/support/zip-factories.ts";
import { CSRF_FIELD } from "../../platform/http/csrf.ts";
import { getProcedure } from "./index.ts";

describeDb("procedure catalogue over HTTP", () => {
  const app = useTestApp();
  const cat = aCatalogue();
  const { birth: BIRTH, signature: SIGNATURE, marriage: MARRIAGE, death: DEATH, maritalStatus: MARITAL, contract: CONTRACT } = cat;
  const escaped = (code: string) => code.replace(".", "\\.");
  let t: TestApp;
  let manager: TestClient;
  let communeAdmin: TestClient;
  let managerToken: string;
  let communeToken: string;

  const tokenFor = async (client: TestClient, role: string, unit: string) => {
    const res = await client.post("/office/tokens", { name: "t", role, adminUnitCode: unit });
    return /<code>(xaso_[^<]+)<\/code>/.exec(await res.text())![1]!;
  };

  beforeAll(async () => {
    t = app();
    await publishAll(t.deps, Object.values(cat));
    const pa = await buildUser(t.deps, { roles: [["province_admin", LAO_CAI]], home: LAO_CAI });
    const ca = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    manager = new TestClient(t.app);
    await manager.signIn(pa.username, PASSWORD);
    communeAdmin = new TestClient(t.app);
    await communeAdmin.signIn(ca.username, PASSWORD);
    managerToken = await tokenFor(manager, "province_admin", LAO_CAI);
    communeToken = await tokenFor(communeAdmin, "commune_admin", GIA_PHU);
  });
  const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });
  const put = (body: unknown, headers: Record<string, string>) => ({ ...json(body, headers), method: "PUT" });

  it("lets citizens find a procedure without diacritics, grouped by field, light pages", async () => {
    const list = await t.app.request("/procedures");
    const html = await list.text();
    expect(list.status).toBe(200);
    expect(html).toContain("<h2>Hộ tịch</h2>");
    expect(html).toContain("<h2>Chứng thực</h2>");
    expect(html.length).toBeLessThan(15_000);
    const found = await (await t.app.request("/procedures?q=khai+sinh")).text();
    expect(found).toContain(`href="/procedures/${BIRTH.code}"`);
    expect(found).not.toContain(`href="/procedures/${SIGNATURE.code}"`);
    const filtered = await (await t.app.request("/procedures?field=certification")).text();
    expect(filtered).toContain(`href="/procedures/${SIGNATURE.code}"`);
    expect(filtered).not.toContain(`href="/procedures/${BIRTH.code}"`);
    expect((await t.app.request("/procedures?field=astrology")).status).toBe(200);
  });

  it("shows what to bring, fees, time, delivery and legal basis, and where to apply", async () => {
    const res = await t.app.request(`/procedures/${BIRTH.code}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html.length).toBeLessThan(15_000);
    for (const s of [
      BIRTH.documents![0]!.name, // a document the vault may hold
      "có thể lấy từ kho dữ liệu của bạn",
      "Miễn phí",
      "8 giờ làm việc",
      "15:00",
      BIRTH.legalBasis![0]!,
      "Qua bưu chính",
    ])
      expect(html).toContain(s);
    expect(html).toContain(`href="/dossiers/new?procedure=${BIRTH.code}"`);
    const desk = await (await t.app.request(`/procedures/${SIGNATURE.code}`)).text();
    expect(desk).not.toContain("/dossiers/new");
    expect(desk).toContain("nộp trực tiếp tại Bộ phận một cửa");
    expect(desk).toContain("10.000");
    const en = await (await t.app.request(`/procedures/${SIGNATURE.code}`, { headers: { cookie: "xaso_lang=en" } })).text();
    expect(en).toContain("What to bring");
    expect((await t.app.request("/procedures/9.999999")).status).toBe(404);
  });

  it("serves the catalogue through the API: search, current and past versions, export", async () => {
    const page = await (await t.app.request("/api/v1/procedures?q=ket%20hon")).json();
    expect(page.items.map((p: { code: string }) => p.code)).toContain(MARRIAGE.code);
    const one = await (await t.app.request(`/api/v1/procedures/${DEATH.code}`)).json();
    expect(one).toMatchObject({ version: 1, active: true, totalFee: 0, definition: { code: DEATH.code, name: DEATH.name } });
    expect((await t.app.request(`/api/v1/procedures/${DEATH.code}?version=7`)).status).toBe(404);
    expect((await t.app.request("/api/v1/procedures?field=astrology")).status).toBe(400);
    const csv = await t.app.request("/api/v1/procedures/export?format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("xaso-procedures.csv");
    expect(await csv.text()).toContain("procedures,code,name,field");
    const xlsx = await t.app.request("/api/v1/procedures/export");
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip
  });

  it("answers 'if I file now, when is it ready?' on the page and through the API, by the desk's rule", async () => {
    const vn = (s: string) => new Date(`${s}+07:00`);
    const sameDay = aProcedureInput({ code: "8.900001", name: "Chứng thực trong ngày", processing: { unit: "sameDay", amount: 1, cutOff: "15:00" } });
    const fiveDays = aProcedureInput({ code: "8.900002", name: "Xác nhận năm ngày", processing: { unit: "days", amount: 5, cutOff: "15:00" } });
    await publishAll(t.deps, [sameDay, fiveDays]);
    const due = async (code: string, receivedAt?: string) =>
      t.app.request(`/api/v1/procedures/${code}/due-date${receivedAt === undefined ? "" : `?receivedAt=${encodeURIComponent(receivedAt)}`}`);

    // Received Thu 12/02/2026 10:00 with 5 working days: Friday 13, Tết (14–22/02), 23–26: the close of office on 26/02.
    const five = await due(fiveDays.code, "2026-02-12T10:00:00+07:00");
    expect(five.status).toBe(200);
    expect(await five.json()).toMatchObject({ code: fiveDays.code, dueAt: "2026-02-26T10:30:00.000Z", dueDate: "2026-02-26", dueTime: "17:30" });
    // Same day: before the cut-off that day; after it (a moment without offset is Vietnam time) the next working day,
    // here after the Tết break.
    expect(await (await due(sameDay.code, "2026-02-12T14:00")).json()).toMatchObject({ dueDate: "2026-02-12", dueTime: "17:30" });
    expect(await (await due(sameDay.code, "2026-02-13T15:30")).json()).toMatchObject({ dueDate: "2026-02-23", dueTime: "17:30" });

    // Without a moment: now, as the procedure page shows it, server-rendered.
    t.clock.set(vn("2026-03-03T16:00"));
    expect(await (await due(sameDay.code)).json()).toMatchObject({ receivedAt: "2026-03-03T09:00:00.000Z", dueDate: "2026-03-04" });
    const page = await (await t.app.request(`/procedures/${sameDay.code}`)).text();
    expect(page).toContain("Nếu nộp ngay bây giờ, hẹn trả kết quả");
    expect(page).toContain("<strong>17:30 04/03/2026</strong>");
    expect(page).toContain("Trong ngày làm việc");

    const bad = await due(sameDay.code, "12/02/2026");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ field: "receivedAt" })]);
    const badEn = await t.app.request(`/api/v1/procedures/${sameDay.code}/due-date?receivedAt=tomorrow`, { headers: { "accept-language": "en" } });
    expect((await badEn.json()).errors).toEqual([expect.objectContaining({ field: "receivedAt" })]);
    expect((await due("9.999999", "2026-02-12T10:00")).status).toBe(404);
  });

  it("publishes through the API only for procedure managers: 401, 403, 400, then a new version", async () => {
    const def = (await getProcedure(t.deps, MARITAL.code)).definition;
    const edited = { ...def, summary: "Giấy có giá trị 6 tháng kể từ ngày cấp." };
    expect((await t.app.request(`/api/v1/procedures/${MARITAL.code}`, put(edited, {}))).status).toBe(401);
    expect((await t.app.request(`/api/v1/procedures/${MARITAL.code}`, put(edited, bearer(communeToken)))).status).toBe(403);
    const mismatch = await t.app.request(`/api/v1/procedures/${MARITAL.code}`, put({ ...edited, code: DEATH.code }, bearer(managerToken)));
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).errors).toEqual([expect.objectContaining({ field: "code" })]);
    const bad = await t.app.request(`/api/v1/procedures/${MARITAL.code}`, put({ ...edited, onlineLevel: "sometimes" }, bearer(managerToken)));
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ field: "onlineLevel", code: "choice" })]);
    const ok = await t.app.request(`/api/v1/procedures/${MARITAL.code}`, put(edited, bearer(managerToken)));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2, definition: { summary: edited.summary } });
    expect((await (await t.app.request(`/api/v1/procedures/${MARITAL.code}?version=1`)).json()).definition.summary).toBe(def.summary);
    const off = await t.app.request(`/api/v1/procedures/${MARITAL.code}/active`, json({ active: false }, bearer(managerToken)));
    expect(await off.json()).toMatchObject({ active: false });
    expect((await t.app.request(`/api/v1/procedures/${MARITAL.code}/active`, json({ active: true }, bearer(communeToken)))).status).toBe(403);
    await t.app.request(`/api/v1/procedures/${MARITAL.code}/active`, json({ active: true }, bearer(managerToken)));
  });

  it("imports a raw CSV body through the API (needs the JSON-only exemption for this path)", async () => {
    const csv = await (await t.app.request("/api/v1/procedures/export?format=csv")).text();
    const send = (token: string, body: string) =>
      t.app.request("/api/v1/procedures/import", { method: "POST", body, headers: bearer(token, { "content-type": "text/csv" }) });
    expect((await send(communeToken, csv)).status).toBe(403);
    const res = await send(managerToken, csv.replace("Lệ phí đăng ký kết hôn", "Lệ phí kết hôn"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ published: [MARRIAGE.code] });
    const broken = await send(
      managerToken,
      csv.replace(new RegExp(`\r\nsteps,${escaped(MARRIAGE.code)},receive,[^\r]*`), `\r\nsteps,${MARRIAGE.code},receive,Tiếp nhận,desk_clerk,0.1`),
    );
    expect(broken.status).toBe(400);
    expect((await broken.json()).errors).toEqual([expect.objectContaining({ field: expect.stringMatching(/^steps!E\d+$/) })]);
  });

  it("answers a zip bomb sent as XLSX with 413 naming its part, and imports nothing", async () => {
    const bomb = buildZip([{ name: "xl/worksheets/sheet1.xml", deflated: await deflatedZeros(200 * 1024 * 1024) }]);
    const before = await t.db.query("SELECT count(*)::int AS n FROM procedure_versions");
    const res = await t.app.request("/api/v1/procedures/import", {
      method: "POST",
      body: Buffer.from(bomb),
      headers: bearer(managerToken, { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "accept-language": "en" }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors).toEqual([
      { field: "file", code: "too_big", message: "Field “file”: part “xl/worksheets/sheet1.xml” of the Excel file expands to 200 MB, more than 16 MB" },
    ]);
    expect((await t.db.query("SELECT count(*)::int AS n FROM procedure_versions")).rows).toEqual(before.rows);
  });

  it("keeps the office pages to procedure managers", async () => {
    const anonymous = await t.app.request("/office/procedures");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/sign-in");
    expect((await communeAdmin.get("/office/procedures")).status).toBe(403);
    expect((await communeAdmin.post(`/office/procedures/${BIRTH.code}/edit`, { name: "X" })).status).toBe(403);
    const list = await manager.get("/office/procedures");
    const html = await list.text();
    expect(list.status).toBe(200);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain("/api/v1/procedures/export?format=xlsx");
    expect(html).toContain(`href="/office/procedures/${BIRTH.code}/edit"`);
  });

  it("saves the office edit form as a new version (POST → redirect → GET), with errors beside the fields", async () => {
    const before = await getProcedure(t.deps, DEATH.code);
    const form = await manager.get(`/office/procedures/${DEATH.code}/edit`);
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain('name="documents.0.name"');
    expect(html).toContain('name="documents.5.name"'); // four documents and two empty rows
    // Read the form back as a browser would post it, with one name changed and one document added.
    const values: Record<string, string> = {};
    for (const m of html.matchAll(/<input type="text" value="([^"]*)"[^>]*name="([^"]+)"/g))
      values[m[2]!] = m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    for (const m of html.matchAll(/<input type="text"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) values[m[1]!] ??= m[2]!.replace(/&amp;/g, "&");
    for (const m of html.matchAll(/<input type="checkbox"[^>]*value="true" checked=""[^>]*name="([^"]+)"/g)) values[m[1]!] = "true";
    for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs))
      values[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? "";
    const textarea = (name: string) => new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1] ?? "";
    expect(values["documents.0.name"]).toBe(before.definition.documents[0]!.name);
    const post = async (extra: Record<string, string>) => {
      const body = new URLSearchParams({ ...values, legalBasis: textarea("legalBasis"), summary: textarea("summary"), ...extra });
      for (const m of before.definition.deliveryMethods) body.append("deliveryMethods", m);
      body.set(CSRF_FIELD, manager.csrfToken);
      return manager.request(`/office/procedures/${DEATH.code}/edit`, {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
    };

    const invalid = await post({ name: "", "documents.4.key": "photo", "documents.4.name": "Ảnh", "documents.4.copies": "many" });
    expect(invalid.status).toBe(400);
    const errHtml = await invalid.text();
    expect(errHtml).toContain('id="f-name-error"');
    expect(errHtml).toContain('id="f-documents-4-copies"');
    expect(errHtml).toContain('aria-invalid="true"');
    expect(errHtml).toContain("Số bản, dòng 5");
    expect((await getProcedure(t.deps, DEATH.code)).version).toBe(before.version);

    const saved = await post({
      name: "Đăng ký khai tử (sửa)",
      "documents.4.key": "photo",
      "documents.4.name": "Ảnh người đã chết",
      "documents.4.required": "",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/office/procedures/${DEATH.code}/edit`);
    const after = await getProcedure(t.deps, DEATH.code);
    expect(after.version).toBe(before.version + 1);
    expect(after.definition.name).toBe("Đăng ký khai tử (sửa)");
    expect(after.definition.documents.map((d) => d.key)).toEqual([...before.definition.documents.map((d) => d.key), "photo"]);
    expect(after.definition.documents.at(-1)).toMatchObject({ required: false, copies: 1, form: "original" });
    expect({ ...after.definition, name: before.definition.name, documents: before.definition.documents }).toEqual(before.definition);
    expect((await manager.get(`/office/procedures/${DEATH.code}/edit`)).status).toBe(200);

    // The same working day needs no amount; another amount is refused beside the field.
    expect(html).toContain('<option value="sameDay"');
    const twoSameDays = await post({ "processing.unit": "sameDay", "processing.amount": "2" });
    expect(twoSameDays.status).toBe(400);
    expect(await twoSameDays.text()).toContain('id="f-processing-amount-error"');
    expect((await post({ "processing.unit": "sameDay", "processing.amount": "", "processing.cutOff": "15:00" })).status).toBe(303);
    expect((await getProcedure(t.deps, DEATH.code)).definition.processing).toEqual({ unit: "sameDay", amount: 1, cutOff: "15:00" });
  });

  it("creates a procedure from the empty form and refuses a code that exists", async () => {
    const form = await manager.get("/office/procedures/new");
    expect(form.status).toBe(200);
    const base = {
      code: "1.009999",
      name: "Thủ tục thử",
      field: "other",
      level: "commune",
      onlineLevel: "none",
      "processing.unit": "days",
      "processing.amount": "5",
      resultName: "Văn bản trả lời",
      deliveryMethods: "desk",
      "steps.0.key": "receive",
      "steps.0.name": "Tiếp nhận",
      "steps.0.role": "one_stop_officer",
      "steps.0.share": "0,2",
    };
    const created = await manager.post("/office/procedures/new", base);
    expect(created.status).toBe(303);
    expect((await getProcedure(t.deps, "1.009999")).definition.steps).toEqual([{ key: "receive", name: "Tiếp nhận", role: "one_stop_officer", share: 0.2 }]);
    const again = await manager.post("/office/procedures/new", base);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('id="f-code-error"');
  });

  it("imports an uploaded file from the office page, naming the bad cell and writing nothing", async () => {
    const csv = await (await t.app.request("/api/v1/procedures/export?format=csv")).text();
    const upload = (text: string) => {
      const body = new FormData();
      body.set(CSRF_FIELD, manager.csrfToken);
      body.set("file", new File([text], "catalogue.csv", { type: "text/csv" }));
      return manager.request("/office/procedures/import", { method: "POST", body });
    };
    const versions = (await t.db.query("SELECT count(*)::int AS n FROM procedure_versions")).rows[0]?.n;
    const broken = csv
      .replace("Thủ tục thử", "Thủ tục thử (mới)")
      .replace(new RegExp(`(fees,${escaped(SIGNATURE.code)},signature,[^,]*,)10000`), "$1mười nghìn");
    const res = await upload(broken);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/fees!E\d+/);
    expect((await t.db.query("SELECT count(*)::int AS n FROM procedure_versions")).rows[0]?.n).toBe(versions);
    const ok = await upload(csv.replace("Thủ tục thử", "Thủ tục thử (mới)"));
    expect(ok.status).toBe(303);
    expect((await getProcedure(t.deps, "1.009999")).definition.name).toBe("Thủ tục thử (mới)");
  });

  it("withdraws a procedure from the office list; the public page says so", async () => {
    const res = await manager.post(`/office/procedures/${CONTRACT.code}/active`, { active: "false" });
    expect(res.status).toBe(303);
    const page = await (await t.app.request(`/procedures/${CONTRACT.code}`)).text();
    expect(page).toContain("không còn tiếp nhận hồ sơ");
    expect(await (await t.app.request("/procedures?q=hop+dong")).text()).not.toContain(`/procedures/${CONTRACT.code}`);
  });
});
