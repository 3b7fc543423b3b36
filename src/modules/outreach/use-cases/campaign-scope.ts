// Who sees which campaign, training or recognition list: holders of coverage.read (or of the area's own permission)
// on a unit see what lies inside it, and a drive of a unit above it counted over their part only.
import type { Deps } from "../../../deps.ts";
import { type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import type { Permission } from "../../../platform/auth/roles.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import type { MessageKey } from "../../../platform/i18n/i18n.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";

/** The path prefixes the principal may read figures under; 401 without a principal, 403 with none. */
export function readPaths(p: Principal | null, also: Permission): string[] {
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const paths = [...new Set([...scopePaths(p, "coverage.read"), ...scopePaths(p, also)])];
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  return paths;
}

/** True when the unit lies inside one of the paths, or one of them inside the unit. */
export const overlaps = (unitPath: string, paths: readonly string[]) => paths.some((p) => unitPath.startsWith(p) || p.startsWith(unitPath));

/** The paths narrowed to a unit: the unit itself where a path covers it, the paths inside it otherwise. */
export const narrowTo = (unitPath: string, paths: readonly string[]) =>
  paths.some((p) => unitPath.startsWith(p)) ? [unitPath] : paths.filter((p) => p.startsWith(unitPath));

/** A unit named by a body or a form field: an unknown code is a 404 naming the field. */
export async function unitOfField(
  deps: Pick<Deps, "db" | "config">,
  code: string,
  field: string,
  message: MessageKey = "campaigns.error.unit",
): Promise<AdminUnitRow> {
  try {
    return await getAdminUnit(deps, code);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") {
      const f: FieldError = { field, code: "not_found", message };
      throw new AppError("not_found", "error.notFound", [f]);
    }
    throw err;
  }
}
