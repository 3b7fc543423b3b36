// What every way of settling a fee (the desk, the gateway) obeys: when a fee can be settled, how receipts are numbered.
import type { z } from "zod";
import type { Queryable } from "../../platform/db/database.ts";
import { AppError, validationError } from "../../platform/http/app-error.ts";
import type { MessageKey } from "../../platform/i18n/i18n.ts";
import type { DossierRow } from "../dossiers/index.ts";
import * as repo from "./payments.repository.ts";
import { vietnamYear } from "./use-cases/payment-access.ts";

/** Why a fee cannot be settled now, in words for each state it may be in; null when it can. */
export function whyNotPayable(d: DossierRow): MessageKey | null {
  if (d.state === "draft") return "payments.error.draft";
  if (d.feeStatus === "unpaid" && d.feeAmount > 0) return null;
  switch (d.feeStatus) {
    case "paid":
      return "payments.error.state.paid";
    case "exempt":
      return "payments.error.state.exempt";
    case "refunded":
      return "payments.error.state.refunded";
    default:
      return "payments.error.state.none";
  }
}

/**
 * A fee is due while it is unpaid on a dossier that is filed and still going somewhere: not a draft, not refused
 * nor withdrawn. Only then does a page offer the VietQR (a code to pay for a refused dossier invites a refund).
 */
export function feeDue(d: Pick<DossierRow, "state" | "feeStatus" | "feeAmount">): boolean {
  return d.feeStatus === "unpaid" && d.feeAmount > 0 && d.state !== "draft" && d.state !== "refused" && d.state !== "cancelled";
}

/** The desk takes money only for a fee that is due: never for a refused or withdrawn dossier (see feeDue). */
export function assertDue(d: DossierRow): void {
  assertUnpaid(d);
  if (!feeDue(d)) throw new AppError("conflict", "payments.error.closed");
}

export function assertUnpaid(d: DossierRow): void {
  const blocked = whyNotPayable(d);
  if (blocked) throw new AppError("conflict", blocked);
}

/** `BL-2026-02923-000001`: one receipt book per commune and year (MG- for waivers, which are not receipts of money). */
export async function takeReceiptNumber(q: Queryable, series: "BL" | "MG", communeCode: string, at: Date): Promise<string> {
  const prefix = `${series}-${vietnamYear(at)}-${communeCode}-`;
  return `${prefix}${String(await repo.nextReceiptNumber(q, prefix)).padStart(6, "0")}`;
}

/** Use cases are called by tests and other modules too, so they check their input themselves. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw validationError(r.error.issues);
  return r.data;
}
