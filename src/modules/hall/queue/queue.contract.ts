// The queue part's one set of schemas: the settings forms and API bodies, taking a ticket, counter actions.
import { z } from "@hono/zod-openapi";
import { PROCEDURE_FIELDS } from "../../procedures/index.ts";
import { TICKET_SOURCES, TICKET_STATUSES } from "../hall.model.ts";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { message: "validation.invalid" });

export const CommuneParam = z.object({
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .openapi({ param: { name: "commune", in: "path" }, example: "02923" }),
});
export const IdParam = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

export const ServiceInput = z
  .object({
    letter: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]$/)
      .openapi({ description: "One letter A–Z: tickets read A001, A002 …", example: "A" }),
    nameVi: z.string().trim().min(1).max(80).openapi({ example: "Hộ tịch" }),
    nameEn: z.string().trim().min(1).max(80).openapi({ example: "Civil status" }),
    procedureFields: z
      .array(z.enum(PROCEDURE_FIELDS))
      .max(PROCEDURE_FIELDS.length)
      .default([])
      .openapi({ description: "Procedure fields (lĩnh vực) it covers" }),
    position: z.coerce.number().int().min(0).max(999).default(0),
    active: z.boolean().default(true),
  })
  .openapi("HallServiceInput");
export type ServiceInput = z.infer<typeof ServiceInput>;

export const CounterInput = z
  .object({
    number: z.coerce.number().int().min(1).max(99).openapi({ example: 1 }),
    name: z.string().trim().min(1).max(60).openapi({ example: "Quầy 1 – Hộ tịch" }),
    serviceIds: z.array(uuid).min(1).max(26).openapi({ description: "The services it calls" }),
    active: z.boolean().default(true),
  })
  .openapi("HallCounterInput");
export type CounterInput = z.infer<typeof CounterInput>;

export const KioskInput = z.object({ name: z.string().trim().min(1).max(60) });

export const TakeInput = z
  .object({
    serviceId: uuid,
    requestToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/)
      .optional()
      .openapi({ description: "Idempotency token: the same token gives the same ticket back (a double tap, a retry)" }),
    phone: z.string().trim().max(20).optional().openapi({ description: "Optional mobile number (desk tickets)" }),
  })
  .openapi("HallTakeTicket");
export type TakeInput = z.infer<typeof TakeInput>;

// hall/joinup: online booking through the API (the booking page's use case, bookSlot, checks slot and phone).
export const BookInput = z
  .object({
    serviceId: uuid,
    slotStart: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .openapi({ description: "A slot's start (ISO 8601) as listed by GET …/bookings/slots", example: "2026-12-07T01:00:00.000Z" }),
    phone: z.string().trim().min(1).max(20).openapi({ description: "Mobile number: the confirmation SMS goes there", example: "0912345678" }),
  })
  .openapi("HallBooking");
export type BookInput = z.infer<typeof BookInput>;

export const BookSlotsQuery = z.object({ serviceId: uuid });

export const BookSlot = z
  .object({
    start: z.string().openapi({ description: "Slot start (ISO 8601); send it back as slotStart" }),
    day: z.string().openapi({ description: "The slot's day in Vietnam (YYYY-MM-DD)" }),
    time: z.string().openapi({ description: "The slot's time in Vietnam (HH:MM)" }),
    free: z.number().int().openapi({ description: "Places left in the slot" }),
  })
  .openapi("HallBookSlot");

export const TicketVersion = z.object({ version: z.coerce.number().int().min(1) }).openapi("HallTicketVersion");

export const LinkDossierInput = z
  .object({
    version: z.coerce.number().int().min(1),
    dossierCode: z.string().trim().min(1).max(60).openapi({ description: "The dossier's code (on its receipt)" }),
  })
  .openapi("HallLinkDossier");

export const Service = z
  .object({
    id: z.string(),
    communeCode: z.string(),
    letter: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    procedureFields: z.array(z.string()),
    position: z.number().int(),
    active: z.boolean(),
    waiting: z.number().int().optional(),
  })
  .openapi("HallService");

export const Counter = z
  .object({
    id: z.string(),
    communeCode: z.string(),
    number: z.number().int(),
    name: z.string(),
    serviceIds: z.array(z.string()),
    officerId: z.string().nullable(),
    active: z.boolean(),
  })
  .openapi("HallCounter");

export const Ticket = z
  .object({
    id: z.string(),
    communeCode: z.string(),
    serviceId: z.string(),
    serviceName: z.string().optional(),
    day: z.string(),
    label: z.string().openapi({ example: "A012" }),
    source: z.enum(TICKET_SOURCES),
    slotStart: z.string().nullable(),
    status: z.enum(TICKET_STATUSES),
    counterNumber: z.number().int().nullable().optional(),
    callCount: z.number().int(),
    dossierId: z.string().nullable(),
    procedureCode: z.string().nullable(),
    takenAt: z.string(),
    calledAt: z.string().nullable(),
    servingAt: z.string().nullable(),
    doneAt: z.string().nullable(),
    ahead: z.number().int().nullable().openapi({ description: "People waiting before this ticket (null once called)" }),
    version: z.number().int(),
  })
  .openapi("HallTicket");
