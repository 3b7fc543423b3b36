// The id of an account by its username, or null.
import type { Deps } from "../../../deps.ts";
import * as repo from "../identity.repository.ts";

export const findUserId = async (deps: Pick<Deps, "db">, username: string) => (await repo.findUserByUsername(deps.db, username))?.id ?? null;
