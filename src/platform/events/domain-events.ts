// Use cases publish typed domain events; audit (and later notifications, aggregates) subscribe.
import type { Queryable } from "../db/database.ts";

export type Actor = { userId: string | null; label: string; tokenId?: string };
export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };

export type DomainEvent = {
  /** "user.created", "village.renamed", "personalData.read", ... */
  type: string;
  actor: Actor;
  target: { type: string; id: string | null };
  adminUnitCode: string | null;
  requestId: string | null;
  details?: Record<string, unknown>;
};

/** Handlers run inside the publisher's transaction: the event and its effects commit together or not at all. */
export type EventHandler = (q: Queryable, event: DomainEvent) => Promise<void>;

export type EventBus = {
  subscribe(handler: EventHandler): void;
  publish(q: Queryable, event: DomainEvent): Promise<void>;
};

export function createEventBus(): EventBus {
  const handlers: EventHandler[] = [];
  return {
    subscribe: (h) => void handlers.push(h),
    async publish(q, event) {
      for (const h of handlers) await h(q, event);
    },
  };
}

/** What a use case needs to say who did something and in which request. */
export type Context = { actor: Actor; requestId: string | null };
