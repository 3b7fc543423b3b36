// Reading a posted multipart form: its text fields and its uploads.
import type { DocumentInput } from "../use-cases/attach-documents.ts";

type Body = Record<string, string | File | (string | File)[]>;

/** Text fields of a posted form, without the CSRF token and other "_" control fields. */
export function textFields(body: Body): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (!k.startsWith("_") && typeof v === "string") out[k] = v;
  return out;
}

/** Uploads named `<prefix><key>`: empty file inputs (nothing chosen) are left out. */
export async function uploadsOf(body: Body, prefix: string): Promise<DocumentInput[]> {
  const out: DocumentInput[] = [];
  for (const [k, v] of Object.entries(body)) {
    const files = (Array.isArray(v) ? v : [v]).filter((x): x is File => typeof x !== "string" && x.size > 0);
    if (!k.startsWith(prefix) || files.length === 0) continue;
    for (const file of files)
      out.push({ requirementKey: k.slice(prefix.length), upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
  }
  return out;
}
