/** The commune hall: queue tickets, counters and the big screen (docs/hall.md). */
export { TICKET_STATUSES, type QueueTicket, type TicketStatus, ticketLabel } from "./hall.model.ts";
// hall/queue: taking a number, the counters' actions, a ticket as its holder sees it, the settings.
export { takeTicket, issueTicket, KIOSK_LIMITS, ADDRESS_LIMITS, type IssueInput, type TakeVia } from "./use-cases/queue-take.ts";
export { callNext, actOnTicket, linkDossier, sitAtCounter, COUNTER_ACTIONS, type CounterAction } from "./use-cases/queue-counter-act.ts";
export { viewTicket, presentTicket, type TicketView } from "./use-cases/queue-ticket-view.ts";
export { saveService, saveCounter } from "./use-cases/queue-settings-save.ts";
export { type HallFigures, type HallFiguresInput, type HallFiguresRow, hallFigures } from "./use-cases/screen-figures.ts";
export { type ScreenQueueState, screenState } from "./use-cases/screen-state.ts";
