// GET /procedures/:code: one procedure for citizens — what to bring, fees, time, steps, how the result comes back.
import type { Context } from "hono";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { Breadcrumbs, SummaryList, Tag } from "../../../platform/views/components.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { formatDateTime } from "../../../platform/i18n/format.ts";
import { getProcedure } from "../use-cases/browse-procedures.ts";
import { estimateDueAt } from "../use-cases/estimate-due-at.ts";
import { feeText, fieldLabel, k, onlineTone, timeText } from "./labels.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";

export function procedurePage(web: PageKit) {
  const { deps, page } = web;
  return async (c: Context<AppEnv>, code: string) => {
    const ctx = page(c);
    const { t, locale } = ctx;
    const { definition: d, active, version, totalFee } = await getProcedure(deps, code);
    // The appointment for a dossier received now, by the desk's own rule; rendered here, so no script is needed.
    const now = await estimateDueAt(deps, d.code);
    return c.html(
      <Layout ctx={ctx} title={d.name}>
        <Breadcrumbs t={t} items={[{ href: "/procedures", label: t("procedures.title") }, { label: d.name }]} />
        <h1>{d.name}</h1>
        {!active && <div class="notice">{t("procedures.inactiveNotice")}</div>}
        {d.summary && <p class="lead">{d.summary}</p>}
        <SummaryList
          rows={[
            [t("procedures.code"), <code>{d.code}</code>],
            [t("procedures.fieldFilter"), fieldLabel(t, d.field)],
            [t("procedures.levelLabel"), t(k(`procedures.level.${d.level}`))],
            [t("procedures.onlineLabel"), <Tag tone={onlineTone(d.onlineLevel)}>{t(k(`procedures.onlineLevel.${d.onlineLevel}`))}</Tag>],
            [
              t("procedures.time"),
              <>
                {timeText(t, locale, d.processing)}
                {d.processing.cutOff && (
                  <>
                    <br />
                    {t("procedures.cutOffNote", { time: d.processing.cutOff })}
                  </>
                )}
              </>,
            ],
            [
              t("procedures.ifFiledNow"),
              <>
                <strong>{formatDateTime(now.dueAt, locale)}</strong>
                <br />
                <small>{t("procedures.ifFiledNowNote", { at: formatDateTime(now.receivedAt, locale) })}</small>
              </>,
            ],
            [t("procedures.feeLabel"), feeText(ctx, totalFee)],
            [t("procedures.resultTitle"), d.resultName],
            [t("procedures.version"), String(version)],
          ]}
        />
        {active && d.onlineLevel !== "none" && (
          <p>
            <a class="button" href={`/dossiers/new?procedure=${encodeURIComponent(d.code)}`}>
              {t("procedures.applyOnline")}
            </a>
          </p>
        )}
        {d.onlineLevel === "partial" && <p>{t("procedures.partialNote")}</p>}
        {d.onlineLevel === "none" && <div class="notice">{t("procedures.deskOnly")}</div>}
        <h2>{t("procedures.whatToBring")}</h2>
        {d.documents.length === 0 ? (
          <p>{t("procedures.noDocuments")}</p>
        ) : (
          <ol>
            {d.documents.map((doc) => (
              <li>
                {doc.name}
                <br />
                <small>
                  {[
                    t("procedures.copies", { n: doc.copies }),
                    t(k(`procedures.documentForm.${doc.form}`)),
                    ...(doc.required ? [] : [t("procedures.optional")]),
                    ...(doc.fromVault ? [t("procedures.fromVault")] : []),
                  ].join(" · ")}
                  {doc.templateUrl && (
                    <>
                      {" · "}
                      <a href={doc.templateUrl}>{t("procedures.template")}</a>
                    </>
                  )}
                  {doc.note && (
                    <>
                      <br />
                      {doc.note}
                    </>
                  )}
                </small>
              </li>
            ))}
          </ol>
        )}
        <h2>{t("procedures.feeLabel")}</h2>
        {d.fees.length === 0 ? (
          <p>{t("procedures.free")}</p>
        ) : (
          <ul>
            {d.fees.map((f) => (
              <li>
                {f.label}: <strong>{feeText(ctx, f.amount)}</strong>
                {f.exemptions && (
                  <>
                    <br />
                    <small>{t("procedures.exemptions", { text: f.exemptions })}</small>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {totalFee > 0 && (
          <p>
            <small>{t("procedures.feeNote")}</small>
          </p>
        )}
        <h2>{t("procedures.processingTitle")}</h2>
        <ol>
          {d.steps.map((s) => (
            <li>
              {s.name} <small>({t(k(`procedures.stepRole.${s.role}`))})</small>
            </li>
          ))}
        </ol>
        <h2>{t("procedures.deliveryTitle")}</h2>
        <ul>
          {d.deliveryMethods.map((m) => (
            <li>{t(k(`procedures.delivery.${m}`))}</li>
          ))}
        </ul>
        {d.legalBasis.length > 0 && (
          <>
            <h2>{t("procedures.legalBasis")}</h2>
            <ul>
              {d.legalBasis.map((l) => (
                <li>{l}</li>
              ))}
            </ul>
          </>
        )}
      </Layout>,
    );
  };
}
