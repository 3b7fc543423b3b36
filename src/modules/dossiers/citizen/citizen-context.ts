// What the citizen dossier pages share: the signed-in person, dates and tones, and reading a posted form.
import type { Context } from "hono";
import type { WebContext } from "../../../platform/http/web-context.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { uploadMessageParams } from "../../../platform/files/sniff-upload.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDate, formatDateTime } from "../../../platform/i18n/format.ts";
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import type { PageContext } from "../../../platform/views/page-context.ts";
import { type PageKit, pageKit } from "../../../platform/http/page-kit.ts";
import type { AdminUnitRow } from "../../admin-units/index.ts";

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{8,100}$/;

export const unitName = (ctx: PageContext, u: AdminUnitRow) => (ctx.locale === "en" && u.fullNameEn ? u.fullNameEn : u.fullName);
export const dateOf = (ctx: PageContext, d: Date | string | null) => (d ? formatDate(new Date(d), ctx.locale) : "—");
export const timeOf = (ctx: PageContext, d: Date | string | null) => (d ? formatDateTime(new Date(d), ctx.locale) : "—");
export const stateTone = (state: string) =>
  state === "returned" || state === "resultReady"
    ? "green"
    : state === "refused" || state === "supplementRequested"
      ? "red"
      : state === "draft" || state === "cancelled"
        ? "grey"
        : undefined;
export const actionLabel = (t: Translate, action: string) => t(`dossiers.action.${action}` as MessageKey);

/** A chosen file; a file input left empty arrives as a nameless, empty File. */
export const fileOf = (body: Record<string, unknown>, k: string): File | null => {
  const v = body[k];
  return v instanceof File && (v.size > 0 || v.name !== "") ? v : null;
};
export const textValues = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([k, v]) => !k.startsWith("_") && typeof v === "string")) as Record<string, string>;

/** The citizen pages' shared helpers, made once per app. */
export type CitizenWeb = PageKit & {
  uploadHint: (t: Translate) => string;
  signedIn: (c: Context<AppEnv>) => Principal | Response;
};

export function citizenWeb(web: WebContext): CitizenWeb {
  const kit = pageKit(web);
  const { deps } = kit;
  const uploadHint = (t: Translate) => t("dossiers.citizen.uploadHint", uploadMessageParams({ maxBytes: deps.config.uploadMaxBytes }));

  /** Pages need a signed-in person; a GET goes to the sign-in page and comes back here, query included. */
  const signedIn = (c: Context<AppEnv>): Principal | Response => {
    const p = c.get("principal");
    if (p) return p;
    if (c.req.method !== "GET") throw new AppError("unauthenticated", "error.unauthenticated");
    const url = new URL(c.req.url);
    return c.redirect(`/sign-in?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`, 303);
  };

  return { ...kit, uploadHint, signedIn };
}
