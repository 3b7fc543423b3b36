// /api/v1 routes of the hall's queue part (tag "Hall"). Handlers are thin: parse → one use case → present.
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { getCookie } from "hono/cookie";
import type { Deps } from "../../../deps.ts";
import { useCaseContext } from "../../../platform/auth/use-case-context.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { json, problems } from "../../../platform/http/openapi-shared.ts";
import { listCounters, listServices } from "../hall.repository.ts";
import type { HallCounter, HallService } from "../hall.model.ts";
import { actOnTicket, type CounterAction, callNext, linkDossier, sitAtCounter } from "../use-cases/queue-counter-act.ts";
import { counterBoard } from "../use-cases/queue-counter-board.ts";
import { hallCommune } from "../use-cases/queue-commune.ts";
import { saveCounter, saveService } from "../use-cases/queue-settings-save.ts";
import { bookableSlots, bookSlot } from "../use-cases/queue-book.ts";
import { takeTicket } from "../use-cases/queue-take.ts";
import { presentTicket, viewTicket } from "../use-cases/queue-ticket-view.ts";
import {
  BookInput,
  BookSlot,
  BookSlotsQuery,
  CommuneParam,
  Counter,
  CounterInput,
  IdParam,
  LinkDossierInput,
  Service,
  ServiceInput,
  TakeInput,
  Ticket,
  TicketVersion,
} from "./queue.contract.ts";
import { KIOSK_COOKIE } from "./kiosk-cookie.ts";

const tags = ["Hall"];
const security = [{ bearerAuth: [] }];
const reads = { 400: problems[400], 401: problems[401], 403: problems[403], 404: problems[404] };
const writes = { ...reads, 409: problems[409], 429: problems[429] };

const presentService = (s: HallService, waiting?: number) => ({ ...s, ...(waiting === undefined ? {} : { waiting }) });
const presentCounter = (k: HallCounter) => ({ ...k });

