// Which commune an Open311 call is about: jurisdiction_id is the commune's code. It may be left out only when the
// installation serves a single commune; an unknown code is Open311's 404 ("jurisdiction_id provided was not found").
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type CommuneRef, findCommune, someCommunes } from "../open311/open311.repository.ts";

export async function open311Jurisdiction(deps: Pick<Deps, "db" | "config">, raw: string | undefined): Promise<CommuneRef> {
  const code = raw?.trim() ?? "";
  const served = deps.config.servedProvinces;
  if (code === "") {
    const communes = await someCommunes(deps.db, served);
    if (communes.length === 1) return communes[0]!;
    throw new AppError("validation", "error.validation", [
      { field: "jurisdiction_id", code: "required", message: "reports.open311.error.jurisdictionMissing" },
    ]);
  }
  const commune = /^\d{5}$/.test(code) ? await findCommune(deps.db, code, served) : null;
  if (!commune)
    throw new AppError("not_found", "error.notFound", [{ field: "jurisdiction_id", code: "unknown", message: "reports.open311.error.jurisdictionUnknown" }]);
  return commune;
}
