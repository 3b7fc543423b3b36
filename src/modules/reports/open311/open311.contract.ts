// The registered Open311 clients' forms and API shapes (zod), shared by the pages and /api/v1/open311-clients.
import { z } from "@hono/zod-openapi";

export const RegisterClientInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    contact: z.string().trim().max(200).optional().default(""),
    /** A province (2 digits) or a commune (5 digits): the client may post to that unit's communes. */
    unitCode: z
      .string()
      .trim()
      .regex(/^\d{2}(\d{3})?$/),
  })
  .openapi("Open311ClientInput");

export const Open311Client = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    contact: z.string(),
    unitCode: z.string(),
    unitName: z.string().nullable(),
    keyHint: z.string().openapi({ description: "The key's last 4 characters" }),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi("Open311Client");

export const RegisteredClient = z
  .object({ client: Open311Client, apiKey: z.string().openapi({ description: "Shown once: only its SHA-256 is kept" }) })
  .openapi("Open311ClientRegistered");

export const ClientIdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" } }),
});
