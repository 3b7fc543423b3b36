// What every office desk page shares: the signed-in officer and the desk communes.
import type { Context } from "hono";
import type { WebContext } from "../../../platform/http/web-context.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { type PageKit, pageKit } from "../../../platform/http/page-kit.ts";
import { communesGranted, isCommuneCode } from "../../admin-units/index.ts";

/** The commune asked for, else the officer's first; anyone with no desk anywhere gets 404 like any stranger. */
export function pickCommune(c: Context<AppEnv>, p: Principal, permission: "dossier.read" | "dossier.receive"): { code: string; choices: string[] } {
  const choices = communesGranted(p, permission);
  const asked = c.req.query("commune");
  const code = asked && isCommuneCode(asked) ? asked : choices[0];
  if (!code) throw new AppError("not_found", "error.notFound");
  return { code, choices };
}

/** The office pages' shared helpers, made once per app. */
export type OfficeWeb = PageKit & { origin: (c: Context<AppEnv>) => string };

export function officeWeb(web: WebContext): OfficeWeb {
  const kit = pageKit(web);
  return { ...kit, origin: (c) => kit.deps.config.publicUrl ?? new URL(c.req.url).origin };
}
