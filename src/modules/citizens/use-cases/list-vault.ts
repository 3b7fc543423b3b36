// The citizen's vault (kho dữ liệu điện tử): documents uploaded once and results received, newest first.
import type { Deps } from "../../../deps.ts";
import * as repo from "../citizens.repository.ts";
import { type VaultItem, withFileDetails } from "../vault-item.ts";
import { type OwnerCtx, requireOwner } from "./require-owner.ts";

const LIST_LIMIT = 200;

export async function listVault(deps: Pick<Deps, "db">, ctx: OwnerCtx, userId: string): Promise<VaultItem[]> {
  requireOwner(ctx, userId);
  return withFileDetails(deps.db, await repo.listVaultItems(deps.db, userId, LIST_LIMIT));
}
