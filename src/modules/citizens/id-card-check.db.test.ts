// An officer who checked a citizen's ID card at the desk makes its number the account's verified ID number; with the
// verified phone it links the dossiers filed for that citizen, earlier ones included, and their results.
import { beforeAll, expect, it } from "vitest";
import { lastSmsCode, signedInByPhone, ssoCitizen, verifyPhone } from "../../../test/support/citizen-factories.ts";
import { TestClient } from "../../../test/support/client.ts";
import { act, type Acting, acting, buildDossier, deskTeam } from "../../../test/support/dossier-factories.ts";
import { rejection } from "../../../test/support/expect-error.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { aPdf, anApplicant } from "../../../test/support/procedure-factories.ts";
import { type TestApp, useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { storeFile } from "../../platform/files/file-store.ts";
import { CSRF_HEADER } from "../../platform/http/csrf.ts";
import { recordIdCardCheck, requestPhoneCode, verifyProfilePhone } from "./index.ts";

describeDb("an officer checks a citizen's ID card", () => {
  const app = useTestApp();
  let t: TestApp;
  let team: Awaited<ReturnType<typeof deskTeam>>;
  let volunteer: Acting;
  let deskClient: TestClient;

  beforeAll(async () => {
    t = app();
    team = await deskTeam(t.deps);
    volunteer = await acting(t.deps, await buildUser(t.deps, { kind: "volunteer", roles: [["volunteer", GIA_PHU]] }));
    deskClient = new TestClient(t.app);
    await deskClient.signIn(team.desk.principal.username, PASSWORD);
  });

  /** The API as a browser session calls it (JSON with the CSRF header). */
  const checkCard = (client: TestClient, body: Record<string, string>, lang = "vi") =>
    client.request("/api/v1/citizens/id-card-checks", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", "accept-language": lang, [CSRF_HEADER]: client.csrfToken },
    });
  const userIdOf = async (phone: string) =>
    (await t.db.query<{ user_id: string }>("SELECT user_id FROM citizen_profiles WHERE verified_phone = $1", [phone])).rows[0]!.user_id;
  const ownerOf = async (dossierId: string) =>
    (await t.db.query<{ owner_user_id: string | null }>("SELECT owner_user_id FROM dossiers WHERE id = $1", [dossierId])).rows[0]!.owner_user_id;
  const resultFile = () =>
    t.db.tx((q) =>
      storeFile(q, {
        ownerUserId: team.leader.principal.userId,
        communeCode: GIA_PHU,
        name: "ket-qua.pdf",
        bytes: aPdf("ket qua"),
        maxBytes: 1_000_000,
        field: "resultFile",
        quota: null,
      }),
    );

  it("links the dossiers a volunteer and the desk filed earlier for that phone and ID number, with the result already issued", async () => {
    const phone = "0912400001";
    const id = "010090400001";
    const citizen = await signedInByPhone(t, phone);
    const userId = await userIdOf(phone);
    const applicant = anApplicant({ phone, citizenIdNumber: id });
    // Filed for them before they verified anything: a volunteer's, and a walk-in that already has its result.
    const byVolunteer = await buildDossier(t.deps, volunteer, { applicant });
    const walkIn = await buildDossier(t.deps, team.desk, { channel: "counter", applicant });
    await act(t.deps, team.leader, walkIn.id, "assign", { assigneeId: team.specialist.principal.userId });
    await act(t.deps, team.specialist, walkIn.id, "propose", { note: "Đủ điều kiện" });
    const result = await resultFile();
    await act(t.deps, team.leader, walkIn.id, "approve", { resultFileId: result.id });
    // Someone else's: the same phone with another ID number (a relative), the same ID number with another phone.
    const relative = await buildDossier(t.deps, volunteer, { applicant: anApplicant({ phone, citizenIdNumber: "010090400099" }) });
    const otherPhone = await buildDossier(t.deps, volunteer, { applicant: anApplicant({ phone: "0912400099", citizenIdNumber: id }) });
    expect(await ownerOf(byVolunteer.id)).toBeNull();
    const profileBefore = await (await citizen.get("/api/v1/me/profile")).json();
    expect(profileBefore.citizenIdNumberVerified).toBe(false);

    const res = await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912 400 001", citizenIdNumber: "010 090 400001" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ userId, citizenIdNumber: id, verifiedAt: t.clock.now().toISOString(), adminUnitCode: GIA_PHU });

    const mine = (await (await citizen.get("/api/v1/me/dossiers")).json()).items.map((d: { id: string }) => d.id);
    expect(mine).toEqual(expect.arrayContaining([byVolunteer.id, walkIn.id]));
    expect(mine).not.toContain(relative.id);
    expect(mine).not.toContain(otherPhone.id);
    expect((await citizen.get(`/me/dossiers/${walkIn.id}`)).status).toBe(200);
    const vault = (await (await citizen.get("/api/v1/me/vault")).json()).items;
    // Named by the result's name and the day it was issued (dd/mm/yyyy).
    expect(vault).toEqual([
      expect.objectContaining({ kind: "result", sourceDossierId: walkIn.id, title: expect.stringMatching(/^Giấy xác nhận — \d{2}\/\d{2}\/\d{4}$/) }),
    ]);
    const profile = await (await citizen.get("/api/v1/me/profile")).json();
    expect(profile).toMatchObject({ citizenIdNumber: id, citizenIdNumberVerified: true, phoneVerified: true });
    expect(await (await citizen.get("/me/profile")).text()).toContain(
      "Đã xác minh (qua định danh điện tử VNeID, hoặc cán bộ một cửa đã đối chiếu thẻ căn cước).",
    );

    // Who checked it, when and where, in the profile row and in the audit log (the link too, in each dossier's commune).
    const row = await t.db.query("SELECT citizen_id_verified_by, citizen_id_verified_unit, citizen_id_verified_at FROM citizen_profiles WHERE user_id = $1", [
      userId,
    ]);
    expect(row.rows[0]).toEqual({
      citizen_id_verified_by: team.desk.principal.userId,
      citizen_id_verified_unit: GIA_PHU,
      citizen_id_verified_at: t.clock.now(),
    });
    const audit = await t.db.query(
      "SELECT actor_id, admin_unit_code, target_type FROM audit_log WHERE action = 'citizenProfile.idCardChecked' AND target_id = $1",
      [userId],
    );
    expect(audit.rows).toEqual([{ actor_id: team.desk.principal.userId, admin_unit_code: GIA_PHU, target_type: "citizenProfile" }]);
    const links = await t.db.query<{ target_id: string }>(
      "SELECT target_id FROM audit_log WHERE action = 'dossier.linkedToAccount' AND details->>'ownerUserId' = $1 ORDER BY target_id",
      [userId],
    );
    expect(links.rows.map((r) => r.target_id)).toEqual([byVolunteer.id, walkIn.id].sort());

    // From now on the link is made at filing, as for an SSO-verified number.
    const later = await buildDossier(t.deps, volunteer, { applicant });
    expect(later.ownerUserId).toBe(userId);
  });

  it("links what was filed for a new phone once the citizen verifies it, and an SSO account's dossiers once it verifies its phone", async () => {
    // An ID checked at the desk, then a new phone verified by its code.
    const first = "0912400011";
    const client = await signedInByPhone(t, first);
    const userId = await userIdOf(first);
    await recordIdCardCheck(t.deps, team.desk, { adminUnitCode: GIA_PHU, phone: first, citizenIdNumber: "010090400011" });
    const filed = await buildDossier(t.deps, volunteer, { applicant: anApplicant({ phone: "0912400012", citizenIdNumber: "010090400011" }) });
    expect(filed.ownerUserId).toBeNull();
    const me = await acting(t.deps, { id: userId, username: "phone citizen" });
    await requestPhoneCode(t.deps, me, { phone: "0912400012", locale: "vi", ip: null });
    await verifyProfilePhone(t.deps, me, userId, { phone: "0912400012", code: await lastSmsCode(t.db, "0912400012"), ip: null });
    expect(await ownerOf(filed.id)).toBe(userId);
    expect((await client.get(`/me/dossiers/${filed.id}`)).status).toBe(200);

    // The SSO vouched for the number; the phone comes later.
    const sso = await ssoCitizen(t.deps, { citizenIdNumber: "010090400021" });
    const forSso = await buildDossier(t.deps, volunteer, { applicant: anApplicant({ phone: "0912400021", citizenIdNumber: "010090400021" }) });
    expect(forSso.ownerUserId).toBeNull();
    await verifyPhone(t.deps, sso, "0912400021");
    expect(await ownerOf(forSso.id)).toBe(sso.principal.userId);
  });

  it("lets only an officer who checks cards at that unit record it: 404 at another commune, 403 for a citizen, a specialist and oneself", async () => {
    const phone = "0912400031";
    const citizen = await signedInByPhone(t, phone);
    const userId = await userIdOf(phone);
    const body = { adminUnitCode: GIA_PHU, phone, citizenIdNumber: "010090400031" };

    const elsewhere = await buildUser(t.deps, { roles: [["one_stop_officer", BAO_THANG]] });
    const other = new TestClient(t.app);
    await other.signIn(elsewhere.username, PASSWORD);
    expect((await checkCard(other, body)).status).toBe(404);
    expect((await other.post("/office/id-card-check", body)).status).toBe(404);

    const own = await checkCard(citizen, body);
    expect(own.status).toBe(403);
    expect(own.headers.get("content-type")).toContain("application/problem+json");
    expect((await citizen.get("/office/id-card-check")).status).toBe(403);
    expect((await rejection(recordIdCardCheck(t.deps, team.specialist, body))).status).toBe(403);

    // An officer who has a citizen account of their own cannot vouch for its card.
    const officerCitizen = await buildUser(t.deps, { kind: "citizen", roles: [["one_stop_officer", GIA_PHU]] });
    const self = await acting(t.deps, officerCitizen);
    await verifyPhone(t.deps, self, "0912400032");
    const selfCheck = await rejection(recordIdCardCheck(t.deps, self, { ...body, phone: "0912400032" }));
    expect([selfCheck.status, selfCheck.messageKey]).toEqual([403, "citizens.idCheck.own"]);

    const state = await t.db.query("SELECT verified_citizen_id_number FROM citizen_profiles WHERE user_id = ANY($1::uuid[])", [[userId, officerCitizen.id]]);
    expect(state.rows).toEqual([{ verified_citizen_id_number: null }, { verified_citizen_id_number: null }]);
    // The citizen may go to any desk: the other commune's officer records it at their own.
    expect((await checkCard(other, { ...body, adminUnitCode: BAO_THANG })).status).toBe(200);
  });

  it("gives a verified ID number to one account only: 409 naming the field, in Vietnamese and English", async () => {
    await signedInByPhone(t, "0912400041");
    await signedInByPhone(t, "0912400042");
    const id = "010090400041";
    expect((await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912400041", citizenIdNumber: id })).status).toBe(200);
    const again = await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912400041", citizenIdNumber: id });
    expect(again.status).toBe(200);

    const taken = await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912400042", citizenIdNumber: id });
    expect(taken.status).toBe(409);
    expect(taken.headers.get("content-type")).toContain("application/problem+json");
    expect((await taken.json()).errors).toEqual([
      {
        field: "citizenIdNumber",
        code: "taken",
        message:
          "Trường “citizenIdNumber”: số định danh này đã được xác minh cho một tài khoản khác; mỗi số chỉ thuộc một tài khoản. Công dân hãy dùng tài khoản đó",
      },
    ]);
    const en = await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912400042", citizenIdNumber: id }, "en");
    expect((await en.json()).errors[0].message).toBe(
      "Field “citizenIdNumber”: this ID number is verified for another account; a number belongs to one account only. The citizen should use that account",
    );

    // An SSO account whose provider vouched for the number holds it too; and an SSO account's own number is not replaced.
    const sso = await ssoCitizen(t.deps, { citizenIdNumber: "010090400043" });
    const ssoTaken = await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912400042", citizenIdNumber: "010090400043" });
    expect([ssoTaken.status, (await ssoTaken.json()).errors[0].code]).toEqual([409, "taken"]);
    await verifyPhone(t.deps, sso, "0912400043");
    const differs = await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912400043", citizenIdNumber: "010090400044" });
    expect([differs.status, (await differs.json()).errors[0].code]).toEqual([409, "sso_differs"]);

    // No account verified the phone: a 400 naming it.
    const nobody = await checkCard(deskClient, { adminUnitCode: GIA_PHU, phone: "0912400049", citizenIdNumber: "010090400049" });
    expect([nobody.status, (await nobody.json()).errors[0]].slice(0, 2)).toEqual([400, expect.objectContaining({ field: "phone", code: "no_account" })]);
    const owners = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM citizen_profiles WHERE verified_citizen_id_number = $1", [id]);
    expect(owners.rows[0]!.n).toBe(1);
  });

  it("works as a form without JavaScript: CSRF, errors beside the fields, a redirect with a flash", async () => {
    await signedInByPhone(t, "0912400051");
    const home = await (await deskClient.get("/office")).text();
    expect(home).toContain('href="/office/id-card-check"');
    const page = await deskClient.get(`/office/id-card-check?unit=${GIA_PHU}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="_csrf"');
    expect(html).toContain(`<option value="${GIA_PHU}" selected`);
    expect(html).toContain("Đã đối chiếu CCCD");

    const form = { adminUnitCode: GIA_PHU, phone: "0912400051", citizenIdNumber: "010090400051" };
    expect((await deskClient.post("/office/id-card-check", form, { csrf: false })).status).toBe(403);
    const bad = await deskClient.post("/office/id-card-check", { ...form, citizenIdNumber: "01009040005" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Trường “Số định danh cá nhân trên thẻ”: số định danh cá nhân phải có đúng 12 chữ số");

    const done = await deskClient.post("/office/id-card-check", form);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`/office/id-card-check?unit=${GIA_PHU}`);
    expect(await (await deskClient.get(done.headers.get("location")!)).text()).toContain("Đã ghi nhận số định danh đã đối chiếu.");
    const verified = await t.db.query("SELECT verified_citizen_id_number FROM citizen_profiles WHERE verified_phone = '0912400051'");
    expect(verified.rows[0]!.verified_citizen_id_number).toBe("010090400051");

    await signedInByPhone(t, "0912400052");
    const conflict = await deskClient.post("/office/id-card-check", { ...form, phone: "0912400052" });
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain("số định danh này đã được xác minh cho một tài khoản khác");
  });
});
