// What the entry pages share: a state as a coloured tag, a value as the officer reads and types it, the links
// between the entry, review and status pages.
import type { Translate } from "../../../../platform/i18n/i18n.ts";
import { Tag } from "../../../../platform/views/components.tsx";
import { indicatorPaths } from "../../indicator-paths.ts";
import type { PeriodState } from "../entry-rules.ts";

export function StateTag(props: { t: Translate; state: PeriodState; late?: boolean }) {
  const tone = props.state === "approved" ? "green" : props.state === "returned" ? "red" : props.state === "missing" ? "grey" : undefined;
  return (
    <>
      <Tag tone={tone}>{props.t(`indicators.entry.state.${props.state}`)}</Tag>
      {props.late && (
        <>
          {" "}
          <Tag tone="red">{props.t("indicators.entry.late")}</Tag>
        </>
      )}
    </>
  );
}

/** A number as typed back into the form: a decimal comma in Vietnamese. */
export const valueText = (v: number | null | undefined, locale: "vi" | "en"): string =>
  v == null ? "" : locale === "vi" ? String(v).replace(".", ",") : String(v);

/** A YYYY-MM-DD day as dd/mm/yyyy. */
export const dayText = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export function EntryNav(props: { t: Translate; enter: boolean; review: boolean }) {
  return (
    <p>
      {props.enter && <a href={indicatorPaths.entry}>{props.t("indicators.entry.nav.entry")}</a>}
      {props.enter && " · "}
      {props.review && <a href={indicatorPaths.review}>{props.t("indicators.entry.nav.review")}</a>}
      {props.review && " · "}
      <a href={indicatorPaths.entryStatus}>{props.t("indicators.entry.nav.status")}</a>
    </p>
  );
}
