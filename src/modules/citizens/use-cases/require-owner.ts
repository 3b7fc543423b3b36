// Profile and vault are always the signed-in person's own: anyone else is told it does not exist.
import type { Principal } from "../../../platform/auth/authorise.ts";
import { AppError, notFound } from "../../../platform/http/app-error.ts";
import type { Context } from "../../../platform/events/domain-events.ts";

export type OwnerCtx = Context & { principal: Principal | null };

export function requireOwner(ctx: OwnerCtx, userId: string): Principal {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  if (ctx.principal.userId !== userId) throw notFound();
  return ctx.principal;
}
