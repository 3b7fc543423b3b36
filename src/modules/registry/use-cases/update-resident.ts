// A resident's own fields, edited against the version the editor saw. Only the fields sent change; null clears
// an optional one. The ID number is checked against the birth year and sex the record will have afterwards.
import type { z } from "zod";
import { AppError } from "../../../platform/http/app-error.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { idDisagreement } from "../../citizens/index.ts";
import type { updateResidentInput } from "../registry.contract.ts";
import * as repo from "../registry.repository.ts";
import {
  assertIdNumberFree,
  assertMayEdit,
  fieldError,
  idNumberRace,
  type RegistryCtx,
  type RegistryDeps,
  staleVersion,
  visibleResident,
} from "./registry-access.ts";

export type UpdateResidentInput = z.infer<ReturnType<typeof updateResidentInput>>;

const keep = <T>(given: T | undefined, current: T): T => (given === undefined ? current : given);

export async function updateResident(deps: RegistryDeps, ctx: RegistryCtx, id: string, input: UpdateResidentInput): Promise<{ version: number }> {
  const now = deps.clock.now();
  try {
    return await deps.db.tx(async (q) => {
      const r = await visibleResident(q, ctx, id, true);
      assertMayEdit(ctx.principal, { code: r.villageCode, path: r.unitPath });
      if (r.archivedAt) throw new AppError("conflict", "registry.error.archived");
      if (r.version !== input.version) throw staleVersion(r.version);
      if (input.relationToHead && r.relationToHead === "head") throw fieldError("relationToHead", "registry.error.headMustChangeFirst");
      // A new year without a date drops a date that no longer agrees with it.
      let birthDate = keep(input.birthDate, r.birthDate);
      let birthYear = input.birthDate ? Number(input.birthDate.slice(0, 4)) : (input.birthYear ?? r.birthYear);
      if (input.birthDate === undefined && input.birthYear !== undefined && birthDate && Number(birthDate.slice(0, 4)) !== input.birthYear) birthDate = null;
      if (birthDate) birthYear = Number(birthDate.slice(0, 4));
      const next = {
        householdId: r.householdId,
        communeCode: r.communeCode,
        villageCode: r.villageCode,
        unitPath: r.unitPath,
        relationToHead: input.relationToHead ?? r.relationToHead,
        fullName: input.fullName ?? r.fullName,
        searchName: searchKey(input.fullName ?? r.fullName),
        birthDate,
        birthYear,
        sex: keep(input.sex, r.sex),
        phone: keep(input.phone, r.phone),
        citizenIdNumber: keep(input.citizenIdNumber, r.citizenIdNumber),
        ethnicity: keep(input.ethnicity, r.ethnicity),
        language: keep(input.language, r.language),
        flags: input.flags ? [...new Set(input.flags)] : r.flags,
        archivedAt: null,
        archivedReason: null,
        mergedInto: null,
      };
      if (next.citizenIdNumber) {
        const d = idDisagreement(next.citizenIdNumber, { birthDate: `${next.birthYear}-01-01`, sex: next.sex });
        if (d) throw new AppError("validation", "error.validation", [{ field: "citizenIdNumber", code: d.code, message: d.messageKey, params: d.params }]);
        if (next.citizenIdNumber !== r.citizenIdNumber) await assertIdNumberFree(q, next.citizenIdNumber, r.id);
      }
      if (!(await repo.updateResident(q, id, input.version, next, now))) throw staleVersion(r.version);
      const changed = (Object.keys(input) as (keyof UpdateResidentInput)[]).filter((k) => k !== "version");
      await deps.events.publish(q, {
        type: "resident.updated",
        actor: ctx.actor,
        target: { type: "resident", id },
        adminUnitCode: r.communeCode,
        requestId: ctx.requestId,
        details: { fields: changed, version: input.version + 1 },
      });
      return { version: input.version + 1 };
    });
  } catch (err) {
    return idNumberRace(err);
  }
}
