// A citizen account known by its phone, created inside the caller's transaction (phone sign-in).
import type { Queryable } from "../../../platform/db/database.ts";
import * as repo from "../identity.repository.ts";

/** Null when the username is taken: the caller tries another. */
export const createCitizenAccount = (q: Queryable, u: { username: string; displayName: string; phone: string }): Promise<string | null> =>
  repo.insertCitizenAccount(q, u);
