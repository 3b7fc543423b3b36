// Records elsewhere keep only a user id (who confirmed a payment); their pages show the person's name.
import type { Queryable } from "../../../platform/db/database.ts";
import { findDisplayNames } from "../identity.repository.ts";
import { isUuid } from "../../../platform/db/uuid.ts";

/** Display names by user id, in one query, inside the caller's transaction if any; unknown ids are left out. */
export async function displayNames(q: Queryable, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null && isUuid(id)))];
  if (ids.length === 0) return new Map();
  return findDisplayNames(q, ids);
}
