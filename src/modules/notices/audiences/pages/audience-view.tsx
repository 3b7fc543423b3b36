// The preview as a view: per channel who is reached and what it costs, the web and loudspeaker reach, the SMS cap.
// Shared by the panel on the notice page and the audience page.
import type { Locale, Translate } from "../../../../platform/i18n/i18n.ts";
import { formatNumber } from "../../../../platform/i18n/format.ts";
import { DataTable } from "../../../../platform/views/data-table.tsx";
import type { AudiencePreview } from "../audiences.contract.ts";

type Reach = AudiencePreview["channels"][number];

export function channelLabel(t: Translate, name: string): string {
  return name === "sms" || name === "zalo" || name === "email" ? t(`notices.audiences.channelName.${name}`) : name;
}

export function AudienceView(props: { t: Translate; locale: Locale; preview: AudiencePreview; headingLevel?: 2 | 3 }) {
  const { t, locale, preview: p } = props;
  const n = (x: number) => formatNumber(x, locale);
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  const sum = (k: "recipients" | "reached" | "messages" | "leftOut" | "noAddress" | "costVnd") => n(p.channels.reduce((s, r) => s + r[k], 0));
  const cap = p.smsCap;
  return (
    <>
      {p.channels.length === 0 ? (
        <p>{t("notices.audiences.noPersonChannels")}</p>
      ) : (
        <DataTable<Reach>
          caption={t("notices.audiences.panelTitle")}
          stack
          columns={[
            { header: t("notices.audiences.channel"), cell: (r) => channelLabel(t, r.channel), rowHeader: true },
            { header: t("notices.audiences.reached"), cell: (r) => n(r.reached), num: true },
            { header: t("notices.audiences.messages"), cell: (r) => n(r.messages), num: true },
            { header: t("notices.audiences.leftOut"), cell: (r) => n(r.leftOut), num: true },
            { header: t("notices.audiences.noAddress"), cell: (r) => n(r.noAddress), num: true },
            { header: t("notices.audiences.cost"), cell: (r) => n(r.costVnd), num: true },
          ]}
          rows={p.channels}
          foot={[t("notices.audiences.total"), sum("reached"), sum("messages"), sum("leftOut"), sum("noAddress"), sum("costVnd")]}
        />
      )}
      {p.channels.some((r) => r.optIn) ? <p class="hint">{t("notices.audiences.optInNote")}</p> : null}
      <ul>
        {p.web.chosen ? <li>{t("notices.audiences.web", { villages: n(p.web.villages) })}</li> : null}
        {p.loudspeaker.chosen ? (
          <li>
            {p.loudspeaker.villagesWithStations === null
              ? t("notices.audiences.loudspeaker", { villages: n(p.loudspeaker.villages) })
              : t("notices.audiences.loudspeakerStations", { stations: n(p.loudspeaker.villagesWithStations), villages: n(p.loudspeaker.villages) })}
          </li>
        ) : null}
      </ul>
      {cap ? (
        <>
          <Heading>{t("notices.audiences.capTitle")}</Heading>
          {cap.emergency ? (
            <p>{t("notices.audiences.capEmergency")}</p>
          ) : cap.cap === null ? (
            <p>{t("notices.audiences.capNone")}</p>
          ) : (
            <>
              <p>{t("notices.audiences.cap", { cap: n(cap.cap), used: n(cap.dueToday), remaining: n(cap.remainingToday ?? 0), count: n(cap.thisNotice) })}</p>
              {cap.deferred > 0 ? <p class="warning-text">{t("notices.audiences.capDeferred", { deferred: n(cap.deferred) })}</p> : null}
            </>
          )}
        </>
      ) : null}
    </>
  );
}
