// The accounts whose home unit lies inside the caller's scope, a page at a time.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { scopePaths, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { decodeCursor, toPage } from "../../../platform/http/cursor.ts";
import * as repo from "../identity.repository.ts";
import type { Ctx } from "./user-scope.ts";

export async function listUsers(deps: Pick<Deps, "db" | "events">, ctx: Ctx, page: { cursor?: string; limit: number; q?: string }) {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = scopePaths(ctx.principal, "user.read");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  const after = decodeCursor(page.cursor, 1) as [string] | null;
  const rows = await repo.listUsers(deps.db, { paths, after: after?.[0] ?? null, limit: page.limit + 1, text: page.q });
  // A page of names is a read of personal data: one entry for the page, naming the search and the units listed.
  const units = scopeUnitCodes(ctx.principal, "user.read");
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "userList", id: null },
    adminUnitCode: units[0] ?? null,
    details: { units, ...(page.q ? { q: page.q } : {}), ...(page.cursor ? { cursor: page.cursor } : {}), limit: page.limit },
  });
  return toPage(
    rows.map(({ passwordHash, ...u }) => u),
    page.limit,
    (u) => [u.username.toLowerCase()],
  );
}
