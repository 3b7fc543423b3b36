// Demo manual indicator values of a commune, entered by its officer and reviewed by the province through the real use cases, so the audit log has their steps: per manual element of the
// province's sets, its oldest shown period approved, the next partly approved and one value returned with a comment,
// the latest ended period partly submitted, partly a draft and partly missing. Each value that needs it carries a
// generated PDF as evidence. Safe to run again: a commune that has manual values is left as it is.
import type { Deps } from "../../../deps.ts";
import { findUserId, principalOfUser } from "../../identity/index.ts";
import { setsForProvince } from "../set-store.ts";
import { duePeriods, type DueElement, manualElements } from "./entry-rules.ts";
import { reviewValues } from "./use-cases/entry-review.ts";
import { type EntryInput, saveEntry } from "./use-cases/entry-save.ts";
import { getEntry } from "./use-cases/entry-form.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { labelledPdf } from "../../../platform/files/labelled-pdf.ts";

/** A plausible value for an element: within its range, the same on every run. */
function demoValue(e: DueElement, step: number): number {
  let h = 0;
  for (const ch of e.key) h = (h * 31 + ch.charCodeAt(0)) % 997;
  if (e.valueType === "percent") return Math.min(e.max ?? 100, 55 + ((h + step * 7) % 40));
  const min = e.min ?? 0;
  const max = e.max ?? min + 40;
  const v = min + ((h + step * 3) % Math.max(1, Math.min(max - min, 40)));
  return e.valueType === "integer" ? Math.round(v) : Math.round(v * 10) / 10;
}

/** The demo commune and province, and the usernames of the officer entering and of the province reviewing. */
export type EntryDemo = { commune: string; province: string; officer: string; reviewer: string };

export async function seedEntryDemo(deps: Pick<Deps, "db" | "events" | "clock" | "config">, demo: EntryDemo): Promise<{ values: number }> {
  const { commune: DEMO_COMMUNE, province: DEMO_PROVINCE } = demo;
  const existing = await deps.db.query("SELECT 1 FROM indicator_manual_values WHERE commune_code = $1 LIMIT 1", [DEMO_COMMUNE]);
  if (existing.rowCount) return { values: 0 };
  const [officerId, reviewerId] = await Promise.all([findUserId(deps, demo.officer), findUserId(deps, demo.reviewer)]);
  const [officer, reviewer] = await Promise.all([officerId ? principalOfUser(deps, officerId) : null, reviewerId ? principalOfUser(deps, reviewerId) : null]);
  if (!officer || !reviewer) return { values: 0 };
  const asOfficer = { actor: { userId: officer.userId, label: officer.username }, requestId: null, principal: officer };
  const asReviewer = { actor: { userId: reviewer.userId, label: reviewer.username }, requestId: null, principal: reviewer };
  const elements = manualElements(await setsForProvince(deps, DEMO_PROVINCE));
  const today = toLocalDay(deps.clock.now());
  let values = 0;
  for (const kind of ["month", "quarter", "year"] as const) {
    const mine = elements.filter((e) => e.frequency === kind);
    if (mine.length === 0) continue;
    // Most recent first: [latest ended, the one before, the oldest shown].
    const periods = duePeriods(new Set([kind]), today, { endedOnly: true });
    for (let age = periods.length - 1; age >= 0; age--) {
      const period = periods[age]!.code;
      // The latest ended period: the first element stays a draft, the last (of three or more) missing, the others are
      // submitted.
      const entered = age === 0 && mine.length > 2 ? mine.slice(0, -1) : mine;
      const draft = age === 0 ? entered[0]! : null;
      const inputOf = (list: DueElement[]): EntryInput => {
        const input: EntryInput = { values: {}, files: [] };
        for (const e of list) {
          input.values[e.key] = { value: demoValue(e, age), note: e.evidenceRequired ? "Theo biên bản kiểm tra của xã" : "" };
          if (e.evidenceRequired)
            input.files!.push({ element: e.key, name: `minh-chung-${e.key}-${period}.pdf`, bytes: labelledPdf(`Minh chung ${e.key} ${period}`) });
        }
        return input;
      };
      const sent = entered.filter((e) => e !== draft);
      if (sent.length > 0) await saveEntry(deps, asOfficer, DEMO_COMMUNE, period, { ...inputOf(sent), submit: true });
      if (draft) await saveEntry(deps, asOfficer, DEMO_COMMUNE, period, inputOf([draft]));
      values += entered.length;
      if (age === 0) continue;
      const form = await getEntry(deps, asOfficer, DEMO_COMMUNE, period);
      const ids = form.lines.flatMap((l) => (l.row ? [l.row.id] : []));
      if (age === 1 && ids.length > 1) {
        await reviewValues(deps, asReviewer, {
          decision: "return",
          comment: "Số liệu chưa khớp với biên bản gửi kèm, đề nghị xã kiểm tra lại.",
          ids: [ids[0]!],
        });
        await reviewValues(deps, asReviewer, { decision: "approve", ids: ids.slice(1) });
      } else await reviewValues(deps, asReviewer, { decision: "approve", ids });
    }
  }
  return { values };
}
