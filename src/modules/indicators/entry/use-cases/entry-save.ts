// Saving a commune's values of a period (draft), with evidence added or removed, and submitting them for review.
// Everything is checked before anything is written, in one transaction: a wrong value, a wrong file or a value
// that is locked answers 400 naming the field, and nothing of the request is kept.
import type { Deps } from "../../../../deps.ts";
import type { Principal } from "../../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../../platform/calendar/vietnam-time.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import type { Context } from "../../../../platform/events/domain-events.ts";
import { storeFile } from "../../../../platform/files/file-store.ts";
import type { UploadMediaType } from "../../../../platform/files/sniff-upload.ts";
import { uploadQuota } from "../../../../platform/files/upload-limits.ts";
import { AppError, type FieldError } from "../../../../platform/http/app-error.ts";
import { parseValue } from "../entry-rules.ts";
import * as repo from "../entry.repository.ts";
import { entryCommune } from "./entry-access.ts";
import { checkEntryPeriod, editableStatus, type EntryForm, loadEntry } from "./entry-form.ts";

/** Evidence may be a PDF, a photo (JPEG, PNG): its type is read from the bytes. */
export const EVIDENCE_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const satisfies readonly UploadMediaType[];

export type EntryInput = {
  /** Per element key: the typed value ("" or null: none yet) and a note. Absent keys are left as they are. */
  values: Record<string, { value?: string | number | null; note?: string | null }>;
  /** Files to add, each to an element's value. */
  files?: { element: string; name: string; bytes: Uint8Array }[];
  /** Evidence ids to remove. */
  removeEvidence?: string[];
  /** After saving, send every draft or returned value of the period to the province. */
  submit?: boolean;
  clientIp?: string | null;
};

const MAX_NOTE = 1000;
const err = (field: string, code: string, message: FieldError["message"], params?: Record<string, string | number>): FieldError => ({
  field,
  code,
  message,
  ...(params ? { params } : {}),
});

