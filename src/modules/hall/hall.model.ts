// The commune hall's queue: tickets, their statuses and how a ticket's label reads.

export const TICKET_STATUSES = ["waiting", "called", "serving", "done", "no_show", "cancelled"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_SOURCES = ["kiosk", "sms", "online", "desk"] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

/** Which status may follow which; `called → called` is calling the same number again. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  waiting: ["called", "cancelled"],
  called: ["called", "serving", "no_show", "done"],
  serving: ["done"],
  done: [],
  no_show: [],
  cancelled: [],
};
export const canMoveTicket = (from: TicketStatus, to: TicketStatus): boolean => TICKET_TRANSITIONS[from].includes(to);

/** A ticket reads as its service's letter and three digits: A007. */
export const ticketLabel = (letter: string, n: number): string => `${letter}${String(n).padStart(3, "0")}`;

export type HallService = {
  id: string;
  communeCode: string;
  letter: string;
  nameVi: string;
  nameEn: string;
  procedureFields: string[];
  position: number;
  active: boolean;
};
export type HallCounter = { id: string; communeCode: string; number: number; name: string; serviceIds: string[]; officerId: string | null; active: boolean };
export type QueueTicket = {
  id: string;
  communeCode: string;
  serviceId: string;
  day: string;
  number: number;
  label: string;
  source: TicketSource;
  phone: string | null;
  slotStart: Date | null;
  status: TicketStatus;
  counterId: string | null;
  calledBy: string | null;
  callCount: number;
  dossierId: string | null;
  procedureCode: string | null;
  takenAt: Date;
  calledAt: Date | null;
  servingAt: Date | null;
  doneAt: Date | null;
  version: number;
};
