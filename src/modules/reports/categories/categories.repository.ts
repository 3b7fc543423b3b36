// The SQL of report categories: province defaults (commune_code NULL) and commune rows overriding them by code.
import type { Queryable } from "../../../platform/db/database.ts";
import type { DefaultCategory } from "./default-categories.ts";

export type CategoryRow = DefaultCategory & {
  id: string;
  provinceCode: string;
  communeCode: string | null;
  responsibleUserId: string | null;
  active: boolean;
  version: number;
  updatedAt: Date;
};

const COLUMNS = `c.id, c.province_code AS "provinceCode", c.commune_code AS "communeCode", c.code, c.name_vi AS "nameVi",
  c.name_en AS "nameEn", c.description_vi AS "descriptionVi", c.description_en AS "descriptionEn", c.keywords,
  c.responsible_unit AS "responsibleUnit", c.responsible_user_id AS "responsibleUserId", c.time_limit_days AS "timeLimitDays",
  c.public_by_default AS "publicByDefault", c.attributes, c.sort_order AS "sortOrder", c.active, c.version, c.updated_at AS "updatedAt"`;

/** The commune's effective list: its own rows, and the province defaults it has no row for. */
export async function effectiveCategories(q: Queryable, provinceCode: string, communeCode: string, includeInactive: boolean): Promise<CategoryRow[]> {
  const { rows } = await q.query<CategoryRow>(
    `SELECT ${COLUMNS} FROM report_categories c
     WHERE (c.commune_code = $2
        OR (c.commune_code IS NULL AND c.province_code = $1
            AND NOT EXISTS (SELECT 1 FROM report_categories o WHERE o.commune_code = $2 AND o.code = c.code)))
       AND ($3 OR c.active)
     ORDER BY c.sort_order, c.name_vi, c.code`,
    [provinceCode, communeCode, includeInactive],
  );
  return rows;
}

export async function provinceDefaults(q: Queryable, provinceCode: string): Promise<CategoryRow[]> {
  const { rows } = await q.query<CategoryRow>(
    `SELECT ${COLUMNS} FROM report_categories c WHERE c.commune_code IS NULL AND c.province_code = $1 ORDER BY c.sort_order, c.name_vi, c.code`,
    [provinceCode],
  );
  return rows;
}

export async function findCategory(q: Queryable, id: string, lock = false): Promise<CategoryRow | null> {
  const { rows } = await q.query<CategoryRow>(`SELECT ${COLUMNS} FROM report_categories c WHERE c.id = $1${lock ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

export async function findCategoryByCode(
  q: Queryable,
  provinceCode: string,
  communeCode: string | null,
  code: string,
  lock = false,
): Promise<CategoryRow | null> {
  const { rows } = await q.query<CategoryRow>(
    `SELECT ${COLUMNS} FROM report_categories c
     WHERE c.province_code = $1 AND c.commune_code IS NOT DISTINCT FROM $2 AND c.code = $3${lock ? " FOR UPDATE" : ""}`,
    [provinceCode, communeCode, code],
  );
  return rows[0] ?? null;
}

export type CategoryWrite = Omit<CategoryRow, "id" | "version" | "updatedAt">;

const values = (c: CategoryWrite) => [
  c.provinceCode,
  c.communeCode,
  c.code,
  c.nameVi,
  c.nameEn,
  c.descriptionVi,
  c.descriptionEn,
  c.keywords,
  c.responsibleUnit,
  c.responsibleUserId,
  c.timeLimitDays,
  c.publicByDefault,
  JSON.stringify(c.attributes),
  c.sortOrder,
  c.active,
];

export async function insertCategory(q: Queryable, c: CategoryWrite): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO report_categories (province_code, commune_code, code, name_vi, name_en, description_vi, description_en, keywords,
       responsible_unit, responsible_user_id, time_limit_days, public_by_default, attributes, sort_order, active)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    values(c),
  );
  return rows[0]!.id;
}

export async function updateCategory(q: Queryable, id: string, c: CategoryWrite): Promise<void> {
  await q.query(
    `UPDATE report_categories SET name_vi = $5, name_en = $6, description_vi = $7, description_en = $8, keywords = $9,
       responsible_unit = $10, responsible_user_id = $11, time_limit_days = $12, public_by_default = $13, attributes = $14,
       sort_order = $15, active = $16, version = version + 1, updated_at = now()
     WHERE id = $1 AND province_code = $2 AND commune_code IS NOT DISTINCT FROM $3 AND code = $4`,
    [id, ...values(c)],
  );
}

/** Inserts the built-in list for a province; rows it already has (by code) are left alone. Returns how many were added. */
export async function insertDefaults(q: Queryable, provinceCode: string, list: readonly DefaultCategory[]): Promise<number> {
  let added = 0;
  for (const d of list) {
    const { rowCount } = await q.query(
      `INSERT INTO report_categories (province_code, commune_code, code, name_vi, name_en, description_vi, description_en, keywords,
         responsible_unit, time_limit_days, public_by_default, attributes, sort_order)
       VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (province_code, code) WHERE commune_code IS NULL DO NOTHING`,
      [
        provinceCode,
        d.code,
        d.nameVi,
        d.nameEn,
        d.descriptionVi,
        d.descriptionEn,
        d.keywords,
        d.responsibleUnit,
        d.timeLimitDays,
        d.publicByDefault,
        JSON.stringify(d.attributes),
        d.sortOrder,
      ],
    );
    added += rowCount ?? 0;
  }
  return added;
}

export async function hasProvinceDefaults(q: Queryable, provinceCode: string): Promise<boolean> {
  const { rows } = await q.query("SELECT 1 FROM report_categories WHERE province_code = $1 AND commune_code IS NULL LIMIT 1", [provinceCode]);
  return rows.length > 0;
}
