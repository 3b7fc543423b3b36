// Read models of payments that other code (pages, API, other modules) may name.
import type { PaymentMethod } from "./payments.contract.ts";

export type PaymentRow = {
  id: string;
  dossierId: string;
  amount: number;
  method: PaymentMethod;
  status: "paid" | "exempt" | "refunded";
  receiptNo: string;
  gatewayRef: string | null;
  confirmedById: string | null;
  /** The officer's display name (from identity); null when the gateway confirmed. */
  confirmedByName: string | null;
  confirmedAt: Date;
  refundedAt: Date | null;
  note: string | null;
};

/** A payment as stored: who confirmed it is an id, named by identity when read. */
export type PaymentRecord = Omit<PaymentRow, "confirmedByName">;
