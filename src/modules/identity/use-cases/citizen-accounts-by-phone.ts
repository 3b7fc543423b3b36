// Citizen accounts that carry this phone on the account itself, oldest first, inside the caller's transaction.
import type { Queryable } from "../../../platform/db/database.ts";
import * as repo from "../identity.repository.ts";

export const citizenAccountsByPhone = (q: Queryable, phone: string): Promise<Array<{ id: string; disabled: boolean }>> =>
  repo.findCitizenAccountsByPhone(q, phone);
