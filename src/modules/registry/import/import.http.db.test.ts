// The import through its faces: the API (multipart upload, preview, commit, export) and the office pages (upload,
// preview with problems and duplicates, commit, the self-refreshing progress page), and bad files answered with a 4xx.
import { beforeAll, expect, it, vi } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { buildUser, buildVillage, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_FIELD } from "../../../platform/http/csrf.ts";
import { COLUMNS, MAX_FILE_BYTES } from "./household-file.ts";

type Problem = { status: number; errors?: { field: string; code: string; message: string }[] };
type Import = { id: string; status: string; committable: boolean; problems: { row: number; column: string; message: string }[]; duplicates: { row: number }[] };

const header = COLUMNS.map((c) => c.vi).join(",");

describeDb("the registry import, by API and in the office", () => {
  const app = useTestApp();
  let t: TestApp;
  let office: TestClient;
  let token: string;
  let village: string;

  const row = (key: string, name: string, extra = "") => `${key},${village},Số ${key},Chủ hộ,${name},,1975,Nam${extra}`;
  const csv = (...rows: string[]) => new File([[header, ...rows].join("\n")], "ho.csv", { type: "text/csv" });
  const api = (path: string, init: RequestInit = {}) =>
    t.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, "accept-language": "en", ...(init.headers as Record<string, string>) } });
  const upload = (file: File, communeCode = GIA_PHU) => {
    const form = new FormData();
    form.set("communeCode", communeCode);
    form.set("file", file);
    return api("/api/v1/registry/imports", { method: "POST", body: form });
  };
  const residents = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM residents")).rows[0]!.n;

  beforeAll(async () => {
    t = app();
    village = (await buildVillage(t.deps, GIA_PHU)).name;
    const officer = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    office = new TestClient(t.app);
    await office.signIn(officer.username, PASSWORD);
    const created = await office.post("/office/tokens", { name: "import", role: "commune_admin", adminUnitCode: GIA_PHU });
    token = /<code>(xaso_[^<]+)<\/code>/.exec(await created.text())![1]!;
  });

  it("checks an upload into a preview, refuses its commit naming each cell, and commits a corrected file", async () => {
    const before = await residents();
    const bad = await upload(csv(row("A", "Ngô Văn Sai", ""), `A,${village},Số A,Con,Ngô Thị Con,31/02/2001,,Nữ,0912345678,001301000001`));
    expect(bad.status).toBe(201);
    const preview = (await bad.json()) as Import;
    expect(preview).toMatchObject({ status: "checked", committable: false });
    expect(preview.problems.map((p) => `${p.row}${p.column} ${p.message}`)).toEqual(["3F The birth date does not exist"]);
    expect((await api(`/api/v1/registry/imports/${preview.id}`)).status).toBe(200);
    const refused = await api(`/api/v1/registry/imports/${preview.id}/commit`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors).toEqual([{ field: "csv!F3", code: "invalid", message: "The birth date does not exist" }]);
    expect(await residents()).toBe(before);

    const good = (await (await upload(csv(row("A", "Ngô Văn Đúng"), `A,${village},Số A,Con,Ngô Thị Con,28/02/2001,,Nữ`))).json()) as Import;
    expect(good.committable).toBe(true);
    const done = await api(`/api/v1/registry/imports/${good.id}/commit`, {
      method: "POST",
      body: '{"decisions":[]}',
      headers: { "content-type": "application/json" },
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "committed", processedRows: 2, summary: { imported: { households: 1, people: 2, skipped: 0 } } });
    expect(await residents()).toBe(before + 2);
    const again = await api(`/api/v1/registry/imports/${good.id}/commit`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(again.status).toBe(409);

    const exported = await api(`/api/v1/registry/export?commune=${GIA_PHU}&format=csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain(`so-ho-${GIA_PHU}.csv`);
    const text = await exported.text();
    expect(text.split("\r\n")[0]).toBe(header);
    expect(text).toContain("Ngô Thị Con,28/02/2001,2001,Nữ");
  });

  it("answers bad files with a 4xx naming the file, the header or the field, and writes nothing", async () => {
    const before = await residents();
    const problemOf = async (res: Response) => [res.status, ((await res.json()) as Problem).errors?.map((e) => `${e.field}: ${e.message}`)];
    expect(await problemOf(await upload(new File([new Uint8Array([0x50, 0x4b, 3, 4, 1, 2])], "ho.xlsx")))).toEqual([
      400,
      ["file: The file is not a readable XLSX or CSV spreadsheet"],
    ]);
    expect(await problemOf(await upload(new File(["x"], "ho.txt", { type: "text/plain" })))).toEqual([400, ["file: Choose an .xlsx or .csv file"]]);
    expect(await problemOf(await upload(new File(["Mã hộ,Thôn\nA,B\n"], "ho.csv")))).toEqual([
      400,
      [
        "csv!1: Column “Địa chỉ” is missing from the header row",
        "csv!1: Column “Quan hệ với chủ hộ” is missing from the header row",
        "csv!1: Column “Họ và tên” is missing from the header row",
        "csv!1: Column “Ngày sinh / Năm sinh” is missing from the header row",
      ],
    ]);
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41);
    expect((await upload(new File([big], "ho.csv"))).status).toBe(413);
    expect(await problemOf(await upload(csv(row("A", "X")), "9999"))).toEqual([400, ["communeCode: Field “communeCode”: has the wrong format"]]);
    expect(await residents()).toBe(before);
  });

  it("takes the office through upload, preview, a duplicate's decision and the commit, and shows progress while committing", async () => {
    const post = (path: string, fields: Record<string, string | File>) => {
      const form = new FormData();
      form.set(CSRF_FIELD, office.csrfToken);
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return office.request(path, { method: "POST", body: form });
    };
    const list = await office.get("/office/registry/imports");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('enctype="multipart/form-data"');
    const missing = await post("/office/registry/imports", { communeCode: GIA_PHU });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Hãy chọn tệp");

    const uploaded = await post("/office/registry/imports", { communeCode: GIA_PHU, file: csv(row("P1", "Lã Văn Đôi"), row("P2", "La Van Doi")) });
    expect(uploaded.status).toBe(303);
    const at = uploaded.headers.get("location")!;
    const page = await (await office.get(at)).text();
    expect(page).toContain("Người có thể đã có");
    // The first people of the file, as a preview.
    expect(page).toContain("Lã Văn Đôi");
    expect(page).toContain("Cùng họ tên, năm sinh và thôn với dòng 2 của tệp");
    expect(page).not.toContain('http-equiv="refresh"');
    const id = at.split("/").pop()!;
    const undecided = await post(`/office/registry/imports/${id}/commit`, {});
    expect(undecided.status).toBe(400);
    expect(await undecided.text()).toContain("Dòng 3: hãy chọn bỏ qua hoặc vẫn nhập");
    const before = await residents();
    const committed = await post(`/office/registry/imports/${id}/commit`, { "decision.3": "skip" });
    expect(committed.status).toBe(303);
    const result = await (await office.get(at)).text();
    expect(result).toContain("Đã nhập vào sổ hộ.");
    expect(result).toContain("Đã nhập 1 hộ, 1 người (bỏ qua 1 dòng).");
    expect(await residents()).toBe(before + 1);

    // A large file: committed in the background, the page reloading itself meanwhile.
    const rows = Array.from({ length: 1001 }, (_, i) => row(`B${i}`, `Người Thứ ${i}`));
    const large = await post("/office/registry/imports", { communeCode: GIA_PHU, file: csv(...rows) });
    const largeAt = large.headers.get("location")!;
    const largeId = largeAt.split("/").pop()!;
    await t.db.query("UPDATE registry_imports SET status = 'committing', processed_rows = 250 WHERE id = $1", [largeId]);
    const progress = await (await office.get(largeAt)).text();
    expect(progress).toContain('<meta http-equiv="refresh" content="2"/>');
    expect(progress).toContain("Đang nhập: 250/1.001 người.");
    await t.db.query("UPDATE registry_imports SET status = 'checked', processed_rows = 0 WHERE id = $1", [largeId]);
    expect((await post(`/office/registry/imports/${largeId}/commit`, {})).status).toBe(303);
    await vi.waitFor(async () => expect((await t.db.query("SELECT status FROM registry_imports WHERE id = $1", [largeId])).rows[0]!.status).toBe("committed"), {
      timeout: 60_000,
      interval: 200,
    });
    expect(await residents()).toBe(before + 1 + 1001);

    const download = await office.get(`/office/registry/export?commune=${GIA_PHU}&format=xlsx`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toContain("spreadsheetml");
  });
});
