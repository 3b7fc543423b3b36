// Register an Open311 client: a name, a contact and the unit it may post to; its api_key is returned once and only
// its SHA-256 (and last 4 characters, to tell keys apart) is kept. Audited.
import type { z } from "zod";
import type { Deps } from "../../../deps.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { RegisterClientInput } from "../open311/open311.contract.ts";
import { type ClientRow, findClient, insertClient } from "../open311/open311.repository.ts";
import { hashOpen311Key, newOpen311Key } from "./open311-client-key.ts";

export async function registerOpen311Client(
  deps: Pick<Deps, "db" | "events" | "config">,
  ctx: Context & { principal: Principal | null },
  input: z.infer<typeof RegisterClientInput>,
): Promise<{ client: ClientRow; apiKey: string }> {
  const unit = await getAdminUnit(deps, input.unitCode).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found")
      throw new AppError("validation", "error.validation", [{ field: "unitCode", code: "unknown", message: "validation.unknownUnit" }]);
    throw err;
  });
  authorise(ctx.principal, "open311.manage", unit);
  const apiKey = newOpen311Key();
  const client = await deps.db.tx(async (q) => {
    const id = await insertClient(q, {
      name: input.name,
      contact: input.contact,
      unitCode: unit.code,
      unitPath: unit.path,
      keyHash: hashOpen311Key(apiKey),
      keyHint: apiKey.slice(-4),
      createdBy: ctx.principal?.userId ?? null,
    });
    await deps.events.publish(q, {
      type: "open311Client.registered",
      actor: ctx.actor,
      target: { type: "open311Client", id },
      adminUnitCode: unit.code,
      requestId: ctx.requestId,
      details: { name: input.name },
    });
    return (await findClient(q, id))!;
  });
  return { client, apiKey };
}
