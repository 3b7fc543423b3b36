// Migration 0008 on a database as 0001–0007 left it: phones proven by phone sign-in become verified, typed ones
// do not, and dossiers linked to an account through a typed phone lose that link (and the vault copy of their result).
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabaseMigratedTo, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import type { Database } from "../../platform/db/database.ts";
import { migrate } from "../../platform/db/migrator.ts";

describeDb("verified phones and dossier links across migration 0008", () => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await createDatabaseMigratedTo(7);
    db = t.db;
  });
  afterAll(async () => {
    await t?.drop();
  });

  let created = 0; // each account a second after the previous one
  const user = async (username: string, phone: string | null, extra: { password?: boolean; sso?: string } = {}) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO users (username, display_name, kind, phone, password_hash, oidc_issuer, oidc_subject, citizen_id_number, created_at)
         VALUES ($1, $1, 'citizen', $2, $3, $4, $5, $6, '2026-01-01T00:00:00Z'::timestamptz + make_interval(secs => $7)) RETURNING id`,
        [username, phone, extra.password ? "hash" : null, extra.sso ? "https://sso" : null, extra.sso ? username : null, extra.sso ?? null, ++created],
      )
    ).rows[0]!.id;
  const profile = (userId: string, phone: string, id: string | null = null) =>
    db.query("INSERT INTO citizen_profiles (user_id, full_name, phone, citizen_id_number) VALUES ($1, 'X', $2, $3)", [userId, phone, id]);
  const verified = async (userId: string) =>
    (await db.query<{ phone: string; verified_phone: string | null }>("SELECT phone, verified_phone FROM citizen_profiles WHERE user_id = $1", [userId]))
      .rows[0];

  it("verifies the numbers that phone sign-in proved, and keeps only the dossier links made through a proven number", async () => {
    // Accounts as phone sign-in made them (username phone-<hash>, no password), and others.
    const signedUp = await user("phone-aaaaaaaaaaa1", "0912000001");
    await profile(signedUp, "0912000001", "010090001234");
    const retyped = await user("phone-aaaaaaaaaaa2", "0912000002");
    await profile(retyped, "0912000009"); // later typed another number: its own stays the verified one
    const typist = await user("u-typist", "0912000007", { password: true });
    await profile(typist, "0912000003", "010185004321"); // a neighbour's phone and ID number, typed
    const sso = await user("sso-1", "+84912000004", { sso: "010199001234" });
    await profile(sso, "0912000004", "010199001234");
    // A recycled number that created two accounts: the one whose profile still shows it keeps it.
    const older = await user("phone-aaaaaaaaaaa3", "0912000005");
    await profile(older, "0912000005");
    const newer = await user("phone-aaaaaaaaaaa3-aaaaa1", "0912000005");
    await profile(newer, "0912000006");

    // A commune, a procedure, a volunteer and three dossiers with results in the vault.
    await db.query(`INSERT INTO admin_units (code, parent_code, level, unit_type, name, full_name, path, search_text, sort_name) VALUES
      ('15', NULL, 'province', 'Tỉnh', 'Lào Cai', 'Tỉnh Lào Cai', '/15/', 'lao cai', 'Lao Cai'),
      ('02923', '15', 'commune', 'Xã', 'Gia Phú', 'Xã Gia Phú', '/15/02923/', 'gia phu', 'Gia Phu')`);
    const proc = (
      await db.query<{ id: string }>(
        `INSERT INTO procedures (code, current_version, name, field, level, online_level, search_text) VALUES ('1.0', 1, 'P', 'f', 'commune', 'full', 'p') RETURNING id`,
      )
    ).rows[0]!.id;
    await db.query("INSERT INTO procedure_versions (procedure_id, version, definition) VALUES ($1, 1, '{}')", [proc]);
    const volunteer = await user("u-volunteer", null, { password: true });
    const file = (
      await db.query<{ id: string }>(
        "INSERT INTO stored_files (name, media_type, size_bytes, sha256, content) VALUES ('r.pdf', 'application/pdf', 1, 'x', '\\x25') RETURNING id",
      )
    ).rows[0]!.id;
    const dossier = async (owner: string, filedBy: string, applicant: { phone: string; citizenIdNumber: string }) => {
      const id = (
        await db.query<{ id: string }>(
          `INSERT INTO dossiers (commune_code, unit_path, procedure_id, procedure_version, state, channel, owner_user_id, filed_by_user_id, applicant, applicant_name)
           VALUES ('02923', '/15/02923/', $1, 1, 'resultReady', 'online', $2, $3, $4, 'N') RETURNING id`,
          [proc, owner, filedBy, JSON.stringify({ fullName: "N", ...applicant })],
        )
      ).rows[0]!.id;
      await db.query("INSERT INTO vault_items (user_id, file_id, title, kind, source_dossier_id) VALUES ($1, $2, 'KQ', 'result', $3)", [owner, file, id]);
      return id;
    };
    const throughProven = await dossier(signedUp, volunteer, { phone: "0912000001", citizenIdNumber: "010090001234" });
    const throughTyped = await dossier(typist, volunteer, { phone: "0912000003", citizenIdNumber: "010185004321" });
    const own = await dossier(typist, typist, { phone: "0912000003", citizenIdNumber: "010185004321" });
    // Another content (migration 0017 holds one item per person and content).
    const uploaded = (
      await db.query<{ id: string }>(
        "INSERT INTO stored_files (name, media_type, size_bytes, sha256, content) VALUES ('u.pdf', 'application/pdf', 1, 'y', '\\x25') RETURNING id",
      )
    ).rows[0]!.id;
    await db.query("INSERT INTO vault_items (user_id, file_id, title, kind) VALUES ($1, $2, 'Upload', 'upload')", [typist, uploaded]);

    expect((await migrate(db)).applied).toContain("0008_verified_contact.sql");

    expect(await verified(signedUp)).toEqual({ phone: "0912000001", verified_phone: "0912000001" });
    expect(await verified(retyped)).toEqual({ phone: "0912000009", verified_phone: "0912000002" });
    expect(await verified(typist)).toEqual({ phone: "0912000003", verified_phone: null });
    expect(await verified(sso)).toEqual({ phone: "0912000004", verified_phone: null });
    expect(await verified(older)).toEqual({ phone: "0912000005", verified_phone: "0912000005" });
    expect(await verified(newer)).toEqual({ phone: "0912000006", verified_phone: null });

    const owners = await db.query<{ id: string; owner_user_id: string | null }>("SELECT id, owner_user_id FROM dossiers");
    expect(Object.fromEntries(owners.rows.map((r) => [r.id, r.owner_user_id]))).toEqual({ [throughProven]: signedUp, [throughTyped]: null, [own]: typist });
    const vault = await db.query<{ user_id: string; kind: string; source_dossier_id: string | null }>(
      "SELECT user_id, kind, source_dossier_id FROM vault_items",
    );
    expect(vault.rows).toHaveLength(3);
    expect(vault.rows).toEqual(
      expect.arrayContaining([
        { user_id: signedUp, kind: "result", source_dossier_id: throughProven },
        { user_id: typist, kind: "result", source_dossier_id: own },
        { user_id: typist, kind: "upload", source_dossier_id: null },
      ]),
    );

    // Typed numbers need not be unique any more; verified ones are.
    await profile(volunteer, "0912000003");
    await expect(db.query("UPDATE citizen_profiles SET verified_phone = '0912000001' WHERE user_id = $1", [typist])).rejects.toThrow(/unique/);
  });
});
