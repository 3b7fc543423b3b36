// A file input in the same shape as TextField: label, hint, error beside it.
import { localizeField } from "../../../platform/http/app-error.ts";
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { fieldId, type FormState } from "../../../platform/views/components.tsx";

export function FileField(p: { t: Translate; form: FormState; name: string; label: string; hint: string; accept: string }) {
  const id = fieldId(p.name);
  const err = p.form.errors.find((e) => e.field === p.name);
  return (
    <div class={err ? "field field--error" : "field"}>
      <label for={id}>{p.label}</label>
      <span class="hint" id={`${id}-hint`}>
        {p.hint}
      </span>
      {err && (
        <span class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{p.t("form.errorPrefix")}</span> {localizeField(err, p.t, p.label)}
        </span>
      )}
      <input
        type="file"
        id={id}
        name={p.name}
        accept={p.accept}
        required
        aria-describedby={err ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={err ? "true" : undefined}
      />
    </div>
  );
}
