// A piece of evidence's file, for whoever may see the commune's values (the commune, the province's reviewers and
// readers). Evidence proves figures about infrastructure and services, not about a person, so the read is not audited.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { readStoredFile, type StoredFileContent } from "../../../../platform/files/file-store.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import * as repo from "../entry.repository.ts";
import { authoriseAny } from "./entry-access.ts";

export async function evidenceFile(deps: Pick<Deps, "db">, ctx: { principal: Principal | null }, id: string): Promise<StoredFileContent> {
  if (!ctx.principal) throw new AppError("unauthenticated", "error.unauthenticated");
  const e = isUuid(id) ? await repo.evidenceById(deps.db, id) : null;
  if (!e) throw new AppError("not_found", "error.notFound");
  authoriseAny(ctx.principal, ["indicator.enter", "indicator.review", "indicator.read"], { code: e.unitCode, path: e.unitPath });
  const file = await readStoredFile(deps.db, e.fileId);
  if (!file) throw new AppError("not_found", "error.notFound");
  return { ...file, name: e.name };
}
