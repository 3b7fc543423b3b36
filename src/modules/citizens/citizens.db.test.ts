import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { formatDate } from "../../platform/i18n/format.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import { buildUser, GIA_PHU } from "../../../test/support/factories.ts";
import type { Principal } from "../../platform/auth/authorise.ts";
import { fieldErrorsFromZod, localizeField } from "../../platform/http/app-error.ts";
import { translator } from "../../platform/i18n/i18n.ts";
import {
  addToVault,
  citizenProfileInput,
  getProfile,
  getProfileForPrefill,
  getVaultFile,
  listVault,
  PHONE_CODE,
  removeFromVault,
  requestPhoneCode,
  saveProfile,
  uploadToVault,
  vaultItemFile,
  verifyPhoneCode,
  verifyProfilePhone,
} from "./index.ts";
import { signInWithOidc } from "../identity/index.ts";

const ascii = (s: string) => new TextEncoder().encode(s);
const pdf = ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const good = {
  fullName: "Nguyễn Thị Lan",
  birthDate: "20/05/1999",
  citizenIdNumber: "001 099 012345",
  address: "Thôn Phú Hà, xã Gia Phú",
  phone: "+84 912 000 111",
};

describeDb("citizens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const citizen = (userId: string): Principal => ({ userId, username: "c", displayName: "c", kind: "citizen", locale: null, grants: [] });
  const ctx = (p: Principal | null) => ({ actor: { userId: p?.userId ?? null, label: "t" }, requestId: "req-citizens", principal: p });
  const anon = { actor: { userId: null, label: "anonymous" }, requestId: "req-phone" };
  const lastCode = async (phoneE164: string) => {
    const { rows } = await t.db.query<{ payload: { to: string; text: string } }>(
      "SELECT payload FROM outbox WHERE topic = 'sms' AND payload->>'to' = $1 ORDER BY id DESC LIMIT 1",
      [phoneE164],
    );
    return /\b(\d{6})\b/.exec(rows[0]?.payload.text ?? "")?.[1] ?? "";
  };
  const signInByPhone = async (phone: string, ip = "203.0.113.9") => {
    await requestPhoneCode(t.deps, anon, { phone, locale: "vi", ip });
    return verifyPhoneCode(t.deps, anon, { phone, code: await lastCode(`+84${phone.slice(1)}`), ip });
  };

  it("refuses a bad personal identification number or a foreign phone, naming the field in Vietnamese and English", () => {
    const schema = citizenProfileInput(() => t.clock.now());
    const errorsFor = (patch: Record<string, string>) => {
      const r = schema.safeParse({ ...good, ...patch });
      expect(r.success).toBe(false);
      return fieldErrorsFromZod(r.error!.issues);
    };
    expect(errorsFor({ citizenIdNumber: "00109901234" })).toEqual([expect.objectContaining({ field: "citizenIdNumber", message: "citizens.idNumber.length" })]);
    expect(errorsFor({ citizenIdNumber: "000099012345" })).toEqual([
      expect.objectContaining({ field: "citizenIdNumber", message: "citizens.idNumber.province" }),
    ]);
    expect(errorsFor({ citizenIdNumber: "001400000001" })).toEqual([
      expect.objectContaining({ field: "citizenIdNumber", message: "citizens.idNumber.century" }),
    ]);
    const [phone] = errorsFor({ phone: "+33 6 12 34 56 78" });
    expect(phone).toMatchObject({ field: "phone", message: "citizens.phone.notVietnamese" });
    expect(localizeField(phone!, translator("vi"), "Số điện thoại di động")).toBe("Trường “Số điện thoại di động”: chỉ nhận số di động Việt Nam (+84)");
    expect(localizeField(phone!, translator("en"), "Mobile phone number")).toBe(
      "Field “Mobile phone number”: only Vietnamese mobile numbers (+84) are accepted",
    );
    expect(errorsFor({ birthDate: "31/02/1999" })).toEqual([expect.objectContaining({ field: "birthDate", message: "citizens.profile.birthDateFormat" })]);
    expect(errorsFor({ birthDate: "2026-12-25", citizenIdNumber: "001226000001" })).toEqual([
      expect.objectContaining({ field: "birthDate", message: "citizens.profile.birthDateFuture" }),
    ]);
    expect(errorsFor({ birthDate: "20/05/1998" })).toEqual([expect.objectContaining({ field: "birthDate", message: "citizens.profile.birthYearMismatch" })]);
  });

  it("saves the profile in normal form and gives it back to prefill forms, auditing only reads by someone else", async () => {
    const owner = await buildUser(t.deps, { kind: "citizen", home: GIA_PHU });
    const input = citizenProfileInput(() => t.clock.now()).parse(good);
    const saved = await saveProfile(t.deps, ctx(citizen(owner.id)), owner.id, input);
    expect(saved).toMatchObject({ birthDate: "1999-05-20", citizenIdNumber: "001099012345", phone: "0912000111", email: null });
    expect(await getProfileForPrefill(t.deps, owner.id)).toEqual(saved);
    expect(await getProfile(t.deps, ctx(citizen(owner.id)), owner.id)).toEqual(saved);
    const readsBefore = await t.db.query("SELECT 1 FROM audit_log WHERE action = 'personalData.read' AND target_type = 'citizenProfile' AND target_id = $1", [
      owner.id,
    ]);
    expect(readsBefore.rowCount).toBe(0);

    const admin = await buildUser(t.deps, { roles: [["commune_admin", GIA_PHU]] });
    const adminP: Principal = {
      userId: admin.id,
      username: admin.username,
      displayName: "",
      kind: "officer",
      locale: null,
      grants: [{ role: "commune_admin", unitCode: GIA_PHU, unitPath: `/15/${GIA_PHU}/` }],
    };
    expect(await getProfile(t.deps, ctx(adminP), owner.id)).toEqual(saved);
    const reads = await t.db.query("SELECT actor_id FROM audit_log WHERE action = 'personalData.read' AND target_type = 'citizenProfile' AND target_id = $1", [
      owner.id,
    ]);
    expect(reads.rows).toEqual([{ actor_id: admin.id }]);
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = 'citizenProfile.saved' AND target_id = $1", [owner.id])).rowCount).toBe(1);

    // Another citizen cannot save over it; typing the same phone and ID number claims neither.
    const other = await buildUser(t.deps, { kind: "citizen" });
    await expect(saveProfile(t.deps, ctx(citizen(other.id)), owner.id, input)).rejects.toMatchObject({ status: 404 });
    expect(await saveProfile(t.deps, ctx(citizen(other.id)), other.id, input)).toMatchObject({
      phone: "0912000111",
      phoneVerified: false,
      verifiedPhone: null,
      citizenIdNumberVerified: false,
    });
    expect(await getProfileForPrefill(t.deps, owner.id)).toEqual(saved);
  });

  it("signs in by phone only into the account that verified the number: one that typed it gets nothing, and cannot verify it without the code", async () => {
    const typist = await buildUser(t.deps, { kind: "citizen" });
    const input = citizenProfileInput(() => t.clock.now()).parse({ ...good, phone: "0987000010" });
    await saveProfile(t.deps, ctx(citizen(typist.id)), typist.id, input);

    const owner = await signInByPhone("0987000010");
    expect(owner.created).toBe(true);
    expect(owner.userId).not.toBe(typist.id);
    expect(await getProfileForPrefill(t.deps, owner.userId)).toMatchObject({ phone: "0987000010", phoneVerified: true, verifiedPhone: "0987000010" });
    expect(await getProfileForPrefill(t.deps, typist.id)).toMatchObject({ phone: "0987000010", phoneVerified: false, verifiedPhone: null });

    // The typist asks for a code to "verify" the number: it goes to the number's holder; guessing fails.
    const me = ctx(citizen(typist.id));
    await requestPhoneCode(t.deps, me, { phone: "0987000010", locale: "vi", ip: null });
    const sent = await lastCode("+84987000010");
    const wrong = sent === "000000" ? "111111" : "000000";
    await expect(verifyProfilePhone(t.deps, me, typist.id, { phone: "0987000010", code: wrong, ip: null })).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: "code", message: "citizens.phoneSignIn.wrongCode" })],
    });
    // Even with the code (the holder handed it over), a number verified by another account stays that account's.
    await expect(verifyProfilePhone(t.deps, me, typist.id, { phone: "0987000010", code: sent, ip: null })).rejects.toMatchObject({
      status: 409,
      fields: [expect.objectContaining({ field: "phone", message: "citizens.profile.phoneTaken" })],
    });
    t.clock.advance(PHONE_CODE.windowMinutes * 60_000 + 1000);
    expect(await signInByPhone("0987000010")).toEqual({ userId: owner.userId, created: false });
    expect((await getProfileForPrefill(t.deps, typist.id))?.verifiedPhone).toBeNull();
  });

  it("verifies a profile's phone by code, after which that number signs in to this account; the SSO's ID number counts as verified", async () => {
    const { userId } = await signInWithOidc(t.deps, anon, {
      issuer: "https://sso.test",
      subject: "lan",
      name: "Nguyễn Thị Lan",
      citizenId: "001099012345",
      phone: "+84987000011",
      acr: null,
    });
    const me = ctx(citizen(userId));
    // From the SSO: the ID number is verified, the phone it gave is not (no code proved it here).
    expect(await getProfileForPrefill(t.deps, userId)).toMatchObject({
      fullName: "Nguyễn Thị Lan",
      citizenIdNumber: "001099012345",
      citizenIdNumberVerified: true,
      phone: "0987000011",
      phoneVerified: false,
    });
    await requestPhoneCode(t.deps, me, { phone: "0987000011", locale: "vi", ip: null });
    const verified = await verifyProfilePhone(t.deps, me, userId, { phone: "0987000011", code: await lastCode("+84987000011"), ip: null });
    // The profile starts from what the SSO gave, so nothing is typed again.
    expect(verified).toMatchObject({ fullName: "Nguyễn Thị Lan", citizenIdNumber: "001099012345", citizenIdNumberVerified: true, phoneVerified: true });
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = 'citizenProfile.phoneVerified' AND target_id = $1", [userId])).rowCount).toBe(1);
    t.clock.advance(PHONE_CODE.windowMinutes * 60_000 + 1000);
    expect(await signInByPhone("0987000011")).toEqual({ userId, created: false });

    // Typing another ID number or phone keeps the verified ones for signing in, but the typed ones are shown unverified.
    const retyped = await saveProfile(
      t.deps,
      me,
      userId,
      citizenProfileInput(() => t.clock.now()).parse({ ...good, citizenIdNumber: "001099054321", phone: "0987000012" }),
    );
    expect(retyped).toMatchObject({ phoneVerified: false, verifiedPhone: "0987000011", citizenIdNumberVerified: false });
    t.clock.advance(PHONE_CODE.windowMinutes * 60_000 + 1000);
    expect(await signInByPhone("0987000011")).toEqual({ userId, created: false });
  });

  it("never opens an office account with a phone code, even one that verified its number", async () => {
    const officer = await buildUser(t.deps, { roles: [["one_stop_officer", GIA_PHU]] });
    const me = ctx({ ...citizen(officer.id), kind: "officer" });
    await requestPhoneCode(t.deps, me, { phone: "0987000013", locale: "vi", ip: null });
    await verifyProfilePhone(t.deps, me, officer.id, { phone: "0987000013", code: await lastCode("+84987000013"), ip: null });
    t.clock.advance(PHONE_CODE.windowMinutes * 60_000 + 1000);
    await expect(signInByPhone("0987000013")).rejects.toMatchObject({ status: 403, messageKey: "citizens.phoneSignIn.officeAccount" });
  });

  it("signs in by phone: creates the citizen once, keeps only a hash of the code, and finds the same account next time", async () => {
    const first = await signInByPhone("0987000001");
    expect(first.created).toBe(true);
    const user = await t.db.query("SELECT kind, username, display_name FROM users WHERE id = $1", [first.userId]);
    expect(user.rows[0]).toMatchObject({ kind: "citizen", display_name: "098****001" });
    expect(user.rows[0]!.username).toMatch(/^phone-[0-9a-f]{12}$/);
    expect(await getProfileForPrefill(t.deps, first.userId)).toMatchObject({ phone: "0987000001", fullName: "" });
    const codes = await t.db.query<{ code_hash: string; used_at: Date | null }>("SELECT code_hash, used_at FROM phone_codes WHERE phone = '0987000001'");
    expect(codes.rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(codes.rows[0]!.used_at).not.toBeNull();

    t.clock.advance(PHONE_CODE.windowMinutes * 60_000 + 1000);
    const again = await signInByPhone("0987000001");
    expect(again).toEqual({ userId: first.userId, created: false });
    expect((await t.db.query("SELECT 1 FROM audit_log WHERE action = 'user.createdFromPhone' AND target_id = $1", [first.userId])).rowCount).toBe(1);
  });

  it("refuses a wrong code (400 on the code field), a used one, and stops after five attempts (429)", async () => {
    const phone = "0987000002";
    await requestPhoneCode(t.deps, anon, { phone, locale: "en", ip: null });
    const right = await lastCode("+84987000002");
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 1; i < PHONE_CODE.maxAttempts; i++) {
      await expect(verifyPhoneCode(t.deps, anon, { phone, code: wrong, ip: null })).rejects.toMatchObject({
        status: 400,
        fields: [expect.objectContaining({ field: "code", message: "citizens.phoneSignIn.wrongCode" })],
      });
    }
    await expect(verifyPhoneCode(t.deps, anon, { phone, code: wrong, ip: null })).rejects.toMatchObject({
      status: 429,
      fields: [expect.objectContaining({ field: "code" })],
    });
    // Spent: even the right code no longer works.
    await expect(verifyPhoneCode(t.deps, anon, { phone, code: right, ip: null })).rejects.toMatchObject({ status: 429 });
    expect((await t.db.query("SELECT 1 FROM users WHERE phone = $1", [phone])).rowCount).toBe(0);
  });

  it("lets a code expire after five minutes", async () => {
    const phone = "0987000003";
    await requestPhoneCode(t.deps, anon, { phone, locale: "vi", ip: null });
    const code = await lastCode("+84987000003");
    t.clock.advance(PHONE_CODE.ttlMinutes * 60_000 + 1);
    await expect(verifyPhoneCode(t.deps, anon, { phone, code, ip: null })).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: "code", message: "citizens.phoneSignIn.expired" })],
    });
  });

  it("sends at most three codes per phone in fifteen minutes, and limits one address across phones", async () => {
    const phone = "0987000004";
    for (let i = 0; i < PHONE_CODE.perPhone; i++) await requestPhoneCode(t.deps, anon, { phone, locale: "vi", ip: null });
    await expect(requestPhoneCode(t.deps, anon, { phone, locale: "vi", ip: null })).rejects.toMatchObject({
      status: 429,
      fields: [expect.objectContaining({ field: "phone" })],
    });
    expect((await t.db.query("SELECT count(*)::int AS n FROM outbox WHERE payload->>'to' = '+84987000004'")).rows[0]!.n).toBe(PHONE_CODE.perPhone);
    t.clock.advance(PHONE_CODE.windowMinutes * 60_000 + 1000);
    await requestPhoneCode(t.deps, anon, { phone, locale: "vi", ip: null });

    const ip = "198.51.100.77";
    for (let i = 0; i < PHONE_CODE.perIp; i++) await requestPhoneCode(t.deps, anon, { phone: `09650000${String(i).padStart(2, "0")}`, locale: "vi", ip });
    await expect(requestPhoneCode(t.deps, anon, { phone: "0965000099", locale: "vi", ip })).rejects.toMatchObject({ status: 429 });
  });

  it("keeps vault items to their owner; removing one leaves the file for dossiers that use it", async () => {
    const a = await buildUser(t.deps, { kind: "citizen" });
    const b = await buildUser(t.deps, { kind: "citizen" });
    const item = await uploadToVault(t.deps, ctx(citizen(a.id)), a.id, {
      title: "Giấy khai sinh",
      documentType: "birthCertificate",
      name: "scan.jpg",
      bytes: pdf,
    });
    expect(item).toMatchObject({
      title: `Giấy khai sinh — ${formatDate(t.clock.now(), "vi")}`,
      kind: "upload",
      fileName: "scan.pdf",
      mediaType: "application/pdf",
      sizeBytes: pdf.byteLength,
      documentType: "birthCertificate",
    });
    await expect(uploadToVault(t.deps, ctx(citizen(a.id)), a.id, { title: "x", name: "a.pdf", bytes: ascii("plain text") })).rejects.toMatchObject({
      status: 400,
      fields: [expect.objectContaining({ field: "file", code: "type" })],
    });

    expect((await listVault(t.deps, ctx(citizen(a.id)), a.id)).map((v) => v.id)).toEqual([item.id]);
    expect((await getVaultFile(t.deps, ctx(citizen(a.id)), a.id, item.id)).file.mediaType).toBe("application/pdf");
    await expect(getVaultFile(t.deps, ctx(citizen(b.id)), b.id, item.id)).rejects.toMatchObject({ status: 404 });
    await expect(listVault(t.deps, ctx(citizen(b.id)), a.id)).rejects.toMatchObject({ status: 404 });
    await expect(listVault(t.deps, ctx(null), a.id)).rejects.toMatchObject({ status: 401 });
    await expect(removeFromVault(t.deps, ctx(citizen(b.id)), b.id, item.id)).rejects.toMatchObject({ status: 404 });
    expect(await vaultItemFile(t.db, b.id, item.id)).toBeNull();
    expect(await vaultItemFile(t.db, a.id, item.id)).toMatchObject({ fileId: expect.any(String) });

    await removeFromVault(t.deps, ctx(citizen(a.id)), a.id, item.id);
    expect(await listVault(t.deps, ctx(citizen(a.id)), a.id)).toEqual([]);
    expect((await t.db.query("SELECT 1 FROM stored_files WHERE id = $1", [item.fileId])).rowCount).toBe(1);
  });

  it("holds each content once per person, named by its document type and date, whichever way it came", async () => {
    const a = await buildUser(t.deps, { kind: "citizen" });
    const b = await buildUser(t.deps, { kind: "citizen" });
    const upload = (who: string, title: string, bytes = pdf) => uploadToVault(t.deps, ctx(citizen(who)), who, { title, name: "scan.pdf", bytes });
    const first = await upload(a.id, "Giấy khai sinh");
    // The same bytes again (another scan name, another title): the item the vault has, not a second one.
    const again = await upload(a.id, "Khai sinh của con");
    expect(again.id).toBe(first.id);
    // A dossier's result with the same content lands on the same item too.
    const result = await t.db.tx((q) => addToVault(q, { userId: a.id, fileId: again.fileId, title: "Kết quả", kind: "result", sourceDossierId: null }));
    expect(result).toEqual({ id: first.id, added: false });
    // Another content is another item; another person's vault is their own.
    const other = await upload(a.id, "Thẻ căn cước", ascii(`%PDF-1.4\n% another scan\n%%EOF\n`));
    const theirs = await upload(b.id, "Giấy khai sinh");
    expect(other.id).not.toBe(first.id);
    expect(theirs.id).not.toBe(first.id);
    const items = await listVault(t.deps, ctx(citizen(a.id)), a.id);
    expect(items.map((v) => v.title).sort()).toEqual(
      [`Giấy khai sinh — ${formatDate(t.clock.now(), "vi")}`, `Thẻ căn cước — ${formatDate(t.clock.now(), "vi")}`].sort(),
    );
    expect(formatDate(new Date("2026-02-12T03:00:00Z"), "vi")).toBe("12/02/2026");
  });
});
