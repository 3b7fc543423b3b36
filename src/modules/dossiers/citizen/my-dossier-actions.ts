// The applicant's actions on a dossier's page: withdraw, rate, answer a supplement request.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { AppError, setRetryAfter } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { actOnDossier, type ActRequest } from "../use-cases/act-on-dossier.ts";
import type { DocumentInput } from "../use-cases/attach-documents.ts";
import { type CitizenWeb, fileOf, textValues } from "./citizen-context.ts";
import type { myDossierPages, Panel } from "./my-dossier-page.tsx";

export function myDossierActions(citizen: CitizenWeb, dossierPage: ReturnType<typeof myDossierPages>["dossierPage"]) {
  const { deps, secure, signedIn } = citizen;

  /** Runs one applicant action from a page form; field errors and "changed meanwhile" come back on the dossier's page. */
  async function act(c: Context<AppEnv>, which: Panel, values: Record<string, string>, req: Omit<ActRequest, "version">) {
    signedIn(c);
    const id = c.req.param("id") ?? "";
    const version = Number(values.version);
    try {
      await actOnDossier(deps, ctxOf(c), id, { ...req, version: Number.isInteger(version) && version > 0 ? version : 0 } as ActRequest);
    } catch (err) {
      if (err instanceof AppError && err.code === "conflict") return dossierPage(c, id, { which: "conflict" }, 409);
      // Over the upload limit: the answer again with the reason and Retry-After; nothing of it was saved.
      if (err instanceof AppError && err.code === "too_many_requests" && err.fields.length > 0) {
        setRetryAfter(c, err);
        return dossierPage(c, id, { which, form: { values, errors: err.fields } }, 429);
      }
      if (err instanceof AppError && err.code === "validation" && err.fields.length > 0)
        return dossierPage(c, id, { which, form: { values, errors: err.fields } }, 400);
      throw err;
    }
    setFlash(c, "flash.saved", secure);
    return c.redirect(`/me/dossiers/${id}`, 303);
  }

  /** POST /me/dossiers/:id/cancel */
  const cancel = async (c: Context<AppEnv>) => {
    const values = textValues(await c.req.parseBody());
    return act(c, "cancel", values, { action: "cancel", reason: values.reason?.trim() ?? "" });
  };

  /** POST /me/dossiers/:id/rate */
  const rate = async (c: Context<AppEnv>) => {
    const values = textValues(await c.req.parseBody());
    const rating = Number(values.rating);
    return act(c, "rate", values, { action: "rate", rating: Number.isInteger(rating) ? rating : 0, note: values.comment?.trim() || undefined });
  };

  /** POST /me/dossiers/:id/supplement */
  const supplement = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    const values = textValues(body);
    const documents: DocumentInput[] = [];
    for (const name of Object.keys(body)) {
      const m = /^doc\.(item\d{1,2})$/.exec(name);
      const file = m ? fileOf(body, name) : null;
      if (m && file) documents.push({ requirementKey: m[1]!, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    }
    return act(c, "supplement", values, {
      action: "answerSupplement",
      note: values.note?.trim() || undefined,
      documents,
      clientIp: clientIp(c, citizen.deps.config.trustedProxies),
    });
  };

  return { cancel, rate, supplement };
}
