// Factories for citizen reports: rows written directly, so tests of one part (desk, public page, Open311, figures)
// need not drive another part's form. Use the reporting use case itself where the test is about reporting.
import { randomBytes, randomUUID } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { getAdminUnit } from "../../src/modules/admin-units/index.ts";
import type { ReportStatus } from "../../src/modules/reports/reports.model.ts";
import { searchKey } from "../../src/platform/text/search-key.ts";
import { GIA_PHU } from "./factories.ts";

async function unitOf(deps: Deps, code: string) {
  const u = await getAdminUnit(deps, code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

export type CategorySeed = {
  communeCode?: string | null;
  provinceCode?: string;
  code?: string;
  nameVi?: string;
  nameEn?: string;
  timeLimitDays?: number;
  publicByDefault?: boolean;
  responsibleUnit?: string;
  responsibleUserId?: string | null;
  attributes?: unknown[];
};

/** A category of the commune (default GIA_PHU), or a province default with `communeCode: null`. */
export async function buildReportCategory(deps: Deps, seed: CategorySeed = {}) {
  const communeCode = seed.communeCode === undefined ? GIA_PHU : seed.communeCode;
  const provinceCode = seed.provinceCode ?? (communeCode ? ((await unitOf(deps, communeCode)).parentCode as string) : "15");
  const code = seed.code ?? `cat_${randomBytes(3).toString("hex")}`;
  const { rows } = await deps.db.query<{ id: string }>(
    `INSERT INTO report_categories (province_code, commune_code, code, name_vi, name_en, responsible_unit, responsible_user_id,
       time_limit_days, public_by_default, attributes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      provinceCode,
      communeCode,
      code,
      seed.nameVi ?? `Đường hỏng ${code}`,
      seed.nameEn ?? `Broken road ${code}`,
      seed.responsibleUnit ?? "Công chức Địa chính - Xây dựng",
      seed.responsibleUserId ?? null,
      seed.timeLimitDays ?? 5,
      seed.publicByDefault ?? true,
      JSON.stringify(seed.attributes ?? []),
    ],
  );
  return { id: rows[0]!.id, code };
}

/**
 * The commune's "drain" category with a required list attribute "size" (small, large), in Vietnamese and English:
 * the Open311 tests' category with a service definition. `more` adds attributes after it.
 */
export function buildDrainCategory(deps: Deps, more: unknown[] = []) {
  return buildReportCategory(deps, {
    code: "drain",
    nameVi: "Cống tắc",
    nameEn: "Blocked drain",
    attributes: [
      {
        code: "size",
        datatype: "singlevaluelist",
        required: true,
        description_vi: "Mức độ",
        description_en: "How bad",
        order: 1,
        values: [
          { key: "small", name_vi: "Nhỏ", name_en: "Small" },
          { key: "large", name_vi: "Lớn", name_en: "Large" },
        ],
      },
      ...more,
    ],
  });
}

export type ReportSeed = {
  categoryId: string;
  communeCode?: string;
  villageCode?: string | null;
  description?: string;
  landmark?: string;
  lat?: number | null;
  lon?: number | null;
  status?: ReportStatus;
  public?: boolean;
  reporterUserId?: string | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  anonymous?: boolean;
  assigneeUserId?: string | null;
  dueAt?: Date | null;
  createdAt?: Date;
};

/** A report written straight to the table (with its "submitted" event), in the state asked for. */
export async function buildReport(deps: Deps, seed: ReportSeed) {
  const communeCode = seed.communeCode ?? GIA_PHU;
  const unit = await unitOf(deps, seed.villageCode ?? communeCode);
  const id = randomUUID();
  const code = `PA-T${randomBytes(4).toString("hex").toUpperCase()}`;
  const description = seed.description ?? "Ổ gà lớn giữa đường liên thôn, xe máy dễ ngã";
  const landmark = seed.landmark ?? "Gần cầu tràn";
  await deps.db.tx(async (q) => {
    await q.query(
      `INSERT INTO reports (id, code, commune_code, unit_path, village_code, category_id, description, landmark, lat, lon, location_source,
         status, public, reporter_user_id, reporter_name, reporter_phone, anonymous, assignee_user_id, due_at, search_text, created_at,
         accepted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        id,
        code,
        communeCode,
        unit.path,
        seed.villageCode ?? null,
        seed.categoryId,
        description,
        landmark,
        seed.lat ?? null,
        seed.lon ?? null,
        seed.lat == null ? "none" : "map",
        seed.status ?? "received",
        seed.public ?? true,
        seed.reporterUserId ?? null,
        seed.anonymous ? null : (seed.reporterName ?? "Lò Thị Mai"),
        seed.anonymous ? null : (seed.reporterPhone ?? null),
        seed.anonymous ?? false,
        seed.assigneeUserId ?? null,
        seed.dueAt ?? null,
        searchKey(`${code} ${description} ${landmark}`),
        seed.createdAt ?? new Date(),
        seed.status && seed.status !== "received" ? (seed.createdAt ?? new Date()) : null,
      ],
    );
    await q.query("INSERT INTO report_events (report_id, kind, to_status, created_at) VALUES ($1, 'submitted', 'received', $2)", [
      id,
      seed.createdAt ?? new Date(),
    ]);
  });
  return { id, code };
}
