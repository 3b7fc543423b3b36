// The registry core against a real database: households and residents written with versions, moves kept, the search
// (no diacritics, phone, ID number, flags), who may read what (404 outside), an audit entry per read, and bad input.
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../test/support/client.ts";
import { acting } from "../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { AppError } from "../../platform/http/app-error.ts";
import { createHousehold, getHousehold, getResident, moveResident, searchResidents, updateHousehold, updateResident } from "./index.ts";

describeDb("the household registry", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;
  let village2: string;
  let officer: Awaited<ReturnType<typeof acting>>;
  let officerUser: { id: string; username: string };

  const api = async (client: TestClient, method: string, path: string, body?: unknown) =>
    client.request(path, {
      method,
      headers: { "content-type": "application/json", "x-csrf-token": client.csrfToken },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const reads = async (type: string, id: string | null) =>
    (
      await t.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'personalData.read' AND target_type = $1 AND target_id IS NOT DISTINCT FROM $2",
        [type, id],
      )
    ).rows[0]!.n;
  const expectError = async (p: Promise<unknown>, status: number, field?: string) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(status);
    if (field) expect((err as AppError).fields.map((f) => f.field)).toContain(field);
  };

  beforeAll(async () => {
    t = app();
    village = await buildRegistryVillage(t.deps);
    village2 = await buildRegistryVillage(t.deps);
    officerUser = await buildUser(t.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    officer = await acting(t.deps, officerUser);
  });

  it("creates a household with its members, the head first, and publishes the writes to the audit log", async () => {
    const { id, residentIds } = await createHousehold(t.deps, officer, {
      villageCode: village,
      address: "Số 5, Thôn Phú Hà",
      poverty: "near_poor",
      members: [
        { fullName: "Hoàng Văn Đức", birthYear: 1950, relationToHead: "other", flags: ["elderly_alone"] },
        { fullName: "Lò Thị Mai", birthDate: "1990-03-04", sex: "female", relationToHead: "child", phone: "0912345678" },
      ],
    });
    const v = await getHousehold(t.deps, officer, id);
    expect(v.household.headId).toBe(residentIds[0]);
    expect(v.household.version).toBe(1);
    expect(v.members.map((m) => [m.fullName, m.relationToHead, m.searchName])).toEqual([
      ["Hoàng Văn Đức", "head", "hoang van duc"],
      ["Lò Thị Mai", "child", "lo thi mai"],
    ]);
    expect(v.members[1]!.birthYear).toBe(1990);
    const events = await t.db.query("SELECT action FROM audit_log WHERE target_id = ANY($1) ORDER BY seq", [[id, ...residentIds]]);
    expect(events.rows.map((r) => r.action)).toEqual(["household.created", "resident.created", "resident.created", "personalData.read"]);
  });

  it("refuses a stale version with a 409 naming version, and keeps the saved change", async () => {
    const h = await buildHousehold(t.deps, { villageCode: village });
    expect(await updateHousehold(t.deps, officer, h.id, { version: 1, address: "Số 9", poverty: "poor" })).toEqual({ version: 2 });
    await expectError(updateHousehold(t.deps, officer, h.id, { version: 1, address: "Số 10" }), 409, "version");
    const v = await getHousehold(t.deps, officer, h.id);
    expect([v.household.address, v.household.poverty, v.household.version]).toEqual(["Số 9", "poor", 2]);
    const r = v.members[0]!;
    expect(
      await updateResident(t.deps, officer, r.id, { version: r.version, fullName: "Trần Thị Bích", phone: "0987654321", flags: ["no_smartphone"] }),
    ).toEqual({
      version: r.version + 1,
    });
    await expectError(updateResident(t.deps, officer, r.id, { version: r.version, fullName: "X" }), 409, "version");
    const after = await getResident(t.deps, officer, r.id);
    expect([after.resident.fullName, after.resident.searchName, after.resident.phone, after.resident.flags]).toEqual([
      "Trần Thị Bích",
      "tran thi bich",
      "0987654321",
      ["no_smartphone"],
    ]);
  });

  it("moves a person to another household and village, keeping the history, and dissolves a household left empty", async () => {
    const from = await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Người Ở Một Mình" }] });
    const to = await buildHousehold(t.deps, { villageCode: village2 });
    const rid = from.residentIds[0]!;
    await moveResident(t.deps, officer, rid, { version: 1, kind: "household", toHouseholdId: to.id, relationToHead: "spouse", reason: "Kết hôn" });
    const r = await getResident(t.deps, officer, rid);
    expect([r.resident.householdId, r.resident.villageCode, r.resident.relationToHead]).toEqual([to.id, village2, "spouse"]);
    expect(r.moves.map((m) => [m.fromHouseholdId, m.toHouseholdId, m.fromVillageCode, m.toVillageCode, m.reason])).toEqual([
      [from.id, to.id, village, village2, "Kết hôn"],
    ]);
    expect((await getHousehold(t.deps, officer, from.id)).household.archivedAt).not.toBeNull();
    expect((await getHousehold(t.deps, officer, to.id)).members.map((m) => m.id)).toContain(rid);
    // Then to a new household of their own, then away: three moves, newest first.
    await moveResident(t.deps, officer, rid, { version: 2, kind: "newHousehold", toVillageCode: village, address: "Số 77" });
    await moveResident(t.deps, officer, rid, { version: 3, kind: "away" });
    const gone = await getResident(t.deps, officer, rid);
    expect(gone.resident.householdId).toBeNull();
    expect(gone.moves.map((m) => m.toVillageCode)).toEqual([null, village, village2]);
  });

  it("makes a head hand over before leaving a household with others in it", async () => {
    const h = await buildHousehold(t.deps, { villageCode: village, members: [{}, {}] });
    await expectError(moveResident(t.deps, officer, h.residentIds[0]!, { version: 1, kind: "away" }), 409);
  });

  it("finds people by name without diacritics, phone, ID number, head and flag, a page at a time, auditing each page", async () => {
    const v = await buildRegistryVillage(t.deps);
    const h = await buildHousehold(t.deps, {
      villageCode: v,
      poverty: "poor",
      members: [
        { fullName: "Nguyễn Thị Hương", phone: "0911222333", citizenIdNumber: "015190001234", birthYear: 1990, sex: "female" },
        { fullName: "Nguyễn Văn Hưởng", flags: ["disability"] },
        { fullName: "Phạm Đức Hương" },
      ],
    });
    const search = (q: Record<string, unknown>) => searchResidents(t.deps, officer, { village: v, limit: 50, ...q });
    const names = async (q: Record<string, unknown>) => (await search(q)).items.map((r) => r.fullName);
    expect(await names({ q: "nguyen thi huong" })).toEqual(["Nguyễn Thị Hương"]);
    expect(await names({ q: "huong" })).toEqual(["Nguyễn Thị Hương", "Nguyễn Văn Hưởng", "Phạm Đức Hương"]);
    expect(await names({ q: "+84 911 222 333" })).toEqual(["Nguyễn Thị Hương"]);
    expect(await names({ q: "015 190 001234" })).toEqual(["Nguyễn Thị Hương"]);
    expect(await names({ heads: true })).toEqual(["Nguyễn Thị Hương"]);
    expect(await names({ flag: "disability" })).toEqual(["Nguyễn Văn Hưởng"]);
    expect((await names({ flag: "poor" })).length).toBe(3);
    const first = await search({ q: "huong", limit: 2 });
    expect(first.items.length).toBe(2);
    const second = await search({ q: "huong", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((r) => r.fullName)).toEqual(["Phạm Đức Hương"]);
    expect(second.nextCursor).toBeNull();
    const audited = await t.db.query(
      "SELECT details FROM audit_log WHERE action = 'personalData.read' AND target_type = 'residentSearch' ORDER BY seq DESC LIMIT 1",
    );
    expect(audited.rows[0]!.details).toMatchObject({ by: ["name"], village: v, residents: [h.residentIds[2]] });
    await expectError(search({ q: "a" }), 400, "q");
    await expectError(search({ cursor: "not-a-cursor" }), 400, "cursor");
  });

  it("shows a volunteer only their assignment and another commune's officer nothing: 404", async () => {
    const mine = await buildHousehold(t.deps, { villageCode: village });
    const other = await buildHousehold(t.deps, { villageCode: village });
    const volunteer = await acting(t.deps, await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", village]] }));
    const team = await buildTeam(t.deps, { villageCode: village, memberUserIds: [volunteer.actor.userId] });
    await assignHouseholds(t.deps, [mine.id], team.id, volunteer.actor.userId);
    expect((await getHousehold(t.deps, volunteer, mine.id)).household.id).toBe(mine.id);
    await expectError(getHousehold(t.deps, volunteer, other.id), 404);
    await expectError(getResident(t.deps, volunteer, other.residentIds[0]!), 404);
    const ids = (await searchResidents(t.deps, volunteer, { limit: 100 })).items.map((r) => r.householdId);
    expect(new Set(ids)).toEqual(new Set([mine.id]));
    const stranger = await acting(t.deps, await buildUser(t.deps, { roles: [["one_stop_officer", BAO_THANG]] }));
    await expectError(getHousehold(t.deps, stranger, mine.id), 404);
    await expectError(updateHousehold(t.deps, stranger, mine.id, { version: 1, address: "X" }), 404);
    await expectError(
      moveResident(t.deps, officer, mine.residentIds[0]!, { version: 1, kind: "household", toHouseholdId: "00000000-0000-0000-0000-000000000000" }),
      404,
    );
  });

  it("records one audit entry for each household and resident page and API read", async () => {
    const h = await buildHousehold(t.deps, { villageCode: village });
    const client = new TestClient(t.app);
    await client.signIn(officerUser.username, PASSWORD);
    expect((await client.get(`/office/registry/households/${h.id}`)).status).toBe(200);
    expect(await reads("household", h.id)).toBe(1);
    expect((await client.get(`/office/registry/residents/${h.residentIds[0]}`)).status).toBe(200);
    expect((await client.get(`/api/v1/residents/${h.residentIds[0]}`)).status).toBe(200);
    expect(await reads("resident", h.residentIds[0]!)).toBe(2);
    const page = await client.get(`/office/registry?commune=${GIA_PHU}&village=${village}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers bad input in the API and the office with a 4xx naming the field, in Vietnamese and English, never a 500", async () => {
    const client = new TestClient(t.app);
    await client.signIn(officerUser.username, PASSWORD);
    const member = { fullName: "Đặng Văn Tú", birthYear: 1985 };
    const bad = async (body: unknown, field: string, lang = "vi") => {
      const res = await client.request("/api/v1/households", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": client.csrfToken, "accept-language": lang },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
      return problem.errors.find((e) => e.field === field)!.message;
    };
    expect(await bad({ villageCode: village, address: "Số 1", members: [{ ...member, phone: "12345" }] }, "members.0.phone")).toContain("Trường");
    expect(
      await bad({ villageCode: village, address: "Số 1", members: [{ ...member, citizenIdNumber: "999999999999" }] }, "members.0.citizenIdNumber", "en"),
    ).toContain("Field");
    await bad({ villageCode: village, address: "Số 1", members: [{ fullName: "Không Năm" }] }, "members.0.birthYear");
    await bad({ villageCode: village, address: "Số 1", members: [] }, "members");
    await bad({ villageCode: "nope", address: "Số 1", members: [member] }, "villageCode");
    const created = await api(client, "POST", "/api/v1/households", { villageCode: village, address: "Số 1", members: [member] });
    expect(created.status).toBe(201);
    const h = (await created.json()) as { id: string; version: number; members: { id: string }[] };
    const stale = await api(client, "PATCH", `/api/v1/households/${h.id}`, { version: 99, address: "Số 2" });
    expect(stale.status).toBe(409);
    expect((await stale.json()) as object).toMatchObject({ currentVersion: 1, errors: [{ field: "version" }] });
    const move = await api(client, "POST", `/api/v1/residents/${h.members[0]!.id}/move`, { version: 1, kind: "household" });
    expect(move.status).toBe(400);
    expect(((await move.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("toHouseholdId");
    expect((await api(client, "GET", "/api/v1/households/not-a-uuid")).status).toBe(400);
    expect((await client.get("/office/registry/households/not-a-uuid")).status).toBe(404);
    // The office form: errors beside the fields, nothing saved.
    const before = (await t.db.query("SELECT count(*)::int AS n FROM households")).rows[0]!.n;
    const form = await client.post("/office/registry/households/new", {
      villageCode: village,
      address: "",
      "members.0.fullName": "Vi Văn Sơn",
      "members.0.birthDate": "31/02/1980",
      "members.1.fullName": "Vi Thị Hoa",
      "members.1.phone": "abc",
    });
    expect(form.status).toBe(400);
    const html = await form.text();
    expect(html).toContain('href="#f-address"');
    expect(html).toContain('href="#f-members-0-birthDate"');
    expect(html).toContain('href="#f-members-1-birthYear"');
    expect(html).toContain('href="#f-members-1-phone"');
    expect((await t.db.query("SELECT count(*)::int AS n FROM households")).rows[0]!.n).toBe(before);
    const ok = await client.post("/office/registry/households/new", {
      villageCode: village,
      address: "Số 3",
      "members.0.fullName": "Vi Văn Sơn",
      "members.0.birthYear": "1980",
      // What a browser also sends: the untouched member blocks with their preselected relation.
      "members.1.relationToHead": "spouse",
      "members.1.fullName": "",
      "members.2.relationToHead": "spouse",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toMatch(/^\/office\/registry\/households\/[0-9a-f-]{36}$/);
    // The resident's edit form: an emptied name is refused beside its field; a stale version shows the latest.
    const page = await client.get(ok.headers.get("location")!);
    const rid = /\/office\/registry\/residents\/([0-9a-f-]{36})/.exec(await page.text())![1]!;
    const emptied = await client.post(`/office/registry/residents/${rid}`, { version: "1", fullName: "", birthYear: "1980" });
    expect(emptied.status).toBe(400);
    expect(await emptied.text()).toContain('href="#f-fullName"');
    const saved = await client.post(`/office/registry/residents/${rid}`, {
      version: "1",
      fullName: "Vi Văn Sơn",
      birthYear: "1981",
      phone: "0912 345 679",
      flags: "disability",
    });
    expect(saved.status).toBe(303);
    const staleForm = await client.post(`/office/registry/residents/${rid}`, { version: "1", fullName: "Vi Văn Sờn", birthYear: "1981" });
    expect(staleForm.status).toBe(409);
    const r = await getResident(t.deps, officer, rid);
    expect([r.resident.fullName, r.resident.birthYear, r.resident.phone, r.resident.flags, r.resident.version]).toEqual([
      "Vi Văn Sơn",
      1981,
      "0912345679",
      ["disability"],
      2,
    ]);
    const moved = await client.post(`/office/registry/residents/${rid}/move`, { version: "2", "move.kind": "newHousehold", "move.toVillageCode": village2 });
    expect(moved.status).toBe(400);
    expect(await moved.text()).toContain('href="#f-move-address"');
  });
});
