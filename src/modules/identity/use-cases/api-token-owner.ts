// Tokens are managed by a signed-in person only.
import type { Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { Ctx } from "./user-scope.ts";

export function requireTokenOwner(ctx: Ctx): Principal {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  // A token cannot mint further tokens: only a signed-in person can.
  if (ctx.principal.tokenId) throw new AppError("forbidden", "error.forbidden");
  return ctx.principal;
}
