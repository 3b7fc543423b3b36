// The public "choose a commune" field: one select grouped by province, for a GET form that works without JavaScript
// (the reports' and the notices' index pages).
import type { Locale } from "../i18n/i18n.ts";

export type PickableCommune = { code: string; nameVi: string; nameEn: string | null; provinceVi: string; provinceEn: string | null };

/** A unit's name in the reader's language: the English name when there is one and English is chosen. */
export const localName = (locale: Locale, vi: string, en: string | null): string => (locale === "en" ? (en ?? vi) : vi);

export function CommunePicker(props: { communes: readonly PickableCommune[]; locale: Locale; label: string; hint: string }) {
  const { communes, locale } = props;
  const provinces = [...new Set(communes.map((x) => x.provinceVi))];
  return (
    <div class="field">
      <label for="f-commune">{props.label}</label>
      <span class="hint" id="f-commune-hint">
        {props.hint}
      </span>
      <select id="f-commune" name="commune" required aria-describedby="f-commune-hint">
        {provinces.map((p) => (
          <optgroup label={localName(locale, p, communes.find((x) => x.provinceVi === p)?.provinceEn ?? null)}>
            {communes
              .filter((x) => x.provinceVi === p)
              .map((x) => (
                <option value={x.code}>{localName(locale, x.nameVi, x.nameEn)}</option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
