/** The commune hall: queue tickets, counters and the big screen (docs/hall.md). */
export { TICKET_STATUSES, type QueueTicket, type TicketStatus, ticketLabel } from "./hall.model.ts";
export { type HallFigures, type HallFiguresInput, type HallFiguresRow, hallFigures } from "./use-cases/screen-figures.ts";
export { type ScreenQueueState, screenState } from "./use-cases/screen-state.ts";
