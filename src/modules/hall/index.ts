/** The commune hall: queue tickets, counters and the big screen (docs/hall.md). */
export { TICKET_STATUSES, type QueueTicket, type TicketStatus, ticketLabel } from "./hall.model.ts";
