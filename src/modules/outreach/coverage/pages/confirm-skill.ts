// POST /office/residents/:id/skills: the office's form to confirm one skill of a resident (a resident's page in
// the registry carries it). Back to the page it came from, with the message (a "flash." key: only those are
// shown); bad input is a 400 naming the field.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm, validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { WebContext } from "../../../../platform/http/web-context.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { confirmResidentSkill } from "../../use-cases/skills-confirm.ts";
import { ConfirmSkillInput } from "../coverage.contract.ts";

/** Only a path of this site's office face: never an address elsewhere. */
const safeReturn = (to: string | undefined) => (to && /^\/office\/[^/\\]/.test(to) && !to.includes("//") ? to : "/office/coverage/gaps");

export function confirmSkillForm(web: WebContext) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param("id") ?? "";
    if (!isUuid(id)) throw new AppError("not_found", "error.notFound");
    const { returnTo, _csrf, ...values } = await readForm(c);
    const parsed = validateForm(ConfirmSkillInput, values);
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    await confirmResidentSkill(web.deps, ctxOf(c), id, parsed.data);
    setFlash(c, "coverage.flash.skillConfirmed", web.deps.config.cookieSecure);
    return c.redirect(safeReturn(returnTo), 303);
  };
}
