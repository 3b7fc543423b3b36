// The teams' office pages (forms without JavaScript) and API, as each person reaches them: a commune admin staffs a
// team and hands out households, a leader reassigns within their team, a volunteer sees their own households only.
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildHousehold, buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../../platform/http/csrf.ts";
import type { Role } from "../../../platform/auth/roles.ts";

type Problem = { status: number; errors?: { field: string; code: string; message: string }[] };

describeDb("teams: pages and API", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;
  const who = {} as Record<"admin" | "adminB" | "leader" | "volunteer" | "other", { id: string; client: TestClient }>;
  let households: { id: string; address: string }[];
  let teamId: string;

  const api = (as: keyof typeof who, method: string, path: string, body?: unknown) =>
    who[as].client.request(path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { "content-type": "application/json", accept: "application/json", [CSRF_HEADER]: who[as].client.csrfToken },
    });
  const person = async (name: keyof typeof who, roles: [Role, string][], kind: "officer" | "volunteer" = "officer") => {
    const u = await buildUser(t.deps, { roles, kind });
    const client = new TestClient(t.app);
    await client.signIn(u.username, PASSWORD);
    who[name] = { id: u.id, client };
  };

  beforeAll(async () => {
    t = app();
    village = await buildRegistryVillage(t.deps);
    await person("admin", [["commune_admin", GIA_PHU]]);
    await person("adminB", [["commune_admin", BAO_THANG]]);
    await person("leader", [["team_leader", village]], "volunteer");
    await person("volunteer", [["volunteer", village]], "volunteer");
    await person("other", [["volunteer", village]], "volunteer");
    households = [];
    for (let i = 0; i < 4; i++) {
      const address = `Số ${10 + i} ngõ Chè`;
      households.push({ id: (await buildHousehold(t.deps, { villageCode: village, address })).id, address });
    }
  });

  it("lets a commune admin create and staff a team with forms, then hand out a village and ticked households", async () => {
    const admin = who.admin.client;
    const list = await admin.get("/office/teams");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('action="/office/teams"');
    const bad = await admin.post("/office/teams", { name: "", unitCode: village });
    expect(bad.status).toBe(400);
    const created = await admin.post("/office/teams", { name: "Tổ CNSCĐ Chè", unitCode: village });
    expect(created.status).toBe(303);
    teamId = created.headers.get("location")!.split("/").pop()!;
    expect((await admin.post(`/office/teams/${teamId}`, { name: "Tổ CNSCĐ Chè", leaderUserId: who.leader.id })).status).toBe(303);
    for (const m of ["volunteer", "other"] as const) expect((await admin.post(`/office/teams/${teamId}/members`, { userId: who[m].id })).status).toBe(303);
    const refused = await admin.post(`/office/teams/${teamId}/members`, { userId: who.adminB.id });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("không có vai trò tình nguyện viên");

    // The area's unassigned households are offered with checkboxes; two ticked go to the volunteer.
    const page = await (await admin.get(`/office/teams/${teamId}`)).text();
    for (const h of households) expect(page).toContain(`value="${h.id}"`);
    const body = new URLSearchParams([
      ["householdIds", households[0]!.id],
      ["householdIds", households[1]!.id],
      ["memberUserId", who.volunteer.id],
      [CSRF_FIELD, admin.csrfToken],
    ]);
    const ticked = await admin.request(`/office/teams/${teamId}/assign`, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(ticked.status).toBe(303);
    // Nothing chosen: a 400 beside the village select, nothing written.
    const nothing = await admin.post(`/office/teams/${teamId}/assign`, { villageCode: "", memberUserId: "" });
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain('href="#f-villageCode"');
    // The rest of the village goes to the team as a whole.
    expect((await admin.post(`/office/teams/${teamId}/assign`, { villageCode: village, memberUserId: "" })).status).toBe(303);
    const detail = (await (await api("admin", "GET", `/api/v1/teams/${teamId}`)).json()) as {
      householdCount: number;
      unassignedToMember: number;
      members: { userId: string; householdCount: number; isLeader: boolean }[];
    };
    expect(detail).toMatchObject({ householdCount: 4, unassignedToMember: 2 });
    expect(detail.members.find((m) => m.userId === who.volunteer.id)?.householdCount).toBe(2);
    expect(detail.members.find((m) => m.userId === who.leader.id)?.isLeader).toBe(true);
    const table = await (await admin.get(`/office/teams/${teamId}/households`)).text();
    expect(table).toContain(`/office/registry/households/${households[0]!.id}`);
  });

  it("shows a volunteer only their own households, and nothing of the team's list (404), page and API alike", async () => {
    const mine = await who.volunteer.client.get("/office/my-households");
    expect(mine.status).toBe(200);
    const html = await mine.text();
    expect(html).toContain(households[0]!.address);
    expect(html).toContain(households[1]!.address);
    expect(html).not.toContain(households[2]!.address);
    expect(html).toContain('href="/field"');
    const other = await (await who.other.client.get("/office/my-households")).text();
    expect(other).not.toContain(households[0]!.address);
    const apiMine = (await (await api("volunteer", "GET", "/api/v1/me/households")).json()) as { items: { householdId: string }[] };
    expect(apiMine.items.map((h) => h.householdId).sort()).toEqual([households[0]!.id, households[1]!.id].sort());
    expect((await api("volunteer", "GET", `/api/v1/teams/${teamId}/households`)).status).toBe(404);
    expect((await who.volunteer.client.get(`/office/teams/${teamId}/households`)).status).toBe(404);
    expect((await who.volunteer.client.get(`/office/teams/${teamId}`)).status).toBe(404);
    // Unassigning a household not theirs: it does not exist for them.
    expect((await api("volunteer", "DELETE", `/api/v1/assignments/${households[2]!.id}`)).status).toBe(404);
  });

  it("lets the leader reassign within the team by ticking rows, and not to another team", async () => {
    const leader = who.leader.client;
    const page = await leader.get(`/office/teams/${teamId}/households`);
    expect(page.status).toBe(200);
    const body = new URLSearchParams([
      ["householdIds", households[2]!.id],
      ["memberUserId", who.other.id],
      ["action", "assign"],
      [CSRF_FIELD, leader.csrfToken],
    ]);
    const res = await leader.request(`/office/teams/${teamId}/households`, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(303);
    expect(await (await who.other.client.get("/office/my-households")).text()).toContain(households[2]!.address);
    const none = await leader.post(`/office/teams/${teamId}/households`, { memberUserId: who.other.id, action: "assign" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('href="#f-householdIds"');

    const rival = (await (await api("admin", "POST", "/api/v1/teams", { name: "Tổ xã", unitCode: GIA_PHU })).json()) as { id: string };
    const stolen = await api("leader", "POST", "/api/v1/assignments", { teamId: rival.id, householdIds: [households[3]!.id] });
    expect(stolen.status).toBe(404);
    const notMember = await api("leader", "POST", "/api/v1/assignments", { teamId, memberUserId: who.adminB.id, householdIds: [households[3]!.id] });
    expect(notMember.status).toBe(400);
    expect(((await notMember.json()) as Problem).errors?.map((e) => e.field)).toEqual(["memberUserId"]);
    // A team leader does not staff the team.
    expect((await api("leader", "POST", `/api/v1/teams/${teamId}/members`, { userId: who.volunteer.id })).status).toBe(403);
  });

  it("answers another commune's admin 404 on every team route, and names the field of a bad body", async () => {
    for (const [method, path, body] of [
      ["GET", `/api/v1/teams/${teamId}`],
      ["PATCH", `/api/v1/teams/${teamId}`, { name: "Đổi trộm" }],
      ["DELETE", `/api/v1/teams/${teamId}`],
      ["POST", `/api/v1/teams/${teamId}/members`, { userId: who.volunteer.id }],
      ["DELETE", `/api/v1/teams/${teamId}/members/${who.volunteer.id}`],
      ["GET", `/api/v1/teams/${teamId}/households`],
      ["POST", "/api/v1/assignments", { teamId, villageCode: village }],
      ["DELETE", `/api/v1/assignments/${households[0]!.id}`],
    ] as const) {
      expect((await api("adminB", method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await who.adminB.client.get(`/office/teams/${teamId}`)).status).toBe(404);
    expect(await (await who.adminB.client.get("/office/teams")).text()).not.toContain("Tổ CNSCĐ Chè");

    const both = await api("admin", "POST", "/api/v1/assignments", { teamId, villageCode: village, householdIds: [households[0]!.id] });
    expect(both.status).toBe(400);
    expect(((await both.json()) as Problem).errors?.map((e) => e.field)).toEqual(["householdIds"]);
    const notVolunteer = await api("admin", "POST", `/api/v1/teams/${teamId}/members`, { userId: who.adminB.id });
    expect(notVolunteer.status).toBe(400);
    expect(((await notVolunteer.json()) as Problem).errors).toMatchObject([{ field: "userId", code: "not_eligible" }]);
  });

  it("opens an account for a new volunteer from the team page, who can sign in and is a member at once", async () => {
    const res = await who.admin.client.post(`/office/teams/${teamId}/volunteers`, {
      displayName: "Lò Thị Mới",
      username: "tnv.moi",
      phone: "0912000177",
      password: "mat-khau-dai-du",
      role: "volunteer",
    });
    expect(res.status).toBe(303);
    const again = await who.admin.client.post(`/office/teams/${teamId}/volunteers`, { displayName: "Trùng", username: "tnv.moi" });
    expect(again.status).toBe(400);
    const detail = (await (await api("admin", "GET", `/api/v1/teams/${teamId}`)).json()) as { members: { displayName: string }[] };
    expect(detail.members.map((m) => m.displayName)).toContain("Lò Thị Mới");
    const newcomer = new TestClient(t.app);
    await newcomer.signIn("tnv.moi", "mat-khau-dai-du");
    expect((await newcomer.get("/office/my-households")).status).toBe(200);
    // A team leader does not open accounts from the team page.
    expect((await api("leader", "POST", `/api/v1/teams/${teamId}/volunteers`, { username: "tnv.khac", displayName: "Khác" })).status).toBe(403);
  });

  it("gives a removed member's households back to the team; the member then sees none", async () => {
    const res = await api("admin", "DELETE", `/api/v1/teams/${teamId}/members/${who.volunteer.id}`);
    expect(await res.json()).toEqual({ returned: 2 });
    expect(await (await who.volunteer.client.get("/office/my-households")).text()).not.toContain(households[0]!.address);
    const list = (await (await api("admin", "GET", `/api/v1/teams/${teamId}/households`)).json()) as {
      items: { householdId: string; memberUserId: string | null }[];
    };
    expect(list.items.filter((h) => h.householdId === households[0]!.id || h.householdId === households[1]!.id).map((h) => h.memberUserId)).toEqual([
      null,
      null,
    ]);
  });
});
