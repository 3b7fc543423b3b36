// One training: its attendees and materials, who in its unit still needs training on its skills, and (when the
// page searches) residents to add. Names of residents: one audited read of personal data per call.
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { readFilesMeta } from "../../../platform/files/file-store.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { householdAccess } from "../../registry/index.ts";
import * as repo from "../campaigns/trainings.repository.ts";
import { loadTraining } from "./training-access.ts";

export const NEEDS_LIMIT = 200;
const SEARCH_LIMIT = 30;

export type TrainingDetail = {
  training: repo.TrainingRow;
  attendees: repo.PersonRow[];
  attendeesHidden: number;
  materials: { fileId: string; name: string; mediaType: string; sizeBytes: number }[];
  needsTraining: (repo.PersonRow & { missing: string[] })[];
  needsTrainingTotal: number;
  /** Only when a search was asked for: null otherwise. */
  found: repo.PersonRow[] | null;
};

export async function getTraining(
  deps: Pick<Deps, "db" | "events" | "clock">,
  ctx: Context & { principal: Principal | null },
  id: string,
  opts: { search?: string } = {},
): Promise<TrainingDetail> {
  const training = await loadTraining(deps, ctx.principal, id);
  const access = householdAccess(ctx.principal);
  const adultBornBy = Number(toLocalDay(deps.clock.now()).slice(0, 4)) - 18;
  const text = opts.search ? searchKey(opts.search) : "";
  const [attendees, materials, needs, found] = await Promise.all([
    repo.listAttendees(deps.db, training.id, access),
    repo.listMaterials(deps.db, training.id),
    repo.needsTraining(deps.db, { unitPath: training.unitPath, skillKeys: training.skillKeys, adultBornBy, access, limit: NEEDS_LIMIT }),
    text.length >= 2 ? repo.searchResidents(deps.db, text, access, SEARCH_LIMIT) : Promise.resolve(null),
  ]);
  const meta = await readFilesMeta(
    deps.db,
    materials.map((m) => m.fileId),
  );
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "training", id: training.id },
    adminUnitCode: training.unitCode || training.communeCode,
    details: { parts: ["attendees", "needsTraining", ...(found ? ["search"] : [])], ...(found ? { q: text } : {}) },
  });
  return {
    training,
    attendees: attendees.shown,
    attendeesHidden: attendees.hidden,
    materials: materials.flatMap((m) => {
      const f = meta.get(m.fileId);
      return f ? [{ fileId: m.fileId, name: m.name, mediaType: f.mediaType, sizeBytes: f.sizeBytes }] : [];
    }),
    needsTraining: needs.rows.map((r) => ({ ...r, missing: needs.missing.get(r.residentId) ?? [] })),
    needsTrainingTotal: needs.total,
    found,
  };
}
