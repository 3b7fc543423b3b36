import { afterAll, beforeAll, expect, it } from "vitest";
import { buildUser, GIA_PHU, LAO_CAI, systemAdmin } from "../../../test/support/factories.ts";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { aCatalogue } from "../../../test/support/procedure-factories.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import {
  exportCatalogue,
  getProcedure,
  getProcedureVersion,
  importCatalogue,
  type ProcedureDefinitionInput,
  PROCEDURE_FIELDS,
  publishMissingProcedures,
  publishProcedure,
  searchProcedures,
  setProcedureActive,
} from "./index.ts";

describeDb("procedure catalogue", () => {
  let t: TestApp;
  let root: Principal;
  beforeAll(async () => {
    t = await buildTestApp();
    root = await systemAdmin(t.deps);
  });
  afterAll(() => t.close());
  const ctx = (principal: Principal | null) => ({ actor: { userId: principal?.userId ?? null, label: "t" }, requestId: "req-proc", principal });
  const cat = aCatalogue();
  const inputs = Object.values(cat);
  const { birth: BIRTH, recordCopy: COPY, marriage: MARRIAGE, contract: CONTRACT, residence: RESIDENCE, death: DEATH, maritalStatus: MARITAL } = cat;
  const birth = () => structuredClone(BIRTH) as ProcedureDefinitionInput;

  it("publishes a catalogue's missing procedures once, then only missing codes", async () => {
    expect(await publishMissingProcedures(t.deps, ctx(null), inputs)).toBe(inputs.length);
    expect(await publishMissingProcedures(t.deps, ctx(null), inputs)).toBe(0);
    const p = await getProcedure(t.deps, BIRTH.code);
    expect(p).toMatchObject({ code: BIRTH.code, version: 1, active: true, totalFee: 0 });
    expect(p.definition.processing.cutOff).toBe("15:00");
  });

  it("publishes a new immutable version on change, none when unchanged, and keeps old versions readable", async () => {
    const v1 = await getProcedure(t.deps, COPY.code);
    const same = await publishProcedure(t.deps, ctx(root), COPY);
    expect(same.version).toBe(v1.version);
    const changed = structuredClone(COPY);
    changed.fees = [
      { key: "copy", label: "Phí cấp bản sao trích lục", amount: 10000 },
      { key: "post", label: "Cước bưu chính", amount: 25000 },
    ];
    const v2 = await publishProcedure(t.deps, ctx(root), changed);
    expect(v2).toMatchObject({ version: v1.version + 1, totalFee: 35000 });
    expect((await getProcedure(t.deps, COPY.code)).version).toBe(v1.version + 1);
    const old = await getProcedureVersion(t.deps.db, v1.id, v1.version);
    expect(old.definition.fees[0]?.amount).toBe(8000);
    expect(old.totalFee).toBe(8000);
    const { rows } = await t.db.query("SELECT action, target_id, request_id FROM audit_log WHERE target_id = $1 ORDER BY seq", [COPY.code]);
    expect(rows.at(-1)).toEqual({ action: "procedure.published", target_id: COPY.code, request_id: "req-proc" });
    await expect(getProcedureVersion(t.deps.db, v1.id, 99)).rejects.toMatchObject({ status: 404 });
  });

  it("finds procedures without diacritics, by code and by field label; filters by field; orders by field then name", async () => {
    for (const q of ["khai sinh", "khai sính", "KHAI SINH", BIRTH.code, "ho tich khai sinh"]) {
      expect(
        (await searchProcedures(t.deps, { q, limit: 10 })).items.map((p) => p.code),
        q,
      ).toContain(BIRTH.code);
    }
    const certification = await searchProcedures(t.deps, { field: "certification", limit: 50 });
    expect(certification.items.length).toBe(inputs.filter((d) => d.field === "certification").length);
    expect(certification.items.every((p) => p.field === "certification")).toBe(true);
    const all = await searchProcedures(t.deps, { limit: 100 });
    const fieldOrder = (f: string) => PROCEDURE_FIELDS.indexOf(f as (typeof PROCEDURE_FIELDS)[number]);
    expect(all.items.map((p) => p.field)).toEqual(inputs.map((d) => d.field).sort((a, b) => fieldOrder(a) - fieldOrder(b)));
    const marriage = all.items.find((p) => p.code === MARRIAGE.code)!;
    expect(marriage).toMatchObject({ onlineLevel: "partial", totalFee: 0, processing: { unit: "hours", amount: 8 } });
  });

  it("pages with a cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await searchProcedures(t.deps, { cursor, limit: 5 });
      seen.push(...page.items.map((p) => p.code));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual((await searchProcedures(t.deps, { limit: 100 })).items.map((p) => p.code));
    await expect(searchProcedures(t.deps, { cursor: "bad", limit: 5 })).rejects.toMatchObject({ status: 400 });
  });

  it("withdraws and reinstates a procedure: hidden from the public search, still readable, audited", async () => {
    await setProcedureActive(t.deps, ctx(root), CONTRACT.code, false);
    expect((await searchProcedures(t.deps, { q: "hop dong", limit: 10 })).items).toEqual([]);
    expect((await searchProcedures(t.deps, { q: "hop dong", limit: 10 }, { includeInactive: true })).items[0]).toMatchObject({
      code: CONTRACT.code,
      active: false,
    });
    expect((await getProcedure(t.deps, CONTRACT.code)).active).toBe(false);
    await setProcedureActive(t.deps, ctx(root), CONTRACT.code, true);
    const { rows } = await t.db.query("SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq", [CONTRACT.code]);
    expect(rows.map((r) => r.action)).toEqual(["procedure.published", "procedure.deactivated", "procedure.activated"]);
    await expect(setProcedureActive(t.deps, ctx(root), "9.999999", false)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses anonymous (401) and officers without procedure.manage (403); a province admin may", async () => {
    await expect(publishProcedure(t.deps, ctx(null), birth())).rejects.toMatchObject({ status: 401 });
    const officer = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const communeAdmin: Principal = {
      userId: officer.id,
      username: officer.username,
      displayName: "",
      kind: "officer",
      locale: null,
      grants: [{ role: "commune_admin", unitCode: GIA_PHU, unitPath: `/${LAO_CAI}/${GIA_PHU}/` }],
    };
    await expect(publishProcedure(t.deps, ctx(communeAdmin), birth())).rejects.toMatchObject({ status: 403 });
    await expect(setProcedureActive(t.deps, ctx(communeAdmin), BIRTH.code, false)).rejects.toMatchObject({ status: 403 });
    await expect(importCatalogue(t.deps, ctx(communeAdmin), { bytes: new Uint8Array(), format: "csv" })).rejects.toMatchObject({ status: 403 });
    const pa = await buildUser(t.deps, { roles: [["province_admin", LAO_CAI]], home: LAO_CAI });
    const provinceAdmin: Principal = {
      userId: pa.id,
      username: pa.username,
      displayName: "",
      kind: "officer",
      locale: null,
      grants: [{ role: "province_admin", unitCode: LAO_CAI, unitPath: `/${LAO_CAI}/` }],
    };
    const edited = birth();
    edited.summary = "Đã sửa bởi cán bộ tỉnh.";
    expect((await publishProcedure(t.deps, ctx(provinceAdmin), edited)).version).toBe(2);
    await expect(publishProcedure(t.deps, ctx(root), { ...birth(), steps: [] })).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: "steps" })],
    });
  });

  it("exports and imports the catalogue: unchanged definitions make no version; an edited one does", async () => {
    const before = await searchProcedures(t.deps, { limit: 100 }, { includeInactive: true });
    for (const format of ["xlsx", "csv"] as const) {
      const file = await exportCatalogue(t.deps, format);
      expect(file.filename).toBe(`xaso-procedures.${format}`);
      const res = await importCatalogue(t.deps, ctx(root), { bytes: file.bytes, format });
      expect(res.published).toEqual([]);
      expect(res.unchanged.sort()).toEqual(before.items.map((p) => p.code).sort());
    }
    const csv = new TextDecoder().decode((await exportCatalogue(t.deps, "csv")).bytes).replace("Lệ phí đăng ký tạm trú", "Lệ phí đăng ký tạm trú (mới)");
    const res = await importCatalogue(t.deps, ctx(root), { bytes: new TextEncoder().encode(csv), format: "csv" });
    expect(res.published).toEqual([RESIDENCE.code]);
    expect((await getProcedure(t.deps, RESIDENCE.code)).definition.fees[0]?.label).toBe("Lệ phí đăng ký tạm trú (mới)");
    const { rows } = await t.db.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'procedure.imported'");
    expect(rows[0]?.n).toBe(3);
  });

  it("writes nothing when any row of an import is wrong, and names the cell", async () => {
    const csv = new TextDecoder()
      .decode((await exportCatalogue(t.deps, "csv")).bytes)
      .replace("Lệ phí đăng ký khai tử", "Lệ phí khai tử (đổi)")
      .replace(new RegExp(`(fees,${MARITAL.code.replace(".", "\\.")},issue,[^,]*,)5000`), "$1năm nghìn");
    const versions = await t.db.query("SELECT count(*)::int AS n FROM procedure_versions");
    await expect(importCatalogue(t.deps, ctx(root), { bytes: new TextEncoder().encode(csv), format: "csv" })).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: expect.stringMatching(/^fees!E\d+$/), message: "validation.type" })],
    });
    expect((await t.db.query("SELECT count(*)::int AS n FROM procedure_versions")).rows[0]?.n).toBe(versions.rows[0]?.n);
    expect((await getProcedure(t.deps, DEATH.code)).definition.fees[0]?.label).toBe("Lệ phí đăng ký khai tử");
  });
});
