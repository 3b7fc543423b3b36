import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, fieldErrorsFromZod, toProblem } from "./app-error.ts";
import { csrfCookieName, csrfTokenFor, csrfValid } from "./csrf.ts";
import { decodeCursor, encodeCursor, toPage } from "./cursor.ts";
import { safeNext } from "./forms.ts";
import { translator } from "../i18n/i18n.ts";

describe("CSRF tokens", () => {
  it("accept only the HMAC of this browser's seed and session under our secret", () => {
    const token = csrfTokenFor("seed-0123456789", "secret", "session-a");
    expect(csrfValid("seed-0123456789", token, "secret", "session-a")).toBe(true);
    expect(csrfValid("seed-0123456789", token, "other-secret", "session-a")).toBe(false);
    expect(csrfValid("another-seed-99", token, "secret", "session-a")).toBe(false);
    expect(csrfValid(undefined, token, "secret", "session-a")).toBe(false);
    expect(csrfValid("seed-0123456789", 42, "secret", "session-a")).toBe(false);
    // Another session, or none (the anonymous pages before sign-in), does not accept it; nor the reverse.
    expect(csrfValid("seed-0123456789", token, "secret", "session-b")).toBe(false);
    expect(csrfValid("seed-0123456789", token, "secret", null)).toBe(false);
    expect(csrfValid("seed-0123456789", csrfTokenFor("seed-0123456789", "secret", null), "secret", "session-a")).toBe(false);
  });

  it("use a __Host- cookie when cookies are secure", () => {
    expect(csrfCookieName(true)).toBe("__Host-xaso_csrf");
    expect(csrfCookieName(false)).toBe("xaso_csrf");
  });
});

describe("cursors", () => {
  it("round-trip a keyset and reject tampering with a 400 on 'cursor'", () => {
    expect(decodeCursor(encodeCursor(["gia phu", "02923"]), 2)).toEqual(["gia phu", "02923"]);
    expect(decodeCursor(undefined, 2)).toBeNull();
    for (const bad of ["!!!", encodeCursor(["only-one"]), Buffer.from("{}").toString("base64url")]) {
      const err = (() => {
        try {
          decodeCursor(bad, 2);
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(err?.status).toBe(400);
      expect(err?.fields[0]?.field).toBe("cursor");
    }
  });

  it("knows whether a next page exists from one extra row", () => {
    expect(toPage([1, 2, 3], 2, (n) => [n]).nextCursor).toBe(encodeCursor([2]));
    expect(toPage([1, 2], 2, (n) => [n]).nextCursor).toBeNull();
  });
});

describe("validation messages", () => {
  const schema = z.strictObject({ name: z.string().min(2), age: z.number(), kind: z.enum(["a", "b"]) });

  it("name each bad field, in the request's language", () => {
    const r = schema.safeParse({ age: "x", kind: "c", extra: 1 });
    const fields = fieldErrorsFromZod(r.error!.issues);
    expect(fields.map((f) => [f.field, f.code])).toEqual(
      expect.arrayContaining([
        ["name", "required"],
        ["age", "type"],
        ["kind", "choice"],
        ["extra", "unknown_field"],
      ]),
    );
    const problem = toProblem(new AppError("validation", "error.validation", fields), translator("en"), "/api/v1/x", "req-1");
    expect(problem.status).toBe(400);
    expect(problem.errors?.find((e) => e.field === "extra")?.message).toBe("Field “extra”: is not accepted");
    const vi = toProblem(new AppError("validation", "error.validation", fields), translator("vi"), "/api/v1/x", "req-1");
    expect(vi.errors?.find((e) => e.field === "name")?.message).toBe("Trường “name”: bắt buộc phải nhập");
  });
});

describe("safeNext", () => {
  it("allows only local paths as redirect targets", () => {
    expect(safeNext("/office/users?q=a")).toBe("/office/users?q=a");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil", "javascript:alert(1)", undefined]) expect(safeNext(bad)).toBe("/");
  });
});
