// Shared OpenAPI pieces: problem+json responses and page wrappers.
import { z } from "@hono/zod-openapi";

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: Problem } } });
export const problems = {
  400: problem("Invalid input; `errors` names each bad field"),
  401: problem("Not signed in, or a bad API token"),
  403: problem("Signed in but not allowed"),
  404: problem("Not found (also for resources outside your units)"),
  409: problem("Conflict with the current state"),
  413: problem("Body too large"),
  415: problem("Body is not JSON"),
  429: problem("Too many attempts"),
  503: problem("Not possible for now (a limit of the service, such as the day's dossier numbers); try again later"),
} as const;

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({ items: z.array(item), nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }) })
    .openapi(name);

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
