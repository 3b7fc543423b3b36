// GET /office/registry/export?commune=&village=&format=xlsx|csv: the registry file, as the API's export.
import type { Context } from "hono";
import { useCaseContext as ctxOf } from "../../../../platform/auth/use-case-context.ts";
import { AppError } from "../../../../platform/http/app-error.ts";
import { fileResponse } from "../../../../platform/http/file-response.ts";
import { validateForm } from "../../../../platform/http/forms.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import { exportRegistry } from "../../use-cases/import-export.ts";
import { ExportQuery } from "../import.contract.ts";

export function exportDownload(web: PageKit) {
  return async (c: Context<AppEnv>) => {
    const q = c.req.query();
    const values = Object.fromEntries(
      Object.entries({ commune: q.commune, village: q.village || undefined, format: q.format || undefined }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    const parsed = validateForm(ExportQuery, values);
    if (!parsed.ok) throw new AppError("validation", "error.validation", parsed.errors);
    const file = await exportRegistry(web.deps, ctxOf(c), {
      communeCode: parsed.data.commune,
      villageCode: parsed.data.village ?? null,
      format: parsed.data.format,
    });
    return fileResponse(c, { name: file.filename, mediaType: file.mediaType, content: Buffer.from(file.bytes) });
  };
}
