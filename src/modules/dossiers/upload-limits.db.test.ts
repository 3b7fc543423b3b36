// Limits on uploads (files and megabytes per window): per citizen account and address, a higher ceiling for the
// desk, shared by every way a file is stored (the files API, the vault, the application form).
import { beforeAll, expect, it } from "vitest";
import { fromAddress, TestClient } from "../../../test/support/client.ts";
import { APPLICANT, TYPED_APPLICATION, withCatalogue } from "../../../test/support/dossier-factories.ts";
import { buildUser, GIA_PHU, PASSWORD } from "../../../test/support/factories.ts";
import { aPdf } from "../../../test/support/procedure-factories.ts";
import { useTestApp } from "../../../test/support/test-app.ts";
import { describeDb } from "../../../test/support/test-db.ts";
import type { Role } from "../../platform/auth/roles.ts";
import { CSRF_FIELD, CSRF_HEADER } from "../../platform/http/csrf.ts";

const HOUR = 3_600_000;
const MB = 1_048_576;
const env = {
  UPLOAD_WINDOW_MINUTES: "60",
  UPLOAD_MAX_FILES_PER_CITIZEN: "4",
  UPLOAD_MAX_MB_PER_CITIZEN: "6",
  UPLOAD_MAX_FILES_PER_ADDRESS: "6",
  UPLOAD_MAX_MB_PER_ADDRESS: "100",
  UPLOAD_MAX_FILES_PER_STAFF: "10",
  UPLOAD_MAX_MB_PER_STAFF: "100",
};
const THROTTLED_TITLE = "Đã tải lên quá nhiều tệp trong thời gian ngắn. Vui lòng thử lại sau 60 phút.";
const throttledField = (field: string) =>
  `Trường “${field}”: bạn đã tải lên quá nhiều tệp hoặc quá nhiều dung lượng trong thời gian ngắn. Tệp này chưa được lưu; các tệp đã lưu trước đó vẫn được giữ. Hãy tải lên lại sau 60 phút`;

/** A PDF of about `bytes` (the type is read from its first bytes; the rest is padding). */
const aPdfOf = (bytes: number) => {
  const head = aPdf("big");
  return Buffer.concat([Buffer.from(head), Buffer.alloc(Math.max(0, bytes - head.byteLength), 0x20)]);
};

