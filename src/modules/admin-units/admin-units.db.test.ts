import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { buildUser, GIA_PHU, BAO_THANG, LAO_CAI, systemAdmin } from "../../../test/support/factories.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import {
  createVillage,
  getAdminUnit,
  isCommuneCode,
  listAdminUnitChildren,
  listServedProvinces,
  listUnitCodesWithin,
  renameVillage,
  searchAdminUnits,
} from "./index.ts";

describeDb("admin units", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());
  const ctx = (principal: Principal | null) => ({ actor: { userId: principal?.userId ?? null, label: "t" }, requestId: "req-test", principal });

  it("ships the official 2025 list: 34 provinces and 3,321 communes", async () => {
    const { rows } = await t.db.query<{ level: string; n: number }>("SELECT level, count(*)::int AS n FROM admin_units GROUP BY level ORDER BY level");
    expect(rows).toEqual(
      expect.arrayContaining([
        { level: "province", n: 34 },
        { level: "commune", n: 3321 },
      ]),
    );
  });

  it("serves only the provinces its config names", async () => {
    expect((await listServedProvinces(t.deps)).map((p) => p.fullName)).toEqual(["Tỉnh Lào Cai", "Tỉnh Thái Nguyên"]);
    await expect(getAdminUnit(t.deps, "01")).rejects.toMatchObject({ status: 404 }); // Hà Nội exists but is not served
    await expect(getAdminUnit(t.deps, "00004")).rejects.toMatchObject({ status: 404 });
  });

  it("finds 'Xã Gia Phú' from 'gia phu', ignoring diacritics and case", async () => {
    const page = await searchAdminUnits(t.deps, { q: "GIA phu", limit: 20 });
    expect(page.items.map((u) => u.fullName)).toContain("Xã Gia Phú");
    // Xã Gia Phúc is in Hải Phòng, which this installation does not serve.
    expect(page.items.map((u) => u.fullName)).not.toContain("Xã Gia Phúc");
    const accented = await searchAdminUnits(t.deps, { q: "Gia Phú", limit: 20 });
    expect(accented.items[0]?.code).toBe(GIA_PHU);
  });

  it("pages through a province's communes with a cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await listAdminUnitChildren(t.deps, LAO_CAI, { cursor, limit: 30 });
      seen.push(...page.items.map((u) => u.code));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(99);
    expect(new Set(seen).size).toBe(99);
    expect(seen).toContain(GIA_PHU);
  });

  it("lets a commune admin create and rename villages, and audits both", async () => {
    const admin = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const p: Principal = {
      userId: admin.id,
      username: admin.username,
      displayName: "",
      kind: "officer",
      locale: null,
      grants: [{ role: "commune_admin", unitCode: GIA_PHU, unitPath: `/${LAO_CAI}/${GIA_PHU}/` }],
    };
    const v = await createVillage(t.deps, ctx(p), GIA_PHU, { name: "Phú Hà", unitType: "Thôn" });
    expect(v).toMatchObject({ parentCode: GIA_PHU, level: "village", fullName: "Thôn Phú Hà" });
    expect(v.code).toMatch(/^02923\.\d{3}$/);
    const renamed = await renameVillage(t.deps, ctx(p), v.code, { name: "Phú Hà Mới" });
    expect(renamed.fullName).toBe("Thôn Phú Hà Mới");
    expect((await searchAdminUnits(t.deps, { q: "phu ha moi", limit: 5 })).items[0]?.code).toBe(v.code);
    const audit = await t.db.query("SELECT action, actor_id, request_id FROM audit_log WHERE target_id = $1 ORDER BY seq", [v.code]);
    expect(audit.rows).toEqual([
      { action: "village.created", actor_id: admin.id, request_id: "req-test" },
      { action: "village.renamed", actor_id: admin.id, request_id: "req-test" },
    ]);
  });

  it("numbers villages without collisions when two are created at once", async () => {
    const root = await systemAdmin(t.deps);
    const made = await Promise.all([1, 2, 3, 4].map((i) => createVillage(t.deps, ctx(root), BAO_THANG, { name: `Đồng thời ${i}`, unitType: "Bản" })));
    expect(new Set(made.map((v) => v.code)).size).toBe(4);
  });

  it("refuses villages outside the officer's commune (404) and renaming a commune (400)", async () => {
    const other = await buildUser(t.deps, { roles: [["commune_admin", BAO_THANG]] });
    const p: Principal = {
      userId: other.id,
      username: other.username,
      displayName: "",
      kind: "officer",
      locale: null,
      grants: [{ role: "commune_admin", unitCode: BAO_THANG, unitPath: `/${LAO_CAI}/${BAO_THANG}/` }],
    };
    await expect(createVillage(t.deps, ctx(p), GIA_PHU, { name: "X", unitType: "Thôn" })).rejects.toMatchObject({ status: 404 });
    const root = await systemAdmin(t.deps);
    await expect(renameVillage(t.deps, ctx(root), GIA_PHU, { name: "X" })).rejects.toMatchObject({ status: 400 });
    await expect(createVillage(t.deps, ctx(null), GIA_PHU, { name: "X", unitType: "Thôn" })).rejects.toMatchObject({ status: 401 });
  });

  it("lists the codes inside subtrees, for data kept by unit code elsewhere (the audit log)", async () => {
    const root = await systemAdmin(t.deps);
    const village = await createVillage(t.deps, ctx(root), GIA_PHU, { name: "Mã trong cây", unitType: "Thôn" });
    const inCommune = await listUnitCodesWithin(t.deps, [`/${LAO_CAI}/${GIA_PHU}/`]);
    expect(inCommune).toContain(GIA_PHU);
    expect(inCommune).toContain(village.code);
    expect(inCommune).not.toContain(BAO_THANG);
    const both = await listUnitCodesWithin(t.deps, [`/${LAO_CAI}/${GIA_PHU}/`, `/${LAO_CAI}/${BAO_THANG}/`]);
    expect(both).toEqual(expect.arrayContaining([GIA_PHU, BAO_THANG, village.code]));
    expect(both).not.toContain(LAO_CAI);
    expect(await listUnitCodesWithin(t.deps, [])).toEqual([]);
    expect([LAO_CAI, GIA_PHU, village.code].map(isCommuneCode)).toEqual([false, true, false]);
  });

  it("publishes admin_unit_refs, the view other modules read instead of the table", async () => {
    const { rows } = await t.db.query("SELECT code, level, path, name FROM admin_unit_refs WHERE code = $1", [GIA_PHU]);
    expect(rows).toEqual([{ code: GIA_PHU, level: "commune", path: `/${LAO_CAI}/${GIA_PHU}/`, name: "Gia Phú" }]);
  });
});
