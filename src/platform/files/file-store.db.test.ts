import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import { AppError } from "../http/app-error.ts";
import { readFileMeta, readFilesMeta, readStoredFile, sanitiseFileName, storeFile } from "./file-store.ts";

const ascii = (s: string) => new TextEncoder().encode(s);
const pdf = ascii("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

describeDb("file store", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("stores a PDF named .jpg as a PDF, with a safe name, and reads it back byte for byte", async () => {
    const stored = await storeFile(t.db, {
      ownerUserId: null,
      communeCode: "02923",
      name: "C:\\fakepath\\../ảnh\u0000 chụp.jpg",
      bytes: pdf,
      maxBytes: 1024,
      field: "file",
      quota: null,
    });
    expect(stored).toMatchObject({ name: "ảnh chụp.pdf", mediaType: "application/pdf", sizeBytes: pdf.byteLength });
    const read = await readStoredFile(t.db, stored.id);
    expect(read).toMatchObject({ id: stored.id, name: "ảnh chụp.pdf", mediaType: "application/pdf", ownerUserId: null, communeCode: "02923" });
    expect(Buffer.compare(read!.content, Buffer.from(pdf))).toBe(0);
    expect(await readFileMeta(t.db, stored.id)).not.toHaveProperty("content");
    expect(await readStoredFile(t.db, "not-a-uuid")).toBeNull();
    expect(await readStoredFile(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    const metas = await readFilesMeta(t.db, [stored.id, stored.id, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]);
    expect([...metas.keys()]).toEqual([stored.id]);
    expect(metas.get(stored.id)).toEqual(await readFileMeta(t.db, stored.id));
  });

  it("refuses text, empty and too large files with a field error naming the field", async () => {
    const cases: [Uint8Array, string][] = [
      [ascii("chỉ là văn bản"), "type"],
      [new Uint8Array(0), "empty"],
      [Uint8Array.from([...pdf, ...new Uint8Array(2048)]), "tooLarge"],
    ];
    for (const [bytes, code] of cases) {
      const err = await storeFile(t.db, {
        ownerUserId: null,
        communeCode: null,
        name: "x.pdf",
        bytes,
        maxBytes: 1024,
        field: "documents.birth",
        quota: null,
      }).catch((e: unknown) => e);
      expect(err, code).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).fields).toEqual([
        { field: "documents.birth", code, message: `citizens.upload.${code}`, params: { max: "1 KB", allowed: "PDF, JPG, PNG" } },
      ]);
    }
    expect((await t.db.query("SELECT count(*)::int AS n FROM stored_files WHERE name = 'x.pdf'")).rows[0]!.n).toBe(0);
  });

  it("keeps names short and never empty", () => {
    expect(sanitiseFileName(`${"a".repeat(300)}.pdf`, "pdf")).toHaveLength(120);
    expect(sanitiseFileName("", "png")).toBe("tep.png");
    expect(sanitiseFileName("/etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(sanitiseFileName('báo "cáo".PDF', "pdf")).toBe("báo cáo.pdf");
  });
});
