// "If I file now, when is it ready?": the appointment for a dossier of this procedure received at a given moment,
// by the very rule the desk applies on receipt (computeDueAt with the procedure's duration and cut-off).
import type { Deps } from "../../../deps.ts";
import { computeDueAt } from "../../../platform/calendar/working-time.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import type { ProcedureDefinition } from "../procedures.contract.ts";
import { getProcedure } from "./browse-procedures.ts";

export type DueEstimate = { code: string; receivedAt: Date; dueAt: Date; processing: ProcedureDefinition["processing"] };

/** Unknown code: 404 (getProcedure). A withdrawn procedure still answers: dossiers filed under it keep their rule. */
export async function estimateDueAt(deps: Pick<Deps, "db" | "clock">, code: string, receivedAt?: Date): Promise<DueEstimate> {
  const { definition: def } = await getProcedure(deps, code);
  const at = receivedAt ?? deps.clock.now();
  const dueAt = computeDueAt(await loadWorkCalendar(deps), { receivedAt: at, duration: def.processing, cutOff: def.processing.cutOff });
  return { code: def.code, receivedAt: at, dueAt, processing: def.processing };
}
