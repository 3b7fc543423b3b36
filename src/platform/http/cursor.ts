// Opaque keyset cursors: base64url JSON of the last row's sort key. A tampered cursor is a 400 on "cursor".
import { AppError } from "./app-error.ts";

export type Page<T> = { items: T[]; nextCursor: string | null };

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === "string" || typeof x === "number")) return v;
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation", "error.validation", [{ field: "cursor", code: "format", message: "validation.cursor" }]);
}

/** Fetches limit+1 rows to know whether there is a next page. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
