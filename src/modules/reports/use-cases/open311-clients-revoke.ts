// Revoke an Open311 client's key: its posts are refused from now on (403); its reports stay. Audited.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal } from "../../../platform/auth/authorise.ts";
import { isUuid } from "../../../platform/db/uuid.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { type ClientRow, findClient, revokeClient } from "../open311/open311.repository.ts";

export async function revokeOpen311Client(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  id: string,
): Promise<ClientRow> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  if (!isUuid(id)) throw new AppError("not_found", "error.notFound");
  return deps.db.tx(async (q) => {
    const client = await findClient(q, id, true);
    if (!client) throw new AppError("not_found", "error.notFound");
    authorise(ctx.principal, "open311.manage", { code: client.unitCode, path: client.unitPath });
    if (await revokeClient(q, id, deps.clock.now())) {
      await deps.events.publish(q, {
        type: "open311Client.revoked",
        actor: ctx.actor,
        target: { type: "open311Client", id },
        adminUnitCode: client.unitCode,
        requestId: ctx.requestId,
        details: { name: client.name },
      });
    }
    return (await findClient(q, id))!;
  });
}
