// What the dossier reads share: the caller's context and the one check that a dossier may be opened.
import type { Deps } from "../../../deps.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { assertCanView } from "../dossier-access.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierRow } from "../dossiers.model.ts";

export type ReadDeps = Pick<Deps, "db" | "events" | "clock" | "config">;
export type ReadCtx = Context & { principal: Principal | null };

/** `as: "office"`: the office face answers 404 to anyone who cannot read the dossier as an officer, its applicant included. */
export type ReadAs = { as?: "office" };

export async function loadViewable(
  deps: Pick<Deps, "db">,
  ctx: ReadCtx,
  id: string,
  opts: ReadAs,
): Promise<{ d: DossierRow; capacity: "office" | "applicant" }> {
  const d = /^[0-9a-f-]{36}$/i.test(id) ? await repo.findById(deps.db, id) : null;
  if (!d) throw ctx.principal ? new AppError("not_found", "error.notFound") : new AppError("unauthenticated", "error.unauthenticated");
  const capacity = assertCanView(ctx.principal, d);
  if (opts.as === "office" && capacity !== "office") throw new AppError("not_found", "error.notFound");
  return { d, capacity };
}