export async function saveEntry(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context & { principal: Principal | null },
  unitCode: string,
  periodCode: string,
  input: EntryInput,
): Promise<EntryForm> {
  const unit = await entryCommune(deps, ctx.principal, unitCode, ["indicator.enter"]);
  const p = ctx.principal as Principal;
  const now = deps.clock.now();
  const period = checkEntryPeriod(periodCode, toLocalDay(now));
  await deps.db.tx(async (q) => {
    const { form, byKey } = await loadEntry(deps, q, unit, period, p, true);
    const lines = new Map(form.lines.map((l) => [l.element.key, l] as const));
    const errors: FieldError[] = [];
    // 1. Check every value and note, every file's element, every removal; write nothing yet.
    const changes: { key: string; value: number | null; note: string }[] = [];
    for (const [key, v] of Object.entries(input.values)) {
      const line = lines.get(key);
      if (!line) {
        errors.push(err(`${key}.value`, "unknown", "indicators.entry.error.unknownElement", { key }));
        continue;
      }
      const parsed = parseValue(v.value, line.element, `${key}.value`);
      if (!parsed.ok) {
        errors.push(parsed.error);
        continue;
      }
      const note = (v.note ?? line.row?.note ?? "").trim();
      if (note.length > MAX_NOTE) errors.push(err(`${key}.note`, "too_long", "indicators.entry.error.noteTooLong", { max: MAX_NOTE }));
      const row = line.row;
      const same = row !== null && row.value === parsed.value && row.note === note;
      if (!line.editable) {
        if (!same)
          errors.push(err(`${key}.value`, "locked", row?.status === "approved" ? "indicators.entry.error.locked" : "indicators.entry.error.withProvince"));
        continue;
      }
      if (same || (row === null && parsed.value === null && note === "")) continue;
      changes.push({ key, value: parsed.value, note });
    }
    for (const f of input.files ?? []) {
      const line = lines.get(f.element);
      if (!line) errors.push(err(`${f.element}.evidence`, "unknown", "indicators.entry.error.unknownElement", { key: f.element }));
      else if (!line.editable) errors.push(err(`${f.element}.evidence`, "locked", "indicators.entry.error.locked"));
    }
    const evidenceIds = new Map(form.lines.flatMap((l) => l.evidence.map((e) => [e.id, l] as const)));
    for (const id of input.removeEvidence ?? []) {
      const line = isUuid(id) ? evidenceIds.get(id) : undefined;
      if (!line) errors.push(err("removeEvidence", "unknown", "indicators.entry.error.unknownEvidence"));
      else if (!line.editable) errors.push(err(`${line.element.key}.evidence`, "locked", "indicators.entry.error.locked"));
    }
    if (errors.length > 0) throw new AppError("validation", "error.validation", errors);

    // 2. Write: values, then files (a refused file rolls back the values too), then removals.
    const actor = { actor: ctx.actor, requestId: ctx.requestId, adminUnitCode: unit.code };
    const publish = (type: string, id: string, details: Record<string, unknown>) =>
      deps.events.publish(q, { type, ...actor, target: { type: "indicatorValue", id }, details: { unit: unit.code, period: period.code, ...details } });
    const ids = new Map([...byKey].map(([k, r]) => [k, r.id] as const));
    const ensureRow = async (key: string) => {
      let id = ids.get(key);
      if (!id) {
        const entryUnit = { code: unit.code, communeCode: unit.communeCode, provinceCode: unit.provinceCode, path: unit.path };
        id = await repo.insertValue(q, { elementKey: key, unit: entryUnit, period, value: null, note: "", userId: p.userId, now });
        ids.set(key, id);
      }
      return id;
    };
    for (const c of changes) {
      const row = byKey.get(c.key);
      if (row) await repo.updateDraft(q, row.id, c.value, c.note, p.userId, now);
      else {
        const id = await ensureRow(c.key);
        await repo.updateDraft(q, id, c.value, c.note, p.userId, now);
      }
      await publish("indicatorValue.saved", ids.get(c.key) as string, {
        element: c.key,
        value: c.value,
        previous: row?.value ?? null,
        revision: row?.revision ?? 1,
      });
    }
    const evidenceCount = new Map(form.lines.map((l) => [l.element.key, l.evidence.length] as const));
    for (const f of input.files ?? []) {
      const valueId = await ensureRow(f.element);
      const stored = await storeFile(q, {
        ownerUserId: p.userId,
        communeCode: unit.communeCode,
        name: f.name,
        bytes: f.bytes,
        maxBytes: deps.config.uploadMaxBytes,
        field: `${f.element}.evidence`,
        allowed: EVIDENCE_TYPES,
        quota: uploadQuota(deps.config, p, input.clientIp ?? null, now),
      });
      const id = await repo.insertEvidence(q, {
        valueId,
        fileId: stored.id,
        name: stored.name,
        mediaType: stored.mediaType,
        sizeBytes: stored.sizeBytes,
        userId: p.userId,
        now,
      });
      evidenceCount.set(f.element, (evidenceCount.get(f.element) ?? 0) + 1);
      await deps.events.publish(q, {
        type: "indicatorEvidence.added",
        ...actor,
        target: { type: "indicatorEvidence", id },
        details: { valueId, element: f.element, unit: unit.code, period: period.code, fileId: stored.id, name: stored.name, sizeBytes: stored.sizeBytes },
      });
    }
    for (const id of input.removeEvidence ?? []) {
      const line = evidenceIds.get(id)!;
      const e = line.evidence.find((x) => x.id === id)!;
      await repo.deleteEvidence(q, id);
      evidenceCount.set(line.element.key, (evidenceCount.get(line.element.key) ?? 1) - 1);
      await deps.events.publish(q, {
        type: "indicatorEvidence.removed",
        ...actor,
        target: { type: "indicatorEvidence", id },
        details: { valueId: e.valueId, element: line.element.key, unit: unit.code, period: period.code, fileId: e.fileId, name: e.name },
      });
    }

    // 3. Submit: every draft or returned value must have a number, and its evidence when the element asks for it.
    if (!input.submit) return;
    const rows = await repo.valuesOf(q, unit.code, period.code);
    const open = rows.filter((r) => editableStatus(r.status) && lines.has(r.elementKey));
    const missing: FieldError[] = [];
    if (open.length === 0) missing.push(err("values", "nothing", "indicators.entry.error.nothingToSubmit"));
    for (const r of open) {
      const line = lines.get(r.elementKey)!;
      if (r.value === null) missing.push(err(`${r.elementKey}.value`, "required", "indicators.entry.error.valueRequired"));
      if (line.element.evidenceRequired && (evidenceCount.get(r.elementKey) ?? 0) === 0)
        missing.push(err(`${r.elementKey}.evidence`, "required", "indicators.entry.error.evidenceRequired"));
    }
    if (missing.length > 0) throw new AppError("validation", "error.validation", missing);
    await repo.markSubmitted(
      q,
      open.map((r) => r.id),
      p.userId,
      now,
    );
    for (const r of open) await publish("indicatorValue.submitted", r.id, { element: r.elementKey, value: r.value, revision: r.revision });
  });
  return (await loadEntry(deps, deps.db, unit, period, p)).form;
}
