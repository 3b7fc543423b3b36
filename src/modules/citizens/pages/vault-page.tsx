// The citizen's document vault: the list, the upload form, a document's download and its removal.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../platform/auth/use-case-context.ts";
import { uploadMessageParams } from "../../../platform/files/sniff-upload.ts";
import { AppError, type FieldError, setRetryAfter } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import { fileResponse } from "../../../platform/http/file-response.ts";
import { setFlash } from "../../../platform/http/flash.ts";
import { validateForm } from "../../../platform/http/forms.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { formatDate, formatNumber } from "../../../platform/i18n/format.ts";
import type { Locale, Translate } from "../../../platform/i18n/i18n.ts";
import { Breadcrumbs, Button, CsrfField, emptyForm, ErrorSummary, Field, type FormState, PostButton, TextField } from "../../../platform/views/components.tsx";
import { type Column, DataTable } from "../../../platform/views/data-table.tsx";
import { Layout } from "../../../platform/views/layout.tsx";
import { VaultUploadFields } from "../citizens.contract.ts";
import { getVaultFile } from "../use-cases/get-vault-file.ts";
import { listVault } from "../use-cases/list-vault.ts";
import { removeFromVault } from "../use-cases/remove-from-vault.ts";
import { uploadToVault } from "../use-cases/upload-to-vault.ts";
import type { VaultItem } from "../vault-item.ts";
import { type PageKit, requireSignedIn } from "../../../platform/http/page-kit.ts";

function formatSize(bytes: number, locale: Locale): string {
  if (bytes >= 1_048_576) return `${formatNumber(Math.round((bytes / 1_048_576) * 10) / 10, locale)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;
}

function vaultColumns(t: Translate, locale: Locale, csrfToken: string): Column<VaultItem>[] {
  return [
    {
      header: t("citizens.vault.itemTitle"),
      cell: (v) => (
        <>
          <a href={`/me/vault/${v.id}/file`} download={v.fileName}>
            {v.title}
          </a>{" "}
          <span class="hint">({`${v.fileName}, ${formatSize(v.sizeBytes, locale)}`})</span>
        </>
      ),
    },
    { header: t("citizens.vault.kind"), cell: (v) => t(v.kind === "result" ? "citizens.vault.kind.result" : "citizens.vault.kind.upload") },
    { header: t("citizens.vault.added"), cell: (v) => formatDate(new Date(v.createdAt), locale), nowrap: true },
    {
      header: <span class="visually-hidden">{t("citizens.vault.actions")}</span>,
      cell: (v) => <PostButton action={`/me/vault/${v.id}/remove`} csrfToken={csrfToken} label={t("citizens.vault.remove")} rowLabel={v.title} />,
    },
  ];
}

export function vaultPages(w: PageKit) {
  const { deps, secure, page } = w;
  const limits = { maxBytes: deps.config.uploadMaxBytes };

  /** GET /me/vault, and the upload form again with its errors. */
  const show = async (c: Context<AppEnv>, form: FormState = emptyForm(), status: 200 | 400 | 429 = 200) => {
    const p = requireSignedIn(c);
    const items = await listVault(deps, ctxOf(c), p.userId);
    const ctx = page(c);
    const { t, locale } = ctx;
    const labels = { title: t("citizens.vault.itemTitle"), documentType: t("citizens.vault.documentType"), file: t("citizens.vault.file") };
    return c.html(
      <Layout ctx={ctx} title={t("citizens.vault.title")}>
        <Breadcrumbs t={t} items={[{ href: "/", label: t("nav.home") }, { label: t("citizens.vault.title") }]} />
        <ErrorSummary t={t} errors={form.errors} labels={labels} />
        <h1>{t("citizens.vault.title")}</h1>
        <p>{t("citizens.vault.intro")}</p>
        <DataTable
          caption={t("citizens.vault.title")}
          columns={vaultColumns(t, locale, ctx.csrfToken)}
          rows={items}
          empty={<p>{t("citizens.vault.empty")}</p>}
        />
        <h2 id="upload">{t("citizens.vault.upload")}</h2>
        <form method="post" action="/me/vault" enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField t={t} form={form} name="title" label={labels.title} hint={t("citizens.vault.itemTitleHint")} required />
          <TextField t={t} form={form} name="documentType" label={labels.documentType} />
          <Field
            t={t}
            form={form}
            kind="file"
            required
            name="file"
            label={labels.file}
            hint={t("citizens.vault.fileHint", uploadMessageParams(limits))}
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          />
          <Button>{t("citizens.vault.upload")}</Button>
        </form>
        <p>
          <a href="/me/profile">{t("citizens.profile.title")}</a>
        </p>
      </Layout>,
      status,
    );
  };

  /** POST /me/vault (multipart) */
  const upload = async (c: Context<AppEnv>) => {
    const p = requireSignedIn(c);
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    const values = { title: text("title"), documentType: text("documentType") };
    const parsed = validateForm(VaultUploadFields, values);
    const file = body.file instanceof File && (body.file.size > 0 || body.file.name !== "") ? body.file : null;
    const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
    if (!file) errors.push({ field: "file", code: "required", message: "citizens.vault.fileRequired" });
    if (!parsed.ok || !file || errors.length > 0) return show(c, { values, errors }, 400);
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      await uploadToVault(deps, ctxOf(c), p.userId, {
        title: parsed.data.title,
        documentType: parsed.data.documentType,
        name: file.name,
        bytes,
        maxBytes: limits.maxBytes,
        clientIp: clientIp(c, deps.config.trustedProxies),
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.fields.length === 0) throw err;
      // Over the upload limit: the form again with the reason and Retry-After; the vault keeps what it had.
      if (err.code === "too_many_requests") {
        setRetryAfter(c, err);
        return show(c, { values, errors: err.fields }, 429);
      }
      return show(c, { values, errors: err.fields }, 400);
    }
    setFlash(c, "flash.saved", secure);
    return c.redirect("/me/vault", 303);
  };

  /** GET /me/vault/:id/file */
  const download = async (c: Context<AppEnv>, id: string) => {
    const p = requireSignedIn(c);
    return fileResponse(c, (await getVaultFile(deps, ctxOf(c), p.userId, id)).file);
  };

  /** POST /me/vault/:id/remove */
  const remove = async (c: Context<AppEnv>, id: string) => {
    const p = requireSignedIn(c);
    await removeFromVault(deps, ctxOf(c), p.userId, id);
    setFlash(c, "flash.saved", secure);
    return c.redirect("/me/vault", 303);
  };

  return { show, upload, download, remove };
}
