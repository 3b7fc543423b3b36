// GET /notices/n/:id: one notice as the public reads it: its category, issuing unit, reach and dates, the body, the
// attachments and, when the loudspeakers have audio for it, a player that loads nothing until pressed. A withdrawn
// notice says so first, with the reason and a link to its correction; the correction links back.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { formatDate, formatNumber } from "../../../../platform/i18n/format.ts";
import { Breadcrumbs, SummaryList } from "../../../../platform/views/components.tsx";
import { Layout } from "../../../../platform/views/layout.tsx";
import { noticePaths } from "../../notice-paths.ts";
import { getPublicNotice } from "../../use-cases/public-notice.ts";
import { NoticeBody } from "../notice-body.tsx";
import { CategoryTag, dayText, HTML, localName, NoticesCss, publicBody } from "./shared.tsx";

/** 1234567 → "1,2 MB" / "1.2 MB"; small files in kB. */
function sizeText(bytes: number, locale: "vi" | "en"): string {
  if (bytes >= 1_000_000) return `${formatNumber(Math.round(bytes / 100_000) / 10, locale)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1000)), locale)} kB`;
}

const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "audio/mpeg": "MP3",
  "audio/ogg": "OGG",
  "audio/wav": "WAV",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
};

export function noticePage(kit: PageKit) {
  return async (c: Context<AppEnv>) => {
    const { notice: n, villages, attachments, correction, corrects, audio } = await getPublicNotice(kit.deps, c.req.param("id") as string);
    const ctx = kit.page(c);
    const { t, locale } = ctx;
    const communeCode = n.scope === "province" ? null : n.unitCode;
    const reach =
      n.scope === "province"
        ? t("notices.public.reach.province")
        : n.scope === "commune"
          ? t("notices.public.reach.commune")
          : t("notices.public.reach.villages", { villages: villages.map((v) => localName(locale, v.nameVi, v.nameEn)).join(", ") });
    const withdrawn = n.status === "withdrawn";
    const doc = (
      <Layout ctx={ctx} title={n.title}>
        <NoticesCss assets={ctx.assets} />
        <Breadcrumbs
          t={t}
          items={[
            { href: "/", label: t("nav.home") },
            communeCode
              ? { href: noticePaths.publicList(communeCode), label: t("notices.public.title") }
              : { href: noticePaths.index, label: t("notices.public.title") },
            { label: n.title },
          ]}
        />
        {withdrawn && (
          <div class="notice notice--withdrawn" role="note">
            {/* Before the h1: a strong line, not a heading, keeps the outline in order. */}
            <p>
              <strong>{t("notices.public.withdrawnTitle")}</strong>
            </p>
            {n.withdrawnAt && <p>{t("notices.public.withdrawnOn", { date: formatDate(n.withdrawnAt, locale) })}</p>}
            {n.withdrawalReason && <p class="pre-line">{t("notices.public.withdrawnReason", { reason: n.withdrawalReason })}</p>}
            <p>
              {correction ? (
                <a href={noticePaths.publicNotice(correction.id)}>{t("notices.public.seeCorrection", { title: correction.title })}</a>
              ) : (
                t("notices.public.noCorrection")
              )}
            </p>
          </div>
        )}
        {corrects && (
          <div class="notice" role="note">
            <p>
              <strong>{t("notices.public.correctsTitle")}</strong>
              <br />
              <a href={noticePaths.publicNotice(corrects.id)}>{t("notices.public.correctsLink", { title: corrects.title })}</a>
            </p>
          </div>
        )}
        {n.category === "emergency" && !withdrawn ? (
          <div class="notice notice--emergency">
            <p>
              <CategoryTag t={t} category={n.category} />
            </p>
            <h1>{n.title}</h1>
          </div>
        ) : (
          <>
            <p>
              <CategoryTag t={t} category={n.category} /> {withdrawn && <strong class="tag tag--red">{t("notices.public.withdrawnTag")}</strong>}
            </p>
            <h1>{n.title}</h1>
          </>
        )}
        <SummaryList
          rows={[
            [t("notices.public.unit"), localName(locale, n.unitName, n.unitNameEn)],
            [t("notices.public.reach"), reach],
            [t("notices.public.validity"), `${dayText(n.validFrom)} – ${n.validUntil ? dayText(n.validUntil) : t("notices.public.validUntilOpen")}`],
            [t("notices.public.published"), formatDate(n.publishedAt, locale)],
          ]}
        />
        <div class="notice-body">
          <NoticeBody body={n.body} />
        </div>
        {audio && (
          <section class="notice-audio" aria-labelledby="notice-audio-h">
            <h2 id="notice-audio-h">{t("notices.public.audio")}</h2>
            {/* biome-ignore lint/a11y/useMediaCaption: the audio reads the notice aloud; its transcript is the text above. */}
            <audio controls preload="none" src={noticePaths.audio(n.id)}>
              {t("notices.public.audioFallback")}
            </audio>
            <p>
              <a href={noticePaths.audio(n.id)}>{t("notices.public.audioDownload")}</a>
            </p>
          </section>
        )}
        {attachments.length > 0 && (
          <>
            <h2>{t("notices.public.attachments")}</h2>
            <ul>
              {attachments.map((a) => (
                <li>
                  <a href={noticePaths.attachment(n.id, a.fileId)} download={a.name}>
                    {a.name}
                  </a>{" "}
                  ({t("notices.public.attachmentSize", { type: TYPE_NAMES[a.mediaType] ?? a.mediaType, size: sizeText(a.sizeBytes, locale) })})
                </li>
              ))}
            </ul>
          </>
        )}
        {communeCode && (
          <p>
            <a href={noticePaths.publicList(communeCode)}>{t("notices.public.backToList")}</a>
          </p>
        )}
      </Layout>
    );
    return publicBody(c, ctx, `<!DOCTYPE html>${doc}`, HTML);
  };
}