export function registerQueueApi(api: OpenAPIHono<AppEnv>, deps: Deps): void {
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/hall/{commune}/services",
      tags,
      summary: "The commune hall's active services (letters and names), with the number waiting today — public, for kiosks and screens",
      request: { params: CommuneParam },
      responses: { 200: json(z.object({ items: z.array(Service) }), "Services in display order"), ...reads },
    }),
    async (c) => {
      const unit = await hallCommune(deps, c.req.valid("param").commune);
      const items = await listServices(deps.db, unit.code);
      return c.json({ items: items.map((s) => presentService(s)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/hall/{commune}/services",
      tags,
      security,
      summary: "Save a service by its letter (hall.manage): creates it, or updates the commune's service of that letter",
      request: { params: CommuneParam, body: { required: true, content: { "application/json": { schema: ServiceInput } } } },
      responses: { 200: json(Service, "Updated"), 201: json(Service, "Created"), ...writes },
    }),
    async (c) => {
      const commune = c.req.valid("param").commune;
      const { id, created } = await saveService(deps, useCaseContext(c), commune, c.req.valid("json"));
      const s = (await listServices(deps.db, commune, false)).find((x) => x.id === id)!;
      return c.json(presentService(s), created ? 201 : 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/hall/{commune}/counters",
      tags,
      security,
      summary: "The commune hall's counters and who sits at each (hall.serve)",
      request: { params: CommuneParam },
      responses: { 200: json(z.object({ items: z.array(Counter) }), "Counters by number"), ...reads },
    }),
    async (c) => {
      const board = await counterBoard(deps, c.get("principal"), c.req.valid("param").commune);
      return c.json({ items: (await listCounters(deps.db, board.unit.code, false)).map(presentCounter) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/hall/{commune}/counters",
      tags,
      security,
      summary: "Save a counter by its number (hall.manage): its name and the services it calls",
      request: { params: CommuneParam, body: { required: true, content: { "application/json": { schema: CounterInput } } } },
      responses: { 200: json(Counter, "Updated"), 201: json(Counter, "Created"), ...writes },
    }),
    async (c) => {
      const commune = c.req.valid("param").commune;
      const { id, created } = await saveCounter(deps, useCaseContext(c), commune, c.req.valid("json"));
      const k = (await listCounters(deps.db, commune, false)).find((x) => x.id === id)!;
      return c.json(presentCounter(k), created ? 201 : 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/hall/{commune}/tickets",
      tags,
      summary:
        "Take a number. A registered kiosk sends its key (header X-Kiosk-Key, or its cookie): at most 1 ticket per 2 s and 600 a day per device. A signed-in officer with hall.serve takes one for someone at the desk. Anyone else: 3 per 10 minutes and 10 a day per address (429 with Retry-After). The same requestToken returns the same ticket (200) instead of a new one (201).",
      request: {
        params: CommuneParam,
        headers: z.object({ "x-kiosk-key": z.string().optional() }),
        body: { required: true, content: { "application/json": { schema: TakeInput } } },
      },
      responses: { 200: json(Ticket, "The ticket already taken with this requestToken"), 201: json(Ticket, "The new ticket"), ...writes },
    }),
    async (c) => {
      const kioskKey = c.req.valid("header")["x-kiosk-key"] ?? getCookie(c, KIOSK_COOKIE) ?? null;
      const { id, reused } = await takeTicket(deps, useCaseContext(c), c.req.valid("param").commune, c.req.valid("json"), {
        kioskKey,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      return c.json(presentTicket(await viewTicket(deps, id), c.get("locale")), reused ? 200 : 201);
    },
  );

  // hall/joinup: online booking, the same use case as the booking page (hallPaths.book).
  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/hall/{commune}/bookings/slots",
      tags,
      summary: "The time slots a service can be booked in (today from 15 minutes ahead and the next 3 working days), with places left — public",
      request: { params: CommuneParam, query: BookSlotsQuery },
      responses: { 200: json(z.object({ items: z.array(BookSlot) }), "Slots in time order"), ...reads },
    }),
    async (c) => {
      const unit = await hallCommune(deps, c.req.valid("param").commune);
      const service = (await listServices(deps.db, unit.code)).find((s) => s.id === c.req.valid("query").serviceId);
      const slots = service ? await bookableSlots(deps, unit.code, service.id) : [];
      return c.json({ items: slots.map((s) => ({ start: s.start.toISOString(), day: s.day, time: s.time, free: s.free })) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/hall/{commune}/bookings",
      tags,
      summary:
        "Book a number for a time slot (public; the booking page's rules): at most 2 bookings per service and slot (409 when full), 5 an hour per address and 3 a day per phone (429 with Retry-After). The same phone, service and day returns its booking (200) instead of a new one (201); the phone gets one confirmation SMS.",
      request: { params: CommuneParam, body: { required: true, content: { "application/json": { schema: BookInput } } } },
      responses: { 200: json(Ticket, "The booking this phone already holds for the service that day"), 201: json(Ticket, "The new booking"), ...writes },
    }),
    async (c) => {
      const { id, reused } = await bookSlot(deps, useCaseContext(c), c.req.valid("param").commune, c.req.valid("json"), {
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
      return c.json(presentTicket(await viewTicket(deps, id), c.get("locale")), reused ? 200 : 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/hall/tickets/{id}",
      tags,
      summary: "A ticket by its id (unguessable; whoever holds it): status, counter, people before it",
      request: { params: IdParam },
      responses: { 200: json(Ticket, "The ticket"), ...reads },
    }),
    async (c) => c.json(presentTicket(await viewTicket(deps, c.req.valid("param").id), c.get("locale")), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/hall/counters/{id}/sit",
      tags,
      security,
      summary: "Sit at this counter (hall.serve): the officer leaves any other counter of the commune",
      request: { params: IdParam },
      responses: { 200: json(Counter, "The counter"), ...writes },
    }),
    async (c) => c.json(presentCounter(await sitAtCounter(deps, useCaseContext(c), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/hall/counters/{id}/call-next",
      tags,
      security,
      summary:
        "Call the next number for this counter's services (hall.serve): online bookings whose slot has begun first, then the order taken. Two counters calling at once never get the same ticket. 204 when nobody is waiting.",
      request: { params: IdParam },
      responses: { 200: json(Ticket, "The ticket called"), 204: { description: "Nobody is waiting" }, ...writes },
    }),
    async (c) => {
      const t = await callNext(deps, useCaseContext(c), c.req.valid("param").id);
      if (!t) return c.body(null, 204);
      return c.json(presentTicket(await viewTicket(deps, t.id), c.get("locale")), 200);
    },
  );

  const actions: [string, CounterAction, string][] = [
    ["recall", "recall", "Call the same number again (call count + 1)"],
    ["serve", "serve", "Start serving the called ticket"],
    ["done", "done", "Finish the ticket"],
    ["no-show", "no_show", "Mark a called ticket as not present"],
  ];
  for (const [segment, action, summary] of actions)
    api.openapi(
      createRoute({
        method: "post",
        path: `/api/v1/hall/tickets/{id}/${segment}`,
        tags,
        security,
        summary: `${summary} (hall.serve). \`version\` must be the ticket's current version (409 otherwise).`,
        request: { params: IdParam, body: { required: true, content: { "application/json": { schema: TicketVersion } } } },
        responses: { 200: json(Ticket, "The ticket"), ...writes },
      }),
      async (c) => {
        const t = await actOnTicket(deps, useCaseContext(c), c.req.valid("param").id, action, c.req.valid("json"));
        return c.json(presentTicket(await viewTicket(deps, t.id), c.get("locale")), 200);
      },
    );

  api.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/hall/tickets/{id}/dossier",
      tags,
      security,
      summary: "Link the dossier filed for this ticket (by its code, in the officer's commune) and record its procedure for the figures (hall.serve)",
      request: { params: IdParam, body: { required: true, content: { "application/json": { schema: LinkDossierInput } } } },
      responses: { 200: json(Ticket, "The ticket"), ...writes },
    }),
    async (c) => {
      const t = await linkDossier(deps, useCaseContext(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentTicket(await viewTicket(deps, t.id), c.get("locale")), 200);
    },
  );
}
