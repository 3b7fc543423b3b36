// Users who hold a role covering a unit: the specialists a dossier can be assigned to, the desk staff a form names.
import type { Deps } from "../../../deps.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import * as repo from "../identity.repository.ts";

export const usersWithRole = (deps: Pick<Deps, "db">, role: Role, unitPath: string): Promise<Array<{ id: string; displayName: string; username: string }>> =>
  repo.listHoldersOfRole(deps.db, role, unitPath);
