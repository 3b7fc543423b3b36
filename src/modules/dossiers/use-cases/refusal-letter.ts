// A refusal after receipt is a decision on the dossier: its letter (Mẫu 03, with the reasons) is the result,
// stored with the dossier's documents and put in the owner's vault like any result.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { storeFile } from "../../../platform/files/file-store.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { addToVault } from "../../citizens/index.ts";
import type { ProcedureRecord } from "../../procedures/index.ts";
import * as repo from "../dossiers.repository.ts";
import type { DossierRow } from "../dossiers.model.ts";
import { renderRefusal } from "../forms/refusal.pdf.ts";
import { loadDeskSettings } from "./dossier-code.ts";
import { formBase, handlingAgencyOf, positionsOf, refusalData } from "./print-forms.ts";

/** Renders the refusal letter in Vietnamese, stores it as the dossier's result and gives the owner a copy. */
export async function issueRefusalLetter(
  deps: Pick<Deps, "db" | "config">,
  q: Queryable,
  input: { dossier: DossierRow; procedure: ProcedureRecord; ownerUserId: string | null },
): Promise<void> {
  const d = input.dossier;
  const events = await repo.listEvents(q, d.id);
  const [commune, settings] = await Promise.all([getAdminUnit(deps, d.communeCode), loadDeskSettings(deps, d.communeCode)]);
  const base = formBase("vi", commune, settings, handlingAgencyOf(input.procedure.definition));
  // Signed as the printed letter is: by who refused (chair or vice-chair), or for the handling agency.
  const data = refusalData({ dossier: d, procedure: input.procedure, events }, base, await positionsOf(deps, d, settings));
  if (!data) return;
  const pdf = await renderRefusal(data);
  const title = translator("vi")("forms.refusal.title");
  const file = await storeFile(q, {
    ownerUserId: null,
    communeCode: d.communeCode,
    name: `phieu-tu-choi-${(d.code ?? d.id).replace(/[^A-Za-z0-9.-]/g, "_")}.pdf`,
    bytes: new Uint8Array(pdf),
    maxBytes: Math.max(deps.config.uploadMaxBytes, pdf.length),
    field: "resultFile",
    quota: null,
  });
  await repo.insertDocument(q, d.id, { requirementKey: "refusal", fileId: file.id, source: "result", round: 0 });
  if (input.ownerUserId)
    await addToVault(q, { userId: input.ownerUserId, fileId: file.id, title, kind: "result", documentType: "refusal", sourceDossierId: d.id });
}
