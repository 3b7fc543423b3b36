// The signed-in person's own tokens, revoked ones included.
import type { Deps } from "../../../deps.ts";
import * as repo from "../identity.repository.ts";
import { requireTokenOwner } from "./api-token-owner.ts";
import type { Ctx } from "./user-scope.ts";

export const listApiTokens = (deps: Pick<Deps, "db">, ctx: Ctx) => repo.listApiTokens(deps.db, requireTokenOwner(ctx).userId);
