// The officers a commune's category may name as responsible: those who may handle its reports.
import type { Deps } from "../../../deps.ts";
import { PERMISSIONS, type Role } from "../../../platform/auth/roles.ts";
import { usersWithRole } from "../../identity/index.ts";

export async function responsibleCandidates(deps: Pick<Deps, "db">, communePath: string): Promise<Array<{ id: string; displayName: string }>> {
  const seen = new Map<string, string>();
  for (const role of PERMISSIONS["report.handle"] as readonly Role[])
    for (const u of await usersWithRole(deps, role, communePath)) if (!seen.has(u.id)) seen.set(u.id, u.displayName);
  return [...seen].map(([id, displayName]) => ({ id, displayName })).sort((a, b) => a.displayName.localeCompare(b.displayName, "vi"));
}
