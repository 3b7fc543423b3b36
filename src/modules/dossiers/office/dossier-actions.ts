// POST /office/dossiers/:id/actions/:action: one officer action (POST → redirect → GET, or the page again with its errors).
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError, type FieldError, setRetryAfter } from "../../../platform/http/app-error.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { type FlashKey, setFlash } from "../../../platform/http/flash.ts";
import { actOnDossier } from "../use-cases/act-on-dossier.ts";
import { assertOfficeAccess } from "../use-cases/get-dossier.ts";
import { actionInput, isAction, stateLabel } from "./action-forms.tsx";
import type { dossierPages } from "./dossier-page.tsx";
import { textFields, uploadsOf } from "./form-body.ts";
import type { OfficeWeb } from "./office-context.ts";

export function dossierActions(office: OfficeWeb, dossierPage: ReturnType<typeof dossierPages>["show"]) {
  const { deps, secure } = office;

  return async (c: Context<AppEnv>, id: string, action: string) => {
    await assertOfficeAccess(deps, ctxOf(c), id);
    if (!isAction(action)) throw new AppError("not_found", "error.notFound");
    const body = await c.req.parseBody({ all: true });
    const values = textFields(body);
    const parsed = actionInput(action, values);
    if (!parsed.ok) {
      // A form without its version is a stale or hand-made page: show the dossier as it is now.
      if (parsed.errors.some((e) => e.field === "version")) return dossierPage(c, id, { notice: { key: "dossiers.error.changedMeanwhile" }, status: 409 });
      return dossierPage(c, id, { form: { action, values, errors: parsed.errors }, status: 400 });
    }
    const fail = (errors: FieldError[]) => dossierPage(c, id, { form: { action, values, errors }, status: 400 });
    try {
      let resultUpload: { name: string; bytes: Uint8Array } | undefined;
      const file = body.resultFile;
      if ((action === "approve" || action === "returnResult") && file && typeof file !== "string" && !Array.isArray(file) && file.size > 0) {
        // Stored by the action, in its transaction: a scan of the result handed over goes into the citizen's vault.
        resultUpload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      }
      const documents = action === "answerSupplement" ? await uploadsOf(body, "documents.") : undefined;
      await actOnDossier(deps, ctxOf(c), id, { ...parsed.data, action, ...(resultUpload ? { resultUpload } : {}), ...(documents ? { documents } : {}) });
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") {
        const state = err.params.state;
        return dossierPage(c, id, {
          notice: { key: err.messageKey, params: typeof state === "string" ? { ...err.params, state: stateLabel(c.get("t"), state) } : err.params },
          status: 409,
        });
      }
      // Over the upload limit: the form again with the reason and Retry-After; nothing of the action was saved.
      if (err instanceof AppError && err.code === "too_many_requests" && err.fields.length > 0) {
        setRetryAfter(c, err);
        return dossierPage(c, id, { form: { action, values, errors: err.fields }, status: 429 });
      }
      if (err instanceof AppError && err.fields.length > 0) return fail(err.fields);
      throw err;
    }
    setFlash(c, `flash.dossiers.office.${action}` as FlashKey, secure);
    return c.redirect(`/office/dossiers/${id}`, 303);
  };
}
