// The outreach panels on the registry's resident and household pages (slots wired in src/modules.ts): skills with
// how and by whom they were confirmed, the office form that confirms one and lands back on the page, visits, the
// household's coverage; one audit entry per page read; and the registry search's link to the gap list.
import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { acting } from "../../../../test/support/dossier-factories.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { confirmResidentSkill } from "../use-cases/skills-confirm.ts";

describeDb("the outreach panels of the registry's pages", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;
  let household: { id: string; residentIds: string[] };
  let officer: { id: string; username: string };
  let volunteer: { id: string; username: string };
  let leader: { id: string; username: string };
  const NEXT_STEP = "Quay lại hướng dẫn thanh toán không dùng tiền mặt";

  const reads = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'personalData.read'")).rows[0]!.n;
  const signedIn = async (user: { username: string }) => {
    const client = new TestClient(t.app);
    await client.signIn(user.username, PASSWORD);
    return client;
  };
  /** The table row (stacked or not) of the skills table that names a skill. */
  const skillRow = (html: string, label: string) => {
    const table = /<table[^>]*>[\s\S]*?<\/table>/.exec(html.slice(html.indexOf('id="skills"') - 200))?.[0] ?? "";
    return [...table.matchAll(/<tr>[\s\S]*?<\/tr>/g)].map((m) => m[0]).find((r) => r.includes(label)) ?? "";
  };

  beforeAll(async () => {
    t = app();
    village = await buildRegistryVillage(t.deps);
    household = await buildHousehold(t.deps, {
      villageCode: village,
      members: [
        { fullName: "Lý Văn Páo", birthYear: 1970 },
        { fullName: "Lý Thị Mai", birthYear: 1975 },
      ],
    });
    officer = await buildUser(t.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    volunteer = await buildUser(t.deps, { roles: [["volunteer", village]], kind: "volunteer" });
    leader = await buildUser(t.deps, { roles: [["leader", GIA_PHU]] });
    const team = await buildTeam(t.deps, { villageCode: village, memberUserIds: [volunteer.id] });
    await assignHouseholds(t.deps, [household.id], team.id, volunteer.id);
    // The volunteer confirmed a skill they saw; the head was present at their visit.
    await confirmResidentSkill(t.deps, await acting(t.deps, volunteer), household.residentIds[0]!, { skillKey: "vneid_level2", method: "seen" });
    await t.db.query(
      `INSERT INTO visits (id, household_id, commune_code, unit_path, volunteer_user_id, visited_on, present, outcome, next_step, recorded_at)
       SELECT $1, h.id, h.commune_code, h.unit_path, $2, DATE '2026-11-20', ARRAY[$3::uuid], 'follow_up', $4, now() FROM households h WHERE h.id = $5`,
      [randomUUID(), volunteer.id, household.residentIds[0], NEXT_STEP, household.id],
    );
  });

  it("shows on the resident page the skills held (method, by whom, when) and missing, the visits, with one audit entry", async () => {
    const client = await signedIn(officer);
    const before = await reads();
    const res = await client.get(`/office/registry/residents/${household.residentIds[0]}`);
    expect(res.status).toBe(200);
    expect(await reads()).toBe(before + 1);
    const html = await res.text();
    expect(html).toContain('id="outreach"');
    const held = skillRow(html, "Đã kích hoạt VNeID mức 2");
    expect(held).toContain("Đã thấy tận mắt");
    expect(held).toContain(`Test ${volunteer.username}`);
    expect(held).toContain("2026");
    expect(skillRow(html, "Có tài khoản thanh toán không dùng tiền mặt")).toContain("Chưa có");
    expect(html).toContain("Còn thiếu 5 kỹ năng.");
    // The visit the head was at, and the office form (an officer holds registry.manage).
    expect(html).toContain("20/11/2026");
    expect(html).toContain("Cần quay lại");
    expect(html).toContain(`action="/office/residents/${household.residentIds[0]}/skills"`);
    expect(html).toContain(`name="returnTo" value="/office/registry/residents/${household.residentIds[0]}#outreach"`);
    // The other member was at no visit.
    const other = await (await client.get(`/office/registry/residents/${household.residentIds[1]}`)).text();
    expect(other).toContain("Chưa có lượt thăm nào ghi nhận người này có mặt.");
  });

  it("confirms a skill through the resident page's form and lands back on it with the skill shown", async () => {
    const client = await signedIn(officer);
    const page = `/office/registry/residents/${household.residentIds[1]}`;
    const res = await client.post(`/office/residents/${household.residentIds[1]}/skills`, {
      skillKey: "cashless_payment",
      method: "self_declared",
      returnTo: `${page}#outreach`,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${page}#outreach`);
    const html = await (await client.get(page)).text();
    expect(html).toContain("Đã ghi nhận kỹ năng.");
    const row = skillRow(html, "Có tài khoản thanh toán không dùng tiền mặt");
    expect(row).toContain("Tự khai");
    expect(row).toContain(`Test ${officer.username}`);
  });

  it("shows the form only to those the route lets confirm: not to a leader, who reads the registry", async () => {
    const html = await (await (await signedIn(leader)).get(`/office/registry/residents/${household.residentIds[0]}`)).text();
    expect(html).toContain("Đã thấy tận mắt");
    expect(html).not.toContain('/skills"');
    expect(html).not.toContain('name="returnTo"');
  });

  it("shows on the household page its visits and coverage, with one audit entry, and the field app to its volunteer", async () => {
    const client = await signedIn(officer);
    const before = await reads();
    const res = await client.get(`/office/registry/households/${household.id}`);
    expect(res.status).toBe(200);
    expect(await reads()).toBe(before + 1);
    const html = await res.text();
    expect(html).toContain("Các lượt thăm hộ");
    expect(html).toContain(NEXT_STEP);
    expect(html).toContain(`Test ${volunteer.username}`);
    expect(html).toContain("Cần quay lại");
    expect(html).toContain("20/11/2026");
    expect(html).not.toContain('href="/field"');
    const mine = await (await (await signedIn(volunteer)).get(`/office/registry/households/${household.id}`)).text();
    expect(mine).toContain(NEXT_STEP);
    expect(mine).toContain('href="/field"');
  });

  it("says when a household was never visited and whether a member holds every skill", async () => {
    const fresh = await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Vàng Thị Chư", birthYear: 1990 }] });
    const html = await (await (await signedIn(officer)).get(`/office/registry/households/${fresh.id}`)).text();
    expect(html).toMatch(/Lần thăm gần nhất<\/dt>\s*<dd>Chưa thăm/);
    expect(html).toMatch(/Có người thành thạo mọi kỹ năng<\/dt>\s*<dd>Chưa/);
    expect(html).toContain("Chưa có lượt thăm nào.");
  });

  it("links the registry search to the gap list with its commune and village", async () => {
    const client = await signedIn(officer);
    const html = await (await client.get(`/office/registry?commune=${GIA_PHU}&village=${village}`)).text();
    const href = /href="(\/office\/coverage\/gaps[^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    expect(href).toBe(`/office/coverage/gaps?unit=${GIA_PHU}&village=${encodeURIComponent(village)}`);
    const gaps = await client.get(href!);
    expect(gaps.status).toBe(200);
    expect(await gaps.text()).toContain("Lý Thị Mai");
    const all = await (await client.get(`/office/registry?commune=${GIA_PHU}`)).text();
    expect(all).toContain(`href="/office/coverage/gaps?unit=${GIA_PHU}"`);
  });
});