describeDb("uploads: limits per account and address", () => {
  const app = useTestApp({ env });

  beforeAll(async () => {
    await withCatalogue(app().deps);
  });

  /** Someone signed in from one address (a citizen unless given roles). */
  const signedInAt = async (address: string, roles?: [Role, string][]) => {
    const user = await buildUser(app().deps, roles ? { roles } : { kind: "citizen" });
    const client = new TestClient(fromAddress(app().app, address));
    await client.signIn(user.username, PASSWORD);
    return { user, client };
  };
  const apiJson = (client: TestClient, path: string, body: unknown) =>
    client.request(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", [CSRF_HEADER]: client.csrfToken },
    });
  const upload = (client: TestClient, bytes: Uint8Array = aPdf("scan")) =>
    apiJson(client, "/api/v1/files", { name: "scan.pdf", contentBase64: Buffer.from(bytes).toString("base64") });
  const storedBy = async (userId: string) =>
    (await app().db.query("SELECT count(*)::int AS n FROM stored_files WHERE owner_user_id = $1", [userId])).rows[0]!.n as number;
  const statuses = (answers: Response[]) => answers.map((r) => r.status).sort();

  it("stores exactly the limit when one citizen sends many files at once; the rest get 429 with Retry-After", async () => {
    const { user, client } = await signedInAt("192.0.2.40");
    const answers = await Promise.all(Array.from({ length: 10 }, () => upload(client)));
    expect(statuses(answers)).toEqual([201, 201, 201, 201, 429, 429, 429, 429, 429, 429]);
    const refused = answers.find((r) => r.status === 429)!;
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(await refused.json()).toMatchObject({
      status: 429,
      title: THROTTLED_TITLE,
      errors: [{ field: "contentBase64", code: "throttled", message: throttledField("contentBase64") }],
    });
    expect(await storedBy(user.id)).toBe(4);

    // The window slides: an hour later there is room again.
    app().clock.advance(HOUR + 1000);
    expect((await upload(client)).status).toBe(201);
  });

  it("counts megabytes too: a few large files use up the allowance before the count does", async () => {
    const { user, client } = await signedInAt("192.0.2.41");
    // 2.5 MB counts as 3 started megabytes: two of them fill the 6 MB allowance.
    expect((await upload(client, aPdfOf(2.5 * MB))).status).toBe(201);
    expect((await upload(client, aPdfOf(2.5 * MB))).status).toBe(201);
    const over = await upload(client);
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("3600");
    expect(await storedBy(user.id)).toBe(2);
  });

  it("counts citizens per address across accounts, and gives the desk its own, higher ceiling", async () => {
    const address = "192.0.2.42";
    const [a, b] = [await signedInAt(address), await signedInAt(address)];
    // Both at once, five each: the address takes six in all, neither account more than its four.
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => upload(i % 2 ? a.client : b.client)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(6);
    expect(answers.filter((r) => r.status === 429).every((r) => r.headers.get("retry-after") === "3600")).toBe(true);
    const [na, nb] = [await storedBy(a.user.id), await storedBy(b.user.id)];
    expect(na + nb).toBe(6);
    expect(Math.max(na, nb)).toBeLessThanOrEqual(4);
    const c = await signedInAt(address);
    expect((await upload(c.client)).status).toBe(429); // a new account at the full address
    expect((await upload((await signedInAt("192.0.2.43")).client)).status).toBe(201); // another address

    // An officer scanning at the desk behind the same address: only their account is counted, up to ten.
    const officer = await signedInAt(address, [["one_stop_officer", GIA_PHU]]);
    const scans = await Promise.all(Array.from({ length: 12 }, () => upload(officer.client)));
    expect(statuses(scans)).toEqual([...Array(10).fill(201), 429, 429]);
    expect(await storedBy(officer.user.id)).toBe(10);
  });

  it("counts vault uploads (API and page) with the others, and keeps what the vault had", async () => {
    const { user, client } = await signedInAt("192.0.2.44");
    const toVault = (title: string) => {
      const form = new FormData();
      form.append(CSRF_FIELD, client.csrfToken);
      form.append("title", title);
      form.append("file", new File([new Uint8Array(aPdf(title))], `${title}.pdf`, { type: "application/pdf" }));
      return client.request("/me/vault", { method: "POST", body: form });
    };
    expect((await toVault("Giấy khai sinh")).status).toBe(303);
    expect((await toVault("Sổ hộ khẩu")).status).toBe(303);
    expect((await upload(client)).status).toBe(201);
    expect((await upload(client)).status).toBe(201);

    const api = await apiJson(client, "/api/v1/me/vault", { title: "Bằng lái", name: "bang-lai.pdf", content: Buffer.from(aPdf("x")).toString("base64") });
    expect(api.status).toBe(429);
    expect(api.headers.get("retry-after")).toBe("3600");
    expect(await api.json()).toMatchObject({ title: THROTTLED_TITLE, errors: [{ field: "content", code: "throttled" }] });

    const page = await toVault("Bằng lái");
    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("3600");
    const html = await page.text();
    expect(html).toContain(throttledField("Tệp"));
    expect(html).toContain("Giấy khai sinh"); // the list as it was
    const items = (await (await client.get("/api/v1/me/vault")).json()).items as { title: string }[];
    // Vault items are named by document and day.
    expect(items.map((i) => i.title).sort()).toEqual([
      expect.stringMatching(/^Giấy khai sinh — \d{2}\/\d{2}\/\d{4}$/),
      expect.stringMatching(/^Sổ hộ khẩu — \d{2}\/\d{2}\/\d{4}$/),
    ]);
    expect(await storedBy(user.id)).toBe(4);
  });

  it("keeps the draft and its earlier uploads when the application form goes over the limit", async () => {
    const { user, client } = await signedInAt("192.0.2.45");
    const send = (path: string, fields: Record<string, string>, files: Record<string, string>) => {
      const body = new FormData();
      for (const [k, v] of Object.entries({ [CSRF_FIELD]: client.csrfToken, ...fields })) body.append(k, v);
      for (const [k, title] of Object.entries(files)) body.append(k, new File([new Uint8Array(aPdf(title))], `${title}.pdf`, { type: "application/pdf" }));
      return client.request(path, { method: "POST", body });
    };
    const typed = TYPED_APPLICATION;
    // A draft with the declaration uploaded, then three more files through the API: four, the limit.
    const saved = await send("/dossiers/new", { ...typed, idempotencyKey: "upload-limits-draft-0001", intent: "draft" }, { "doc.declaration": "to-khai" });
    expect(saved.status).toBe(303);
    const draftId = /\/dossiers\/([0-9a-f-]{36})\/edit/.exec(saved.headers.get("location") ?? "")![1]!;
    for (let i = 0; i < 3; i++) expect((await upload(client)).status).toBe(201);

    const over = await send(
      `/dossiers/${draftId}/edit`,
      { ...typed, idempotencyKey: "upload-limits-draft-0001", intent: "submit" },
      { "doc.identityDocument": "cccd" },
    );
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toBe("3600");
    const html = await over.text();
    expect(html).toContain(throttledField("Thẻ căn cước của người yêu cầu"));
    expect(html).toContain(APPLICANT.fullName); // what was typed is on the page again
    const draft = await app().db.query<{ state: string }>("SELECT state FROM dossiers WHERE id = $1", [draftId]);
    expect(draft.rows[0]!.state).toBe("draft");
    const docs = await app().db.query("SELECT requirement_key FROM dossier_documents WHERE dossier_id = $1", [draftId]);
    expect(docs.rows.map((r) => r.requirement_key)).toEqual(["declaration"]);
    expect(await storedBy(user.id)).toBe(4);

    // An hour later the same submission goes through, with the draft's earlier upload and the new one.
    app().clock.advance(HOUR + 1000);
    const sent = await send(
      `/dossiers/${draftId}/edit`,
      { ...typed, idempotencyKey: "upload-limits-draft-0001", intent: "submit" },
      { "doc.identityDocument": "cccd" },
    );
    expect(sent.status).toBe(303);
    expect((await app().db.query("SELECT state FROM dossiers WHERE id = $1", [draftId])).rows[0]!.state).toBe("submitted");
  });
});
