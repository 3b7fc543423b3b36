// How a module plugs into the composition root: its API routes, its pages and its background tasks (its texts:
// src/module-messages.ts).
// Each module's mount.ts exports one; only src/app.ts (through src/modules.ts) mounts them.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { Deps } from "../../deps.ts";
import type { JobTask } from "../jobs/job-queue.ts";
import type { AppEnv } from "./hono-env.ts";
import type { WebContext } from "./web-context.ts";

export type ModuleMount = {
  name: string;
  api?: (api: OpenAPIHono<AppEnv>, deps: Deps) => void;
  pages?: (app: Hono<AppEnv>, web: WebContext) => void;
  /** Background and scheduled tasks, run by the job queue that main.ts starts (never by the CLI or a test app). */
  jobs?: (deps: Deps) => JobTask[];
};
