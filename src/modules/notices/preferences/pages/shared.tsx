// What the citizen's page and the desk share: the choice as checkboxes (each with its explanation; emergency shown
// ticked and locked) and the consent history table.
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { formatDateTime } from "../../../../platform/i18n/format.ts";
import type { Locale } from "../../../../platform/i18n/i18n.ts";
import { errorOf, ErrorText, type FormState, fieldId } from "../../../../platform/views/components.tsx";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import type { NoticeCategory } from "../../notices.model.ts";
import type { Choice } from "../choice.ts";
import type { ConsentView } from "../person-view.ts";
import { PREFERENCE_CHANNELS, REFUSABLE_CATEGORIES } from "../preferences.contract.ts";

/** The form's values for a choice: a ticked box is "1". */
export function valuesOfChoice(choice: Choice): Record<string, string> {
  const v: Record<string, string> = {};
  for (const ch of PREFERENCE_CHANNELS) if (choice[ch]) v[ch] = "1";
  for (const c of REFUSABLE_CATEGORIES) if (!choice.categoriesOff.includes(c)) v[`cat.${c}`] = "1";
  return v;
}

/** The posted boxes as the contract's choice (an unticked box is absent from the post). */
export function choiceOfValues(values: Record<string, string>): Choice {
  return {
    sms: values.sms === "1",
    zalo: values.zalo === "1",
    email: values.email === "1",
    categoriesOff: REFUSABLE_CATEGORIES.filter((c) => values[`cat.${c}`] !== "1"),
  };
}

function Box(p: { name: string; label: string; hint?: string; checked: boolean }) {
  const id = fieldId(p.name);
  return (
    <div class="checkbox">
      <input type="checkbox" id={id} name={p.name} value="1" checked={p.checked} aria-describedby={p.hint ? `${id}-hint` : undefined} />
      <label for={id}>
        {p.label}
        {p.hint && (
          <>
            <br />
            <span class="hint" id={`${id}-hint`}>
              {p.hint}
            </span>
          </>
        )}
      </label>
    </div>
  );
}

export function ChoiceFields(p: { t: Translate; form: FormState }) {
  const { t, form } = p;
  const on = (name: string) => form.values[name] === "1";
  const catErr = errorOf(form.errors, "categoriesOff");
  return (
    <>
      <fieldset>
        <legend>{t("notices.preferences.channels")}</legend>
        {PREFERENCE_CHANNELS.map((ch) => (
          <Box name={ch} label={t(`notices.preferences.channel.${ch}`)} hint={t(`notices.preferences.channel.${ch}Hint`)} checked={on(ch)} />
        ))}
      </fieldset>
      <fieldset class={catErr ? "field field--error" : undefined}>
        <legend>{t("notices.preferences.categories")}</legend>
        <span class="hint">{t("notices.preferences.categoriesHint")}</span>
        {catErr && <ErrorText t={t} id={fieldId("categoriesOff")} err={catErr} label={t("notices.preferences.categories")} />}
        <div class="checkbox">
          <input type="checkbox" id={fieldId("cat.emergency")} checked disabled aria-describedby={`${fieldId("cat.emergency")}-hint`} />
          <label for={fieldId("cat.emergency")}>
            {t("notices.preferences.category.emergency")}
            <br />
            <span class="hint" id={`${fieldId("cat.emergency")}-hint`}>
              {t("notices.preferences.emergencyAlways")}
            </span>
          </label>
        </div>
        {REFUSABLE_CATEGORIES.map((c) => (
          <Box name={`cat.${c}`} label={t(`notices.preferences.category.${c}`)} checked={on(`cat.${c}`)} />
        ))}
      </fieldset>
    </>
  );
}

/** "SMS: nhận, Zalo: không nhận, …; Không nhận: Sự kiện". */
export function describeChoice(t: Translate, c: Choice): string {
  const channels = PREFERENCE_CHANNELS.map(
    (ch) => `${t(`notices.preferences.channel.${ch}`)}: ${t(c[ch] ? "notices.preferences.on" : "notices.preferences.off")}`,
  );
  const refused = c.categoriesOff.map((k: NoticeCategory) => t(`notices.preferences.category.${k}`)).join(", ");
  return `${channels.join(", ")}. ${refused ? t("notices.preferences.refused", { list: refused }) : t("notices.preferences.allCategories")}`;
}

export function ConsentHistory(p: { t: Translate; locale: Locale; history: readonly ConsentView[] }) {
  const { t, locale } = p;
  return (
    <section>
      <h2>{t("notices.preferences.history")}</h2>
      <DataTable
        caption={t("notices.preferences.history")}
        stack
        rows={p.history}
        empty={<p>{t("notices.preferences.historyEmpty")}</p>}
        columns={[
          { header: t("notices.preferences.col.at"), cell: (h) => formatDateTime(h.at, locale), nowrap: true },
          { header: t("notices.preferences.col.method"), cell: (h) => t(`notices.preferences.method.${h.method}`) },
          { header: t("notices.preferences.col.by"), cell: (h) => h.recordedBy ?? t("notices.preferences.self") },
          { header: t("notices.preferences.col.change"), cell: (h) => describeChoice(t, h.after) },
          { header: t("notices.preferences.col.note"), cell: (h) => h.note ?? "" },
        ]}
      />
    </section>
  );
}
