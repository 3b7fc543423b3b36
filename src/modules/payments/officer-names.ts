// A payment row keeps who confirmed it as a user id; receipts and lists show the officer's name, which identity owns.
import type { Queryable } from "../../platform/db/database.ts";
import { displayNames } from "../identity/index.ts";
import type { PaymentRecord, PaymentRow } from "./payments.model.ts";

export async function withOfficerNames(q: Queryable, rows: readonly PaymentRecord[]): Promise<PaymentRow[]> {
  const names = await displayNames(
    q,
    rows.map((r) => r.confirmedById),
  );
  return rows.map((r) => ({ ...r, confirmedByName: r.confirmedById ? (names.get(r.confirmedById) ?? null) : null }));
}

export async function withOfficerName(q: Queryable, row: PaymentRecord): Promise<PaymentRow>;
export async function withOfficerName(q: Queryable, row: PaymentRecord | null): Promise<PaymentRow | null>;
export async function withOfficerName(q: Queryable, row: PaymentRecord | null): Promise<PaymentRow | null> {
  return row ? (await withOfficerNames(q, [row]))[0]! : null;
}
