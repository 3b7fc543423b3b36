// How each figure is computed, under the figures of both pages.
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import { DEFINITIONS } from "../dossier-stats.definitions.ts";

export function Definitions(props: { t: Translate; only?: readonly MessageKey[] }) {
  const { t } = props;
  const shown = props.only ? DEFINITIONS.filter(([term]) => props.only!.includes(term)) : DEFINITIONS;
  return (
    <section aria-labelledby="how-computed">
      <h2 id="how-computed">{t("stats.def.title")}</h2>
      <p>{t("stats.def.intro")}</p>
      <dl class="summary">
        {shown.map(([term, def]) => (
          <div>
            <dt>{t(term)}</dt>
            <dd>{t(def)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
