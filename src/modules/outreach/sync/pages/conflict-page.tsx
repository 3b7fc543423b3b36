// GET and POST /office/field/conflicts/:id: both sides of a conflict, field by field, and the settler's choice for
// each (keep the server's value or take the device's). Works without JavaScript.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { isUuid } from "../../../../platform/db/uuid.ts";
import { AppError, localizeField, notFound } from "../../../../platform/http/app-error.ts";
import { setFlash } from "../../../../platform/http/flash.ts";
import { readForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import { type PageKit, requireSignedIn } from "../../../../platform/http/page-kit.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, Button, CsrfField, SummaryList, Tag } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { displayNames } from "../../../identity/index.ts";
import { type ConflictView, getConflict, settleConflict } from "../../use-cases/sync-conflicts.ts";
import { fieldLabel, valueText } from "./field-values.ts";

export function conflictPages(kit: PageKit) {
  const { deps, page, secure } = kit;

  const render = async (c: Context<AppEnv>, view: ConflictView, problem: string | null, status: 200 | 400 | 409 = 200) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const names = await displayNames(deps.db, [view.submittedBy]);
    const fields = Object.keys(view.proposed);
    const current = view.current?.values ?? view.serverState;
    const title = t("sync.conflict.title");
    return c.html(
      <Layout ctx={ctx} title={title} office>
        <Breadcrumbs
          t={t}
          items={[{ href: "/office", label: t("nav.office") }, { href: "/office/field/conflicts", label: t("sync.conflicts.title") }, { label: title }]}
        />
        <h1>{title}</h1>
        {problem && (
          <div class="notice notice--error" role="alert">
            <p>{problem}</p>
          </div>
        )}
        <SummaryList
          rows={[
            [t("sync.conflicts.household"), view.address],
            [
              t("sync.conflicts.about"),
              view.entity === "household" ? t("sync.conflicts.aboutHousehold") : t("sync.conflicts.aboutResident", { name: view.current?.name ?? "" }),
            ],
            [t("sync.conflicts.submittedBy"), names.get(view.submittedBy) ?? ""],
            [t("sync.conflicts.receivedAt"), formatDateTime(view.createdAt, locale)],
            [t("sync.conflict.state"), <Tag tone={view.status === "open" ? undefined : "green"}>{t(`sync.conflict.status.${view.status}`)}</Tag>],
          ]}
        />
        <p>{t("sync.conflict.versions", { base: view.baseVersion, server: view.serverVersion })}</p>
        {view.status === "open" && view.current && (
          <form method="post" action={`/office/field/conflicts/${view.id}`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(view.current.version)} />
            {fields.map((f, i) => (
              <div class="field">
                <fieldset>
                  <legend>{fieldLabel(t, f)}</legend>
                  <div class="checkbox">
                    <input type="radio" id={`choice-${i}-server`} name={`choice.${f}`} value="server" checked />
                    <label for={`choice-${i}-server`}>
                      {t("sync.conflict.keepServer")}: <strong>{valueText(t, f, current[f])}</strong>
                    </label>
                  </div>
                  <div class="checkbox">
                    <input type="radio" id={`choice-${i}-device`} name={`choice.${f}`} value="device" />
                    <label for={`choice-${i}-device`}>
                      {t("sync.conflict.takeDevice")}: <strong>{valueText(t, f, view.proposed[f])}</strong>
                    </label>
                  </div>
                </fieldset>
              </div>
            ))}
            <Button>{t("sync.conflict.save")}</Button>
          </form>
        )}
      </Layout>,
      status,
    );
  };

  const idOf = (c: Context<AppEnv>) => {
    const id = c.req.param("id") ?? "";
    if (!isUuid(id)) throw notFound();
    return id;
  };

  /** GET /office/field/conflicts/:id */
  const show = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    return render(c, await getConflict(deps, ctxOf(c), idOf(c)), null);
  };

  /** POST /office/field/conflicts/:id */
  const settle = async (c: Context<AppEnv>) => {
    requireSignedIn(c);
    const id = idOf(c);
    const form = await readForm(c);
    const version = Number(form.version);
    const take = Object.entries(form)
      .filter(([k, v]) => k.startsWith("choice.") && v === "device")
      .map(([k]) => k.slice("choice.".length));
    try {
      if (!Number.isInteger(version) || version < 1)
        throw new AppError("validation", "error.validation", [{ field: "version", code: "required", message: "validation.required" }]);
      await settleConflict(deps, ctxOf(c), { id, version, take });
    } catch (err) {
      if (!(err instanceof AppError) || (err.status !== 409 && err.status !== 400)) throw err;
      const t = c.get("t");
      const message = err.fields.length ? err.fields.map((f) => localizeField(f, t, fieldLabel(t, f.field))).join("; ") : t(err.messageKey, err.params);
      return render(c, await getConflict(deps, ctxOf(c), id), message, err.status as 400 | 409);
    }
    setFlash(c, "sync.flash.conflictSettled", secure);
    return c.redirect("/office/field/conflicts", 303);
  };

  return { show, settle };
}
