// Who is acting, as recorded in events and the audit log.
import type { Principal } from "./authorise.ts";
import type { Actor } from "../events/domain-events.ts";

export const actorOf = (p: Principal | null): Actor =>
  p ? { userId: p.userId, label: p.username, ...(p.tokenId ? { tokenId: p.tokenId } : {}) } : { userId: null, label: "anonymous" };

export const useCaseContext = (c: { var: { principal: Principal | null; requestId: string } }) => ({
  actor: actorOf(c.var.principal),
  requestId: c.var.requestId,
  principal: c.var.principal,
});
