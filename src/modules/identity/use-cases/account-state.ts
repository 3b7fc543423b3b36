// Kind and state of an account, for modules that hold a user id (phone sign-in, assisted filing), inside their transaction.
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import * as repo from "../identity.repository.ts";

export const accountState = (q: Queryable, userId: string): Promise<{ kind: Principal["kind"]; disabled: boolean } | null> => repo.findAccountState(q, userId);
