// Name, phone, email and ID number as the account holds them: what a first form can start from.
import type { Deps } from "../../../deps.ts";
import * as repo from "../identity.repository.ts";

export type AccountDetails = { displayName: string; phone: string | null; email: string | null; citizenIdNumber: string | null; kind: string };

export const accountDetails = (deps: Pick<Deps, "db">, userId: string): Promise<AccountDetails | null> => repo.findAccountDetails(deps.db, userId);
