import { describe, expect, it } from "vitest";
import { type AuditEntry, canonicalJson, GENESIS_HASH, hashEntry } from "./audit-chain.ts";

const entry: AuditEntry = {
  seq: 1,
  at: new Date("2026-11-23T03:00:00.123Z"),
  actorId: null,
  actorLabel: "system",
  action: "user.created",
  targetType: "user",
  targetId: "u1",
  adminUnitCode: "02923",
  requestId: "r1",
  details: { b: 1, a: [1, { d: 2, c: 3 }] },
};

describe("audit chain", () => {
  it("hashes key order independently, as jsonb reorders keys", () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(hashEntry(GENESIS_HASH, entry)).toBe(hashEntry(GENESIS_HASH, { ...entry, details: { a: [1, { c: 3, d: 2 }], b: 1 } }));
  });

  it("changes the hash when any field or the previous hash changes", () => {
    const h = hashEntry(GENESIS_HASH, entry);
    expect(hashEntry(GENESIS_HASH, { ...entry, actorLabel: "mallory" })).not.toBe(h);
    expect(hashEntry(GENESIS_HASH, { ...entry, at: new Date(entry.at.getTime() + 1) })).not.toBe(h);
    expect(hashEntry("f".repeat(64), entry)).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});
