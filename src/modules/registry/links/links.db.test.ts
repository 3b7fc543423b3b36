// Enter once: verified contacts propose links to residents, the person or an officer decides, and assisted filing
// from a household member's page arrives pre-filled from the registry.
import { beforeAll, expect, it } from "vitest";
import { json, TestClient } from "../../../../test/support/client.ts";
import { signedInByPhone, ssoCitizen, verifyPhone } from "../../../../test/support/citizen-factories.ts";
import { type Acting, acting, ONLINE_PROCEDURE, withCatalogue } from "../../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { aPdf } from "../../../../test/support/procedure-factories.ts";
import { assignHouseholds, buildHousehold, buildRegistryVillage, buildTeam } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../../platform/http/csrf.ts";
import { decideMyLink } from "../index.ts";

type LinkRow = { id: string; resident_id: string; matched_on: string; status: string; decided_how: string | null; decided_by: string | null };

describeDb("registry: enter once", () => {
  const app = useTestApp();
  let t: TestApp;
  let village: string;

  beforeAll(async () => {
    t = app();
    await withCatalogue(t.deps);
    village = await buildRegistryVillage(t.deps);
  });

  const linksOf = async (userId: string) =>
    (
      await t.db.query<LinkRow>(
        "SELECT id, resident_id, matched_on, status, decided_how, decided_by FROM resident_account_links WHERE user_id = $1 ORDER BY proposed_at, id",
        [userId],
      )
    ).rows;
  const userOfResident = async (residentId: string) =>
    (await t.db.query<{ user_id: string | null }>("SELECT user_id FROM residents WHERE id = $1", [residentId])).rows[0]!.user_id;
  const audited = async (action: string, targetId: string) =>
    (
      await t.db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY seq", [
        action,
        targetId,
      ])
    ).rows;
  const citizen = async () => {
    const user = await buildUser(t.deps, { kind: "citizen", roles: [["citizen", GIA_PHU]] });
    const client = new TestClient(t.app);
    await client.signIn(user.username, PASSWORD);
    return { user, who: await acting(t.deps, user), client };
  };
  const officer = async (role: "one_stop_officer" | "specialist", unit = GIA_PHU) => {
    const user = await buildUser(t.deps, { roles: [[role, unit]] });
    const client = new TestClient(t.app);
    await client.signIn(user.username, PASSWORD);
    return { user, client };
  };

  it("proposes a link to a citizen whose verified phone is a resident's, and their yes links them", async () => {
    const home = await buildHousehold(t.deps, {
      villageCode: village,
      address: "Số 7 đường Hoa Ban",
      members: [
        { fullName: "Lò Văn Sáng", birthYear: 1970, phone: "0912100001" },
        { fullName: "Lò Thị Mai", birthYear: 1972, relationToHead: "spouse", phone: "0912100099", citizenIdNumber: "010172001111" },
      ],
    });
    const me = await citizen();
    expect(await linksOf(me.user.id)).toEqual([]);
    await verifyPhone(t.deps, me.who, "0912100001");
    const [proposal] = await linksOf(me.user.id);
    expect(proposal).toMatchObject({ resident_id: home.residentIds[0], matched_on: "phone", status: "proposed" });
    expect(await audited("resident.linkProposed", home.residentIds[0]!)).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ linkId: proposal!.id, after: "citizenProfile.phoneVerified" }) }),
    ]);

    const asked = await (await me.client.get("/me/household")).text();
    expect(asked).toContain("Đây có phải là bạn không?");
    expect(asked).toContain("Lò Văn Sáng, sinh năm 1970");
    const yes = await me.client.post(`/me/household/links/${proposal!.id}`, { decision: "confirm" });
    expect(yes.status).toBe(303);
    expect(await userOfResident(home.residentIds[0]!)).toBe(me.user.id);
    expect((await linksOf(me.user.id))[0]).toMatchObject({ status: "confirmed", decided_how: "citizen", decided_by: me.user.id });
    expect(await audited("resident.linked", home.residentIds[0]!)).toHaveLength(1);

    const page = await me.client.get("/me/household");
    const html = await page.text();
    expect(html).toContain("Đã liên kết tài khoản của bạn với sổ hộ.");
    expect(html).toContain("Số 7 đường Hoa Ban");
    expect(html).toContain("Lò Thị Mai");
    expect(html).toContain("Vợ/chồng");
    // Another member's phone and ID number are never shown to them.
    expect(html).not.toContain("0912100099");
    expect(html).not.toContain("010172001111");
    // The API says the same.
    const api = (await (await me.client.get("/api/v1/me/household")).json()) as {
      household: { me: { residentId: string; phone: string }; members: Record<string, unknown>[] };
    };
    expect(api.household.me).toMatchObject({ residentId: home.residentIds[0], phone: "0912100001" });
    expect(api.household.members.map((m) => Object.keys(m).sort())).toEqual([
      ["fullName", "isHead", "isMe", "relationToHead"],
      ["fullName", "isHead", "isMe", "relationToHead"],
    ]);
    // The profile page leads there.
    expect(await (await me.client.get("/me/profile")).text()).toContain('href="/me/household"');
  });

  it("proposes a link when someone signs in by phone with a resident's number", async () => {
    const home = await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Lý Thị Sen", birthYear: 1999, phone: "0912100008" }] });
    const client = await signedInByPhone(t, "0912100008");
    const me = (await (await client.get("/api/v1/me/household")).json()) as { proposals: { linkId: string; fullName: string; matchedOn: string }[] };
    expect(me.proposals).toEqual([expect.objectContaining({ fullName: "Lý Thị Sen", matchedOn: "phone" })]);
    const decided = await client.request(`/api/v1/me/household/link/${me.proposals[0]!.linkId}`, {
      ...json({ decision: "confirm" }),
      headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken },
    });
    expect(decided.status).toBe(200);
    expect(await decided.json()).toMatchObject({ residentId: home.residentIds[0], status: "confirmed" });
    // Entered once: the profile phone sign-in left empty, their own application takes the name from the registry.
    const form = await (await client.get(`/dossiers/new?procedure=${ONLINE_PROCEDURE.code}`)).text();
    expect(form).toMatch(/name="applicant\.fullName"[^>]*value="Lý Thị Sen"/);
    expect(form).toMatch(/name="applicant\.phone"[^>]*value="0912100008"/);
  });

  it("links nothing on a no, and never proposes the same person again", async () => {
    const home = await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Vàng A Dính", birthYear: 1985, phone: "0912100002" }] });
    const me = await citizen();
    await verifyPhone(t.deps, me.who, "0912100002");
    const [proposal] = await linksOf(me.user.id);
    const no = await me.client.post(`/me/household/links/${proposal!.id}`, { decision: "reject" });
    expect(no.status).toBe(303);
    expect(await userOfResident(home.residentIds[0]!)).toBeNull();
    // Signing in again (a new session) proposes nothing new.
    await new TestClient(t.app).signIn(me.user.username, PASSWORD);
    expect(await linksOf(me.user.id)).toEqual([expect.objectContaining({ id: proposal!.id, status: "rejected", decided_how: "citizen" })]);
    // Deciding again is a conflict; another citizen's link is not found.
    const again = await me.client.post(`/me/household/links/${proposal!.id}`, { decision: "confirm" });
    expect(again.status).toBe(409);
    const other = await citizen();
    expect((await other.client.post(`/me/household/links/${proposal!.id}`, { decision: "confirm" })).status).toBe(404);
    expect((await me.client.post(`/me/household/links/${proposal!.id}`, { decision: "maybe" })).status).toBe(400);
  });

  it("proposes nothing for a phone only typed in a profile, at sign-in or after", async () => {
    await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Giàng Thị Pà", birthYear: 1990, phone: "0912100003" }] });
    const me = await citizen();
    const saved = await me.client.post("/me/profile", {
      fullName: "Giàng Thị Pà",
      birthDate: "01/02/1990",
      citizenIdNumber: "010190009999",
      address: "Thôn Phú Hà",
      phone: "0912100003",
      email: "",
    });
    expect(saved.status).toBe(303);
    await new TestClient(t.app).signIn(me.user.username, PASSWORD);
    expect(await linksOf(me.user.id)).toEqual([]);
    expect(await (await me.client.get("/me/household")).text()).toContain("Chưa tìm thấy bạn trong sổ hộ");
  });

  it("matches an SSO citizen by their verified ID number first, whatever the phone says", async () => {
    const home = await buildHousehold(t.deps, {
      villageCode: village,
      members: [
        { fullName: "Hoàng Văn Tú", birthYear: 1988, citizenIdNumber: "010088004444", phone: "0912100004" },
        { fullName: "Hoàng Thị Hoa", birthYear: 1990, relationToHead: "spouse", phone: "0912100004" },
      ],
    });
    const me = await ssoCitizen(t.deps, { citizenIdNumber: "010088004444", name: "Hoàng Văn Tú" });
    expect(await linksOf(me.actor.userId)).toEqual([expect.objectContaining({ resident_id: home.residentIds[0], matched_on: "id_number" })]);
    // Verifying the shared family phone adds nothing: the ID number already said who this is.
    await verifyPhone(t.deps, me, "0912100004");
    expect(await linksOf(me.actor.userId)).toHaveLength(1);
  });

  it("lets an officer who manages the household confirm or reject; one who only reads it may not; another commune's finds nothing", async () => {
    const home = await buildHousehold(t.deps, {
      villageCode: village,
      members: [
        { fullName: "Sùng Văn Lử", birthYear: 1960, phone: "0912100005" },
        { fullName: "Sùng Thị Dợ", birthYear: 1995, relationToHead: "child", phone: "0912100006" },
      ],
    });
    const [father, daughter] = home.residentIds as [string, string];
    const one = await citizen();
    const two = await citizen();
    await verifyPhone(t.deps, one.who, "0912100005");
    await verifyPhone(t.deps, two.who, "0912100006");
    const [link] = await linksOf(one.user.id);
    const [link2] = await linksOf(two.user.id);

    const desk = await officer("one_stop_officer");
    const specialist = await officer("specialist");
    const elsewhere = await officer("one_stop_officer", BAO_THANG);
    const page = await desk.client.get(`/office/registry/residents/${father}/link`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Chờ xác nhận");
    expect(html).toContain(`name="linkId" value="${link!.id}"`);
    expect((await elsewhere.client.get(`/office/registry/residents/${father}/link`)).status).toBe(404);
    expect((await elsewhere.client.post(`/office/registry/residents/${father}/link`, { linkId: link!.id, decision: "confirm" })).status).toBe(404);
    expect((await specialist.client.post(`/office/registry/residents/${father}/link`, { linkId: link!.id, decision: "confirm" })).status).toBe(403);
    // A link of another resident is not this resident's to decide.
    expect((await desk.client.post(`/office/registry/residents/${father}/link`, { linkId: link2!.id, decision: "confirm" })).status).toBe(404);
    expect(await userOfResident(father)).toBeNull();

    const confirmed = await desk.client.post(`/office/registry/residents/${father}/link`, { linkId: link!.id, decision: "confirm" });
    expect(confirmed.status).toBe(303);
    expect(await userOfResident(father)).toBe(one.user.id);
    expect((await linksOf(one.user.id))[0]).toMatchObject({ status: "confirmed", decided_how: "officer", decided_by: desk.user.id });
    expect(await (await desk.client.get(`/office/registry/residents/${father}/link`)).text()).toContain("Đã liên kết");
    const status = await desk.client.get(`/api/v1/residents/${father}/link`);
    expect(await status.json()).toMatchObject({
      account: { userId: one.user.id },
      links: [{ id: link!.id, status: "confirmed", decidedHow: "officer" }],
      canDecide: true,
    });
    expect((await elsewhere.client.get(`/api/v1/residents/${father}/link`)).status).toBe(404);

    // Through the API: the daughter's proposal rejected by the officer.
    const api = await desk.client.request(`/api/v1/residents/${daughter}/link`, {
      ...json({ linkId: link2!.id, decision: "reject" }),
      headers: { "content-type": "application/json", [CSRF_HEADER]: desk.client.csrfToken },
    });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ id: link2!.id, status: "rejected" });
    expect(await userOfResident(daughter)).toBeNull();
    const bad = await desk.client.request(`/api/v1/residents/${daughter}/link`, {
      ...json({ linkId: link2!.id, decision: "perhaps" }),
      headers: { "content-type": "application/json", [CSRF_HEADER]: desk.client.csrfToken },
    });
    expect(bad.status).toBe(400);
  });

  it("opens assisted filing for a volunteer's assigned households only", async () => {
    const mine = await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Thào A Chứ", birthYear: 1950 }] });
    const notMine = await buildHousehold(t.deps, { villageCode: village, members: [{ fullName: "Thào Thị Sua", birthYear: 1952 }] });
    const volunteerUser = await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", village]] });
    const team = await buildTeam(t.deps, { villageCode: village, memberUserIds: [volunteerUser.id] });
    await assignHouseholds(t.deps, [mine.id], team.id, volunteerUser.id);
    const volunteer = new TestClient(t.app);
    await volunteer.signIn(volunteerUser.username, PASSWORD);

    expect((await volunteer.get(`/office/registry/residents/${notMine.residentIds[0]}/assist`)).status).toBe(404);
    expect((await volunteer.get(`/dossiers/new?procedure=${ONLINE_PROCEDURE.code}&resident=${notMine.residentIds[0]}`)).status).toBe(404);
    const picker = await volunteer.get(`/office/registry/residents/${mine.residentIds[0]}/assist`);
    expect(picker.status).toBe(200);
    expect(await picker.text()).toContain(`href="/dossiers/new?procedure=${ONLINE_PROCEDURE.code}&amp;resident=${mine.residentIds[0]}"`);
    const chosen = await volunteer.get(`/office/registry/residents/${mine.residentIds[0]}/assist?procedure=${ONLINE_PROCEDURE.code}`);
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get("location")).toBe(`/dossiers/new?procedure=${ONLINE_PROCEDURE.code}&resident=${mine.residentIds[0]}`);
    // Seeing a household is not filing for it: a specialist reads the registry but does not assist.
    const specialist = await officer("specialist");
    expect((await specialist.client.get(`/office/registry/residents/${mine.residentIds[0]}/assist`)).status).toBe(403);
  });

  it("pre-fills the assisted form from the registry, and the filed dossier carries the applicant, the consent and the linked owner", async () => {
    const home = await buildHousehold(t.deps, {
      villageCode: village,
      address: "Số 12 đường Mường Hoa",
      members: [{ fullName: "Đỗ Văn Nam", birthDate: "1990-05-12", sex: "male", citizenIdNumber: "010090001234", phone: "0912100007" }],
    });
    const resident = home.residentIds[0]!;
    const owner = await citizen();
    await verifyPhone(t.deps, owner.who, "0912100007");
    await decideMyLink(t.deps, owner.who as Acting, (await linksOf(owner.user.id))[0]!.id, "confirm");

    const volunteerUser = await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", village]] });
    const team = await buildTeam(t.deps, { villageCode: village, memberUserIds: [volunteerUser.id] });
    await assignHouseholds(t.deps, [home.id], team.id, volunteerUser.id);
    const volunteer = new TestClient(t.app);
    await volunteer.signIn(volunteerUser.username, PASSWORD);

    const res = await volunteer.get(`/dossiers/new?procedure=${ONLINE_PROCEDURE.code}&resident=${resident}`);
    expect(res.status).toBe(200);
    const form = await res.text();
    const typed = (name: string) => new RegExp(`name="${name.replace(".", "\\.")}"[^>]*value="([^"]*)"`).exec(form)?.[1];
    expect(typed("applicant.fullName")).toBe("Đỗ Văn Nam");
    expect(typed("applicant.birthDate")).toBe("12/05/1990");
    expect(typed("applicant.citizenIdNumber")).toBe("010090001234");
    expect(typed("applicant.phone")).toBe("0912100007");
    expect(form).toMatch(/name="applicant\.address"[^>]*>Số 12 đường Mường Hoa, Thôn /);
    expect(form).toMatch(/<option value="male" selected/);
    expect(form).toMatch(new RegExp(`<option value="${GIA_PHU}" selected`));
    expect(typed("residentId")).toBe(resident);
    expect(form).toContain("Thông tin người nộp lấy từ sổ hộ gia đình của xã");
    expect(form).toContain('name="assistedConsent.method"');
    // The read of the resident's details is audited.
    expect(await audited("personalData.read", resident)).toEqual([expect.objectContaining({ details: { part: "applicant" } })]);

    const key = typed("idempotencyKey")!;
    const fields: Record<string, string> = {
      [CSRF_FIELD]: volunteer.csrfToken,
      procedure: ONLINE_PROCEDURE.code,
      idempotencyKey: key,
      residentId: resident,
      intent: "submit",
      communeCode: GIA_PHU,
      "applicant.fullName": typed("applicant.fullName")!,
      "applicant.birthDate": typed("applicant.birthDate")!,
      "applicant.sex": "male",
      "applicant.citizenIdNumber": typed("applicant.citizenIdNumber")!,
      "applicant.address": "Số 12 đường Mường Hoa",
      "applicant.phone": typed("applicant.phone")!,
      "form.maritalStatus": "single",
      "form.purpose": "Để đăng ký kết hôn",
      "delivery.method": "desk",
      "assistedConsent.method": "fingerprint",
      "assistedConsent.note": "Điểm chỉ tại nhà, có con gái làm chứng",
    };
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.append(k, v);
    for (const doc of ["declaration", "identityDocument"])
      body.append(`doc.${doc}`, new File([new Uint8Array(aPdf(doc))], `${doc}.pdf`, { type: "application/pdf" }));
    const filed = await volunteer.request("/dossiers/new", { method: "POST", body });
    expect(filed.status).toBe(303);
    const row = (
      await t.db.query<{ id: string; state: string; owner_user_id: string; applicant: Record<string, unknown>; assisted_consent: Record<string, unknown> }>(
        "SELECT id, state, owner_user_id, applicant, assisted_consent FROM dossiers WHERE idempotency_key = $1 AND filed_by_user_id = $2",
        [key, volunteerUser.id],
      )
    ).rows[0]!;
    expect(row.state).toBe("submitted");
    expect(row.applicant).toMatchObject({ fullName: "Đỗ Văn Nam", birthDate: "1990-05-12", citizenIdNumber: "010090001234", phone: "0912100007" });
    expect(row.assisted_consent).toMatchObject({ given: true, method: "fingerprint", recordedBy: volunteerUser.username });
    // The resident is linked to the citizen's account (which has no verified ID number): the dossier is theirs.
    expect(row.owner_user_id).toBe(owner.user.id);
    expect(await audited("dossier.submitted", row.id)).toEqual([expect.objectContaining({ details: expect.objectContaining({ residentId: resident }) })]);
    expect(await (await owner.client.get("/me/dossiers")).text()).toContain("Mới nộp, chờ tiếp nhận");
  });
});
