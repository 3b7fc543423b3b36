// An api_key names a registered client; a revoked or unknown key, or a key for another unit, is Open311's 403.
import { createHash, randomBytes } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type ClientRow, type CommuneRef, findClientByKeyHash } from "../open311/open311.repository.ts";

export const newOpen311Key = () => `o311_${randomBytes(24).toString("base64url")}`;
export const hashOpen311Key = (key: string) => createHash("sha256").update(key).digest("hex");

const forbidden = (message: "reports.open311.error.apiKeyMissing" | "reports.open311.error.apiKeyBad" | "reports.open311.error.apiKeyScope") =>
  new AppError("forbidden", "error.forbidden", [{ field: "api_key", code: "forbidden", message }]);

/** The client of a key, if the key is in use; null without a key (a public read). */
export async function open311ClientOf(deps: Pick<Deps, "db">, apiKey: string | undefined): Promise<ClientRow | null> {
  const key = apiKey?.trim() ?? "";
  if (key === "") return null;
  const client = key.length <= 200 ? await findClientByKeyHash(deps.db, hashOpen311Key(key)) : null;
  if (!client || client.revokedAt) throw forbidden("reports.open311.error.apiKeyBad");
  return client;
}

/** The client that may post to this commune, or 403 naming api_key. */
export async function open311PostingClient(deps: Pick<Deps, "db">, apiKey: string | undefined, commune: CommuneRef): Promise<ClientRow> {
  const client = await open311ClientOf(deps, apiKey);
  if (!client) throw forbidden("reports.open311.error.apiKeyMissing");
  if (!commune.path.startsWith(client.unitPath)) throw forbidden("reports.open311.error.apiKeyScope");
  return client;
}
