// The field sync protocol over HTTP, as the field app uses it: a session cookie and the CSRF header.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { json, TestClient } from "../../../../test/support/client.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";

type Result = {
  itemId: string;
  outcome: string;
  firstOutcome?: string;
  status?: number;
  error?: { field: string; message: string };
  conflictId?: string;
  version?: number;
};
type SyncAnswer = {
  batchId: string;
  results: Result[];
  households: { id: string; version: number; address: string; lastVisitOn: string | null; residents: { id: string; skills: string[] }[] }[];
};

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
]);

describeDb("field sync over HTTP", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;
  let leader: { id: string; username: string };
  let volunteer: { id: string; username: string };
  let other: { id: string; username: string };
  let mine: Awaited<ReturnType<typeof buildHousehold>>[];
  let notMine: Awaited<ReturnType<typeof buildHousehold>>;
  let teamId: string;

  const signedIn = async (user: { username: string }) => {
    const c = new TestClient(t.app);
    await c.signIn(user.username, PASSWORD);
    return c;
  };
  const sync = async (c: TestClient, body: unknown) => c.request("/api/v1/field/sync", json(body, { [CSRF_HEADER]: c.csrfToken }));
  const visitItem = (householdId: string, over: Record<string, unknown> = {}) => ({
    itemId: randomUUID(),
    kind: "visit",
    visit: {
      id: randomUUID(),
      householdId,
      visitedOn: "2026-11-20",
      present: [],
      skills: [],
      outcome: "helped",
      recordedAt: "2026-11-20T09:00:00+07:00",
      ...over,
    },
  });
  const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
  const visitsOf = (userId: string) => count("visits WHERE volunteer_user_id = $1", [userId]);

  beforeAll(async () => {
    t = app();
    village = await buildRegistryVillage(t.deps);
    leader = await buildUser(t.deps, { kind: "volunteer", roles: [["team_leader", village]] });
    volunteer = await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", village]] });
    other = await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", village]] });
    teamId = (await buildTeam(t.deps, { villageCode: village, leaderUserId: leader.id, memberUserIds: [volunteer.id, other.id] })).id;
    mine = [];
    for (let i = 0; i < 4; i++)
      mine.push(await buildHousehold(t.deps, { villageCode: village, members: [{ citizenIdNumber: `0010900${String(i).padStart(5, "0")}` }, {}] }));
    notMine = await buildHousehold(t.deps, { villageCode: village });
    await assignHouseholds(
      t.deps,
      mine.map((h) => h.id),
      teamId,
      volunteer.id,
    );
    await assignHouseholds(t.deps, [notMine.id], teamId, other.id);
  });

  it("applies a batch of 3 visits once; the same batch replayed answers duplicate and changes nothing", async () => {
    const c = await signedIn(volunteer);
    const h = mine[0]!;
    const items = [
      visitItem(h.id, { present: [h.residentIds[0]], skills: [{ residentId: h.residentIds[0], skillKey: "vneid_level2", confirmed: "seen" }] }),
      visitItem(mine[1]!.id, { outcome: "not_home" }),
      visitItem(mine[2]!.id, { notes: "Hẹn quay lại", outcome: "follow_up", nextStep: "Cài VNeID" }),
    ];
    const body = { batchId: randomUUID(), items };
    const before = { visits: await visitsOf(volunteer.id), audit: await count("audit_log WHERE action = 'visit.recorded'") };
    const first = await sync(c, body);
    expect(first.status).toBe(200);
    const answer = (await first.json()) as SyncAnswer;
    expect(answer.results.map((r) => [r.itemId, r.outcome])).toEqual(items.map((i) => [i.itemId, "applied"]));
    expect(await visitsOf(volunteer.id)).toBe(before.visits + 3);
    expect(await count("audit_log WHERE action = 'visit.recorded'")).toBe(before.audit + 3);
    expect(answer.households.find((x) => x.id === h.id)).toMatchObject({ lastVisitOn: "2026-11-20" });
    expect(answer.households.find((x) => x.id === h.id)?.residents.find((r) => r.id === h.residentIds[0])?.skills).toEqual(["vneid_level2"]);
    const skill = await t.db.query("SELECT method, confirmed_by, visit_id FROM resident_skills WHERE resident_id = $1", [h.residentIds[0]]);
    expect(skill.rows).toEqual([{ method: "seen", confirmed_by: volunteer.id, visit_id: items[0]!.visit.id }]);

    const replay = (await (await sync(c, body)).json()) as SyncAnswer;
    expect(replay.results.map((r) => [r.outcome, r.firstOutcome])).toEqual([
      ["duplicate", "applied"],
      ["duplicate", "applied"],
      ["duplicate", "applied"],
    ]);
    expect(await visitsOf(volunteer.id)).toBe(before.visits + 3);
    expect(await count("audit_log WHERE action = 'visit.recorded'")).toBe(before.audit + 3);
    expect(await count("sync_items WHERE batch_id = $1", [body.batchId])).toBe(3);

    // A self-declaration later never replaces a skill someone saw.
    await sync(c, {
      batchId: randomUUID(),
      items: [visitItem(h.id, { skills: [{ residentId: h.residentIds[0], skillKey: "vneid_level2", confirmed: "self_declared" }] })],
    });
    expect((await t.db.query("SELECT method FROM resident_skills WHERE resident_id = $1", [h.residentIds[0]])).rows).toEqual([{ method: "seen" }]);
  });

  it("checks a visit's skills against the checklist: an unknown key rejects that item only (422 naming it)", async () => {
    const c = await signedIn(volunteer);
    const h = mine[1]!;
    const [a, b] = [h.residentIds[0]!, h.residentIds[1] ?? h.residentIds[0]!];
    const before = await count("audit_log WHERE action = 'skill.confirmed'");
    const items = [
      // The same person's skill twice in one batch, self-declared then seen: one record, seen.
      visitItem(h.id, { skills: [{ residentId: a, skillKey: "online_shopping", confirmed: "self_declared" }] }),
      visitItem(h.id, { skills: [{ residentId: b, skillKey: "vneid2", confirmed: "seen" }] }),
      visitItem(h.id, { skills: [{ residentId: a, skillKey: "online_shopping", confirmed: "seen" }] }),
    ];
    const answer = (await (await sync(c, { batchId: randomUUID(), items })).json()) as SyncAnswer;
    expect(answer.results.map((r) => [r.outcome, r.status ?? null])).toEqual([
      ["applied", null],
      ["rejected", 422],
      ["applied", null],
    ]);
    expect(answer.results[1]?.error?.field).toBe("items[1].visit.skills[0].skillKey");
    const rows = await t.db.query("SELECT skill_key, method, visit_id FROM resident_skills WHERE resident_id = $1 AND skill_key = 'online_shopping'", [a]);
    expect(rows.rows).toEqual([{ skill_key: "online_shopping", method: "seen", visit_id: items[2]!.visit.id }]);
    expect(await count("resident_skills WHERE skill_key = 'vneid2'")).toBe(0);
    expect(await count("audit_log WHERE action = 'skill.confirmed'")).toBe(before + 1);
  });

  it("resumes a batch cut halfway: the first 2 items, then all 5, record 5 visits exactly once", async () => {
    const c = await signedIn(volunteer);
    const items = [0, 1, 2, 3, 4].map((i) => visitItem(mine[i % 4]!.id, { visitedOn: `2026-11-1${i}` }));
    const batchId = randomUUID();
    const before = await visitsOf(volunteer.id);
    const cut = (await (await sync(c, { batchId, items: items.slice(0, 2) })).json()) as SyncAnswer;
    expect(cut.results.map((r) => r.outcome)).toEqual(["applied", "applied"]);
    const whole = (await (await sync(c, { batchId, items })).json()) as SyncAnswer;
    expect(whole.results.map((r) => r.outcome)).toEqual(["duplicate", "duplicate", "applied", "applied", "applied"]);
    expect(await visitsOf(volunteer.id)).toBe(before + 5);
    expect(await count("visits WHERE id = ANY($1::uuid[])", [items.map((i) => i.visit.id)])).toBe(5);
    // The same visit queued again under a new item id is still one visit.
    const again = (await (await sync(c, { batchId: randomUUID(), items: [{ ...items[4]!, itemId: randomUUID() }] })).json()) as SyncAnswer;
    expect(again.results[0]?.outcome).toBe("duplicate");
    expect(await visitsOf(volunteer.id)).toBe(before + 5);
  });

  it("rejects with 404 an item about a household not assigned to the sender (or not there), and applies the others", async () => {
    const c = await signedIn(volunteer);
    const before = await visitsOf(volunteer.id);
    const items = [visitItem(mine[3]!.id), visitItem(notMine.id), visitItem(randomUUID()), visitItem(mine[3]!.id)];
    const answer = (await (await sync(c, { batchId: randomUUID(), items })).json()) as SyncAnswer;
    expect(answer.results.map((r) => [r.outcome, r.status ?? null])).toEqual([
      ["applied", null],
      ["rejected", 404],
      ["rejected", 404],
      ["applied", null],
    ]);
    expect(answer.results[1]?.error).toEqual({ field: "items[1].visit.householdId", message: expect.stringContaining("items[1].visit.householdId") });
    // The same answer whether the household is someone else's or does not exist.
    expect(answer.results[2]?.error?.message).toBe(answer.results[1]?.error?.message.replace("items[1]", "items[2]"));
    expect(await visitsOf(volunteer.id)).toBe(before + 2);
    expect(await count("visits WHERE household_id = $1", [notMine.id])).toBe(0);
    const edit = (await (
      await sync(c, {
        batchId: randomUUID(),
        items: [{ itemId: randomUUID(), kind: "household.update", householdId: notMine.id, baseVersion: 1, changes: { address: "X" } }],
      })
    ).json()) as SyncAnswer;
    expect(edit.results[0]).toMatchObject({ outcome: "rejected", status: 404 });
  });

  it("keeps a conflicting household edit from two people for the team leader, unchanged, and lets the leader settle it", async () => {
    const a = await signedIn(volunteer);
    const l = await signedIn(leader);
    const h = mine[1]!;
    const base = (await t.db.query<{ version: number; address: string }>("SELECT version, address FROM households WHERE id = $1", [h.id])).rows[0]!;
    const edit = (address: string) => ({
      batchId: randomUUID(),
      items: [{ itemId: randomUUID(), kind: "household.update", householdId: h.id, baseVersion: base.version, changes: { address, poverty: "poor" } }],
    });
    const first = (await (await sync(a, edit("Số 12, ngõ 3"))).json()) as SyncAnswer;
    expect(first.results[0]).toMatchObject({ outcome: "applied", version: base.version + 1 });
    const second = (await (await sync(l, edit("Số 14, ngõ 3"))).json()) as SyncAnswer;
    expect(second.results[0]).toMatchObject({ outcome: "conflict", version: base.version + 1 });
    const conflictId = second.results[0]!.conflictId!;
    const server = async () => (await t.db.query("SELECT version, address, poverty FROM households WHERE id = $1", [h.id])).rows[0];
    expect(await server()).toEqual({ version: base.version + 1, address: "Số 12, ngõ 3", poverty: "poor" });
    const row = (await t.db.query("SELECT status, proposed, server_state, base_version, server_version FROM sync_conflicts WHERE id = $1", [conflictId]))
      .rows[0];
    expect(row).toEqual({
      status: "open",
      proposed: { address: "Số 14, ngõ 3", poverty: "poor" },
      server_state: { address: "Số 12, ngõ 3", poverty: "poor" },
      base_version: base.version,
      server_version: base.version + 1,
    });

    // The volunteer cannot settle; the leader sees it, both sides, and takes the device's address.
    expect((await a.get(`/office/field/conflicts/${conflictId}`)).status).toBe(403);
    const list = await l.get("/office/field/conflicts");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`/office/field/conflicts/${conflictId}`);
    const page = await l.get(`/office/field/conflicts/${conflictId}`);
    const html = await page.text();
    expect(html).toContain("Số 12, ngõ 3");
    expect(html).toContain("Số 14, ngõ 3");
    const settled = await l.post(`/office/field/conflicts/${conflictId}`, {
      version: String(base.version + 1),
      "choice.address": "device",
      "choice.poverty": "server",
    });
    expect(settled.status).toBe(303);
    expect(await server()).toEqual({ version: base.version + 2, address: "Số 14, ngõ 3", poverty: "poor" });
    expect((await t.db.query("SELECT status, settled_by FROM sync_conflicts WHERE id = $1", [conflictId])).rows[0]).toEqual({
      status: "merged",
      settled_by: leader.id,
    });
    expect(await count("audit_log WHERE action = 'conflict.settled' AND target_id = $1", [conflictId])).toBe(1);
    // Settled once: a second post changes nothing.
    expect((await l.post(`/office/field/conflicts/${conflictId}`, { version: String(base.version + 2), "choice.address": "device" })).status).toBe(409);
    expect(await l.get("/office/field/conflicts").then((r) => r.text())).not.toContain(conflictId);
  });

  it("keeps a person's conflicting edit; a commune administrator keeps the server's values, once", async () => {
    const a = await signedIn(volunteer);
    const l = await signedIn(leader);
    const h = mine[3]!;
    const rid = h.residentIds[1]!;
    const base = (await t.db.query<{ version: number }>("SELECT version FROM residents WHERE id = $1", [rid])).rows[0]!.version;
    const edit = (changes: Record<string, unknown>) => ({
      batchId: randomUUID(),
      items: [{ itemId: randomUUID(), kind: "resident.update", residentId: rid, baseVersion: base, changes }],
    });
    expect(((await (await sync(a, edit({ birthYear: 1990, flags: ["disability"] }))).json()) as SyncAnswer).results[0]?.outcome).toBe("applied");
    const conflict = ((await (await sync(l, edit({ birthYear: 1991 }))).json()) as SyncAnswer).results[0]!;
    expect(conflict).toMatchObject({ outcome: "conflict", version: base + 1 });
    // Proposing what the server already holds is no conflict.
    expect(((await (await sync(l, edit({ birthYear: 1990 }))).json()) as SyncAnswer).results[0]).toMatchObject({ outcome: "applied", version: base + 1 });
    const admin = await signedIn(await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] }));
    const page = await admin.get(`/office/field/conflicts/${conflict.conflictId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("1991");
    const kept = await admin.post(`/office/field/conflicts/${conflict.conflictId}`, { version: String(base + 1), "choice.birthYear": "server" });
    expect(kept.status).toBe(303);
    expect((await t.db.query("SELECT birth_year, flags, version FROM residents WHERE id = $1", [rid])).rows[0]).toEqual({
      birth_year: 1990,
      flags: ["disability"],
      version: base + 1,
    });
    expect((await t.db.query("SELECT status FROM sync_conflicts WHERE id = $1", [conflict.conflictId])).rows[0]).toEqual({ status: "kept_server" });
    // Another village's team leader does not see it at all.
    const stranger = await buildUser(t.deps, { kind: "volunteer", roles: [["team_leader", await buildRegistryVillage(t.deps)]] });
    expect((await (await signedIn(stranger)).get(`/office/field/conflicts/${conflict.conflictId}`)).status).toBe(404);
  });

  it("answers a revoked volunteer 403 for the whole request, and applies nothing", async () => {
    const gone = await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", village]] });
    const c = await signedIn(gone);
    await t.db.query("DELETE FROM role_grants WHERE user_id = $1", [gone.id]);
    const res = await sync(c, { batchId: randomUUID(), items: [visitItem(mine[0]!.id)] });
    expect(res.status).toBe(403);
    expect(await visitsOf(gone.id)).toBe(0);
    expect(await count("sync_batches WHERE user_id = $1", [gone.id])).toBe(0);
    expect((await c.get("/api/v1/field/snapshot")).status).toBe(403);
  });

  it("answers a malformed batch 400 naming the field, and applies nothing", async () => {
    const c = await signedIn(volunteer);
    const before = await visitsOf(volunteer.id);
    const fieldsOf = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    };
    const items = [visitItem(mine[0]!.id), visitItem(mine[0]!.id), visitItem(mine[0]!.id), visitItem(mine[0]!.id, { visitedOn: "2026-02-30" })];
    expect(await fieldsOf(await sync(c, { batchId: randomUUID(), items }))).toEqual(["items[3].visit.visitedOn"]);
    expect(await fieldsOf(await sync(c, { batchId: "not-a-uuid", items: items.slice(0, 1) }))).toEqual(["batchId"]);
    expect(await fieldsOf(await sync(c, { batchId: randomUUID(), items: [{ ...visitItem(mine[0]!.id), kind: "dance" }] }))).toEqual(["items[0].kind"]);
    expect(await fieldsOf(await sync(c, { batchId: randomUUID(), items: Array.from({ length: 1001 }, () => visitItem(mine[0]!.id)) }))).toEqual(["items"]);
    expect(await fieldsOf(await sync(c, { batchId: randomUUID(), items: [] }))).toEqual(["items"]);
    const notJson = await c.request("/api/v1/field/sync", {
      method: "POST",
      body: "{items:",
      headers: { "content-type": "application/json", [CSRF_HEADER]: c.csrfToken },
    });
    expect(notJson.status).toBe(400);
    expect(await visitsOf(volunteer.id)).toBe(before);
  });

  it("rejects an item with bad data (a phone number, a person of another household) with 422 naming the field", async () => {
    const c = await signedIn(volunteer);
    const h = mine[2]!;
    const rv = (await t.db.query<{ version: number }>("SELECT version FROM residents WHERE id = $1", [h.residentIds[1]])).rows[0]!.version;
    const items = [
      { itemId: randomUUID(), kind: "resident.update", residentId: h.residentIds[1], baseVersion: rv, changes: { phone: "0123" } },
      visitItem(h.id, { present: [mine[0]!.residentIds[0]] }),
      {
        itemId: randomUUID(),
        kind: "resident.update",
        residentId: h.residentIds[1],
        baseVersion: rv,
        changes: { phone: "+84 912 345 678", fullName: "Lò Thị  Mai" },
      },
    ];
    const answer = (await (await sync(c, { batchId: randomUUID(), items })).json()) as SyncAnswer;
    expect(answer.results.map((r) => [r.outcome, r.status ?? null, r.error?.field ?? null])).toEqual([
      ["rejected", 422, "items[0].changes.phone"],
      ["rejected", 422, "items[1].visit.present[0]"],
      ["applied", null, null],
    ]);
    const person = (await t.db.query("SELECT phone, full_name, search_name, version FROM residents WHERE id = $1", [h.residentIds[1]])).rows[0];
    expect(person).toEqual({ phone: "0912345678", full_name: "Lò Thị Mai", search_name: "lo thi mai", version: rv + 1 });
  });

  it("creates a household found on the way, with members, assigned to the sender; and a person added to it", async () => {
    const c = await signedIn(volunteer);
    const id = randomUUID();
    const head = randomUUID();
    const items = [
      {
        itemId: randomUUID(),
        kind: "household.create",
        household: {
          id,
          villageCode: village,
          address: "Nhà mới, cuối ngõ 5",
          poverty: "near_poor",
          members: [
            { id: head, fullName: "Hoàng Văn Sáu", birthYear: 1970, sex: "male", relationToHead: "head", phone: "0987654321" },
            { id: randomUUID(), fullName: "Hoàng Thị Bảy", birthYear: 1999, relationToHead: "child", flags: ["no_smartphone"] },
          ],
        },
      },
      {
        itemId: randomUUID(),
        kind: "resident.create",
        resident: { id: randomUUID(), householdId: id, fullName: "Hoàng Văn Tám", birthYear: 2010, relationToHead: "grandchild" },
      },
      visitItem(id, { present: [head] }),
    ];
    const answer = (await (await sync(c, { batchId: randomUUID(), items })).json()) as SyncAnswer;
    expect(answer.results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied"]);
    expect(answer.households.find((h) => h.id === id)?.residents).toHaveLength(3);
    const row = (
      await t.db.query(
        "SELECT h.head_id, a.team_id, a.member_user_id FROM households h JOIN household_assignments a ON a.household_id = h.id WHERE h.id = $1",
        [id],
      )
    ).rows[0];
    expect(row).toEqual({ head_id: head, team_id: teamId, member_user_id: volunteer.id });
    // Another village's code, or one the sender is not granted: 404 like any household they may not see.
    const elsewhere = await buildRegistryVillage(t.deps);
    const stray = { ...(items[0] as { household: object }).household, id: randomUUID(), villageCode: elsewhere };
    const members = [{ id: randomUUID(), fullName: "Người Lạ", birthYear: 1980, relationToHead: "head" }];
    const bad = (await (
      await sync(c, { batchId: randomUUID(), items: [{ itemId: randomUUID(), kind: "household.create", household: { ...stray, members } }] })
    ).json()) as SyncAnswer;
    expect(bad.results[0]).toMatchObject({ outcome: "rejected", status: 404, error: { field: "items[0].household.villageCode" } });
    expect(await count("residents WHERE id = $1", [members[0]!.id])).toBe(0);
  });

  it("serves the snapshot of the assigned households only, without ID numbers, audited once", async () => {
    const c = await signedIn(volunteer);
    const seq = async () => Number((await t.db.query("SELECT coalesce(max(seq), 0) AS n FROM audit_log")).rows[0]!.n);
    const before = await seq();
    const res = await c.get("/api/v1/field/snapshot");
    expect(res.status).toBe(200);
    const text = await res.text();
    const snap = JSON.parse(text) as { csrfToken: string; households: { id: string }[]; villages: { code: string }[]; skills: { key: string }[] };
    expect(snap.households.map((h) => h.id)).toEqual(expect.arrayContaining(mine.map((h) => h.id)));
    expect(snap.households.map((h) => h.id)).not.toContain(notMine.id);
    expect(text).not.toContain("00109000000");
    expect(snap.csrfToken).toBe(c.csrfToken);
    expect(snap.villages.map((v) => v.code)).toContain(village);
    expect(snap.skills.map((s) => s.key)).toContain("vneid_level2");
    const reads = await t.db.query("SELECT target_type, actor_id FROM audit_log WHERE seq > $1 AND action = 'personalData.read'", [before]);
    expect(reads.rows).toEqual([{ target_type: "fieldSnapshot", actor_id: volunteer.id }]);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  describe("photos", () => {
    const upload = (c: TestClient, id: string, bytes: Uint8Array, name = "anh.png") => {
      const form = new FormData();
      form.set("id", id);
      form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
      return c.request("/api/v1/field/photos", { method: "POST", body: form, headers: { [CSRF_HEADER]: c.csrfToken } });
    };
    const fieldOf = async (res: Response) => ((await res.json()) as { errors: { field: string }[] }).errors[0]?.field;

    it("stores a photo once per id, and a visit names it", async () => {
      const c = await signedIn(volunteer);
      const id = randomUUID();
      const first = await upload(c, id, PNG);
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ id });
      const files = await count("stored_files WHERE owner_user_id = $1", [volunteer.id]);
      const again = await upload(c, id, PNG);
      expect(again.status).toBe(200);
      expect(await count("stored_files WHERE owner_user_id = $1", [volunteer.id])).toBe(files);
      const item = visitItem(mine[0]!.id, { photoId: id });
      const answer = (await (await sync(c, { batchId: randomUUID(), items: [item, visitItem(mine[0]!.id, { photoId: randomUUID() })] })).json()) as SyncAnswer;
      expect(answer.results.map((r) => [r.outcome, r.error?.field ?? null])).toEqual([
        ["applied", null],
        ["rejected", "items[1].visit.photoId"],
      ]);
      expect((await t.db.query("SELECT photo_file_id IS NOT NULL AS has FROM visits WHERE id = $1", [item.visit.id])).rows[0]).toEqual({ has: true });
    });

    it("refuses a file that is not an image (415) or too large (413), naming `file`", async () => {
      const c = await signedIn(volunteer);
      const text = await upload(c, randomUUID(), new TextEncoder().encode("<script>alert(1)</script>"), "x.png");
      expect(text.status).toBe(415);
      expect(await fieldOf(text)).toBe("file");
      const big = new Uint8Array(5 * 1024 * 1024 + 1);
      big.set(PNG);
      const large = await upload(c, randomUUID(), big);
      expect(large.status).toBe(413);
      expect(await fieldOf(large)).toBe("file");
      const none = await c.request("/api/v1/field/photos", {
        method: "POST",
        body: (() => {
          const f = new FormData();
          f.set("id", randomUUID());
          return f;
        })(),
        headers: { [CSRF_HEADER]: c.csrfToken },
      });
      expect(none.status).toBe(400);
      expect(await fieldOf(none)).toBe("file");
    });
  });

  it("lists a household's visits to those who see it, audited; 404 to others", async () => {
    const c = await signedIn(volunteer);
    const res = await c.get(`/api/v1/households/${mine[0]!.id}/visits`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { householdId: string; volunteer: { id: string } }[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((v) => v.householdId === mine[0]!.id && v.volunteer.id === volunteer.id)).toBe(true);
    expect((await c.get(`/api/v1/households/${notMine.id}/visits`)).status).toBe(404);
    const officer = await signedIn(await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] }));
    const page = await officer.get(`/office/visits?commune=${GIA_PHU}&village=${village}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Test ${volunteer.username}`);
  });
});
