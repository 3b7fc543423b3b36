// The owner removes an item from their vault.
import type { Deps } from "../../../deps.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import * as repo from "../citizens.repository.ts";
import { type OwnerCtx, requireOwner } from "./require-owner.ts";

/** Only the vault row goes: a dossier that was filed with the file keeps it. */
export async function removeFromVault(deps: Pick<Deps, "db" | "events">, ctx: OwnerCtx, userId: string, itemId: string): Promise<void> {
  requireOwner(ctx, userId);
  await deps.db.tx(async (q) => {
    if (!(await repo.deleteVaultItem(q, userId, itemId))) throw notFound();
    await deps.events.publish(q, {
      type: "vault.itemRemoved",
      actor: ctx.actor,
      target: { type: "vaultItem", id: itemId },
      adminUnitCode: null,
      requestId: ctx.requestId,
    });
  });
}
