// TEMPORARY, until the reporting part's submitReport (wt-reporting) is merged: the smallest report an Open311 post
// makes, so that this part runs end to end on its own. At the merge, open311.pages.tsx passes submitReport instead
// and this file is deleted.
import { randomBytes } from "node:crypto";
import { AppError } from "../../../platform/http/app-error.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { effectiveServices, findCommune } from "../open311/open311.repository.ts";
import { insertReportEvent } from "../reports.repository.ts";
import type { Open311SubmitResult, SubmitReportFn } from "./open311-post.ts";

export const submitReportFallback: SubmitReportFn = async (deps, ctx, input): Promise<Open311SubmitResult> => {
  const commune = await findCommune(deps.db, input.communeCode, deps.config.servedProvinces);
  if (!commune) throw new AppError("not_found", "error.notFound");
  const [category] = await effectiveServices(deps.db, commune, input.categoryCode);
  if (!category) throw new AppError("not_found", "error.notFound");
  const code = `PA-${randomBytes(4).toString("hex").toUpperCase()}`;
  const now = deps.clock.now();
  return deps.db.tx(async (q) => {
    const path = input.villageCode ? `${commune.path}${input.villageCode}/` : commune.path;
    const attributes = { ...input.attributes, ...(input.photoUrls?.length ? { _media_urls: input.photoUrls } : {}) };
    const { rows } = await q.query<{ id: string }>(
      `INSERT INTO reports (code, commune_code, unit_path, village_code, category_id, description, landmark, lat, lon, location_source,
         attributes, public, reporter_name, reporter_phone, reporter_email, anonymous, channel, open311_client_id, search_text, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'open311', $17, $18, $19, $19) RETURNING id`,
      [
        code,
        commune.code,
        path,
        input.villageCode ?? null,
        category.id,
        input.description,
        input.landmark ?? "",
        input.lat ?? null,
        input.lon ?? null,
        input.lat == null ? "none" : "open311",
        JSON.stringify(attributes),
        category.publicByDefault,
        input.contact?.name ?? null,
        input.contact?.phone ?? null,
        input.contact?.email ?? null,
        input.anonymous ?? false,
        input.open311ClientId ?? null,
        searchKey(`${code} ${input.description} ${input.landmark ?? ""}`),
        now,
      ],
    );
    const id = rows[0]!.id;
    await insertReportEvent(q, { reportId: id, kind: "submitted", toStatus: "received", data: { channel: "open311" } });
    await deps.events.publish(q, {
      type: "report.submitted",
      actor: ctx.actor,
      target: { type: "report", id },
      adminUnitCode: commune.code,
      requestId: ctx.requestId,
      details: { code, channel: "open311" },
    });
    return { id, code, dueAt: null, public: category.publicByDefault };
  });
};
