// Who is acting, as recorded in events and the audit log.
import type { Principal } from "./authorise.ts";
import type { Actor } from "../events/domain-events.ts";

export const actorOf = (p: Principal | null): Actor =>
  p ? { userId: p.userId, label: p.username, ...(p.tokenId ? { tokenId: p.tokenId } : {}) } : { userId: null, label: "anonymous" };

/** The request's context, read with get(): Hono's c.var builds a new object of every variable on each read. */
export const useCaseContext = (c: { get(key: "principal"): Principal | null; get(key: "requestId"): string }) => {
  const principal = c.get("principal");
  return { actor: actorOf(principal), requestId: c.get("requestId"), principal };
};
