// The documents whose original the desk saw at the counter without scanning them: listed beside the files, with
// no link, since there is nothing to download (Decree 104/2022; not digitised in the figures).
import { formatDateTime } from "../../../platform/i18n/format.ts";
import type { PageContext } from "../../../platform/views/page-context.ts";
import type { OriginalSeen } from "../dossiers.model.ts";

export function OriginalsSeenList(props: { ctx: PageContext; seen: readonly OriginalSeen[] | undefined; docName: (key: string) => string }) {
  const { t, locale } = props.ctx;
  const seen = props.seen ?? [];
  if (seen.length === 0) return null;
  return (
    <>
      <h3>{t("dossiers.office.documents.originalsSeen")}</h3>
      <ul>
        {seen.map((o) => (
          <li>
            {props.docName(o.requirementKey)}: {t("dossiers.office.documents.seenAt", { at: formatDateTime(new Date(o.seenAt), locale) })}
          </li>
        ))}
      </ul>
    </>
  );
}
