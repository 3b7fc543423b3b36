// Each entry's hash covers its content and the previous hash: changing or removing one breaks the chain.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type AuditEntry = {
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string | null;
  adminUnitCode: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

/** JSON with sorted object keys, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(",")}}`;
}

export function hashEntry(prevHash: string, e: AuditEntry): string {
  const body = canonicalJson([e.seq, e.at.toISOString(), e.actorId, e.actorLabel, e.action, e.targetType, e.targetId, e.adminUnitCode, e.requestId, e.details]);
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
