// GET requests/{id} and tokens/{token}: one request of the commune, if the public (or the client that posted it) may see it.
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type CommuneRef, findByToken, findRequest, type RequestRow } from "../open311/open311.repository.ts";

const notFound = (field: string, message: "reports.open311.error.requestNotFound" | "reports.open311.error.tokenNotFound", id: string) =>
  new AppError("not_found", "error.notFound", [{ field, code: "not_found", message, params: { id: id.slice(0, 64) } }]);

export async function getOpen311Request(deps: Pick<Deps, "db">, commune: CommuneRef, id: string, clientId: string | null): Promise<RequestRow> {
  const row = id.length <= 64 ? await findRequest(deps.db, commune.code, id.trim().toUpperCase(), clientId) : null;
  if (!row) throw notFound("service_request_id", "reports.open311.error.requestNotFound", id);
  return row;
}

export async function open311RequestFromToken(deps: Pick<Deps, "db">, commune: CommuneRef, token: string): Promise<{ code: string; token: string }> {
  const row = token.length <= 64 ? await findByToken(deps.db, commune.code, token) : null;
  if (!row) throw notFound("token", "reports.open311.error.tokenNotFound", token);
  return row;
}
