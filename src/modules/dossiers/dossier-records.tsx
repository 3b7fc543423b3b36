// Records of a dossier that both the office page and the applicant's own page show: the documents whose original
// was seen at the counter, and each supplement item with its reason.
import { formatDateTime } from "../../platform/i18n/format.ts";
import type { PageContext } from "../../platform/views/page-context.ts";
import type { OriginalSeen, SupplementRequest } from "./dossiers.model.ts";

/**
 * The documents whose original the desk saw at the counter without scanning them: listed beside the files, with
 * no link, since there is nothing to download (Decree 104/2022; not digitised in the figures).
 */
export function OriginalsSeenList(props: { ctx: PageContext; seen: readonly OriginalSeen[] | undefined; docName: (key: string) => string; level?: 2 | 3 }) {
  const { t, locale } = props.ctx;
  const seen = props.seen ?? [];
  if (seen.length === 0) return null;
  const heading = t("dossiers.office.documents.originalsSeen");
  return (
    <>
      {props.level === 2 ? <h2>{heading}</h2> : <h3>{heading}</h3>}
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

/** One supplement item: what, and why (rows stored before reasons show the label alone). */
export const supplementItemText = (ctx: Pick<PageContext, "t">, i: SupplementRequest["items"][number]) =>
  i.note ? ctx.t("dossiers.office.supplements.reason", { label: i.label, reason: i.note }) : i.label;
