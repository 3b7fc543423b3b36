// Every change the hall's screens show (a ticket taken, called, served) signals the commune's channel inside the
// change's transaction (PostgreSQL NOTIFY is delivered on commit only), so every server process — not just the one
// that took the request — pushes the new state to its screens.
import type { Queryable } from "../../platform/db/database.ts";

export const HALL_CHANNEL = "hall_changes";

export async function signalHallChange(q: Queryable, communeCode: string): Promise<void> {
  await q.query("SELECT pg_notify($1, $2)", [HALL_CHANNEL, communeCode]);
}
