// The public part's reads: only notices the public may read (publicNoticeSql: published, or withdrawn and shown as
// such), only the columns a notice shows in public: no author, approver, audience list or review note is selected.
import type { Queryable } from "../../../platform/db/database.ts";
import { publicNoticeSql } from "../notice-access.ts";
import type { NoticeCategory, NoticeScope } from "../notices.model.ts";

/** Published and valid on `today` (a withdrawn notice is never in force). */
const IN_FORCE = (a: string, today: string) =>
  `(${a}.status = 'published' AND ${a}.valid_from <= ${today}::date AND (${a}.valid_until IS NULL OR ${a}.valid_until >= ${today}::date))`;

export type PublicNoticeItem = {
  id: string;
  title: string;
  category: NoticeCategory;
  scope: NoticeScope;
  villageCodes: string[];
  unitCode: string;
  unitName: string;
  unitNameEn: string | null;
  body: string;
  validFrom: string;
  validUntil: string | null;
  status: "published" | "withdrawn";
  publishedAt: Date;
  withdrawnAt: Date | null;
  inForce: boolean;
};

const ITEM_COLUMNS = `n.id, n.title, n.category, n.scope, n.village_codes AS "villageCodes", n.unit_code AS "unitCode",
  u.full_name AS "unitName", u.full_name_en AS "unitNameEn", n.body, to_char(n.valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(n.valid_until, 'YYYY-MM-DD') AS "validUntil", n.status, n.published_at AS "publishedAt", n.withdrawn_at AS "withdrawnAt"`;

export type PublicListScope = { communeCode: string; communePath: string; village?: string; category?: NoticeCategory };

/**
 * A commune's notices: its own (any village scope, or only those reaching `village` when given) and its province's.
 * The ones in force come first, emergencies on top; then the others, newest first.
 */
export async function listPublicNotices(q: Queryable, s: PublicListScope, today: string, offset: number, limit: number): Promise<PublicNoticeItem[]> {
  const params: unknown[] = [s.communeCode, s.communePath, today];
  const where = [publicNoticeSql("n"), `(n.unit_code = $1 OR (n.scope = 'province' AND $2 LIKE n.unit_path || '%'))`];
  if (s.village) {
    params.push(s.village);
    where.push(`(n.scope <> 'villages' OR $${params.length} = ANY (n.village_codes))`);
  }
  if (s.category) {
    params.push(s.category);
    where.push(`n.category = $${params.length}`);
  }
  params.push(limit, offset);
  const { rows } = await q.query<PublicNoticeItem>(
    `SELECT ${ITEM_COLUMNS}, ${IN_FORCE("n", "$3")} AS "inForce"
     FROM notices n JOIN admin_unit_refs u ON u.code = n.unit_code
     WHERE ${where.join(" AND ")}
     ORDER BY ${IN_FORCE("n", "$3")} DESC, (${IN_FORCE("n", "$3")} AND n.category = 'emergency') DESC, n.published_at DESC, n.id DESC
     LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return rows;
}

export type PublicNoticeRow = PublicNoticeItem & {
  unitPath: string;
  withdrawalReason: string | null;
  correctsId: string | null;
  updatedAt: Date;
};

/** One notice as the public sees it, or null when the public may not read it (unknown, draft, in review, scheduled). */
export async function findPublicNotice(q: Queryable, id: string, today: string): Promise<PublicNoticeRow | null> {
  const { rows } = await q.query<PublicNoticeRow>(
    `SELECT ${ITEM_COLUMNS}, ${IN_FORCE("n", "$2")} AS "inForce", n.unit_path AS "unitPath",
            n.withdrawal_reason AS "withdrawalReason", n.corrects_id AS "correctsId", n.updated_at AS "updatedAt"
     FROM notices n JOIN admin_unit_refs u ON u.code = n.unit_code
     WHERE n.id = $1 AND ${publicNoticeSql("n")}`,
    [id, today],
  );
  return rows[0] ?? null;
}

export type NoticeLink = { id: string; title: string };

/** The public correction of a withdrawn notice (the newest, if an officer issued more than one). */
export async function publicCorrectionOf(q: Queryable, id: string): Promise<NoticeLink | null> {
  const { rows } = await q.query<NoticeLink>(
    `SELECT n.id, n.title FROM notices n WHERE n.corrects_id = $1 AND ${publicNoticeSql("n")} ORDER BY n.published_at DESC LIMIT 1`,
    [id],
  );
  return rows[0] ?? null;
}

/** A notice by id when the public may read it: the title for a link. */
export async function publicNoticeLink(q: Queryable, id: string): Promise<NoticeLink | null> {
  const { rows } = await q.query<NoticeLink>(`SELECT n.id, n.title FROM notices n WHERE n.id = $1 AND ${publicNoticeSql("n")}`, [id]);
  return rows[0] ?? null;
}

export type AttachmentRef = { fileId: string; name: string };

export async function noticeAttachments(q: Queryable, noticeId: string): Promise<AttachmentRef[]> {
  const { rows } = await q.query<AttachmentRef>(
    `SELECT a.file_id AS "fileId", a.name FROM notice_attachments a WHERE a.notice_id = $1 ORDER BY a.position, a.name`,
    [noticeId],
  );
  return rows;
}

/** One attachment of a notice the public may read, or null. */
export async function publicAttachment(q: Queryable, noticeId: string, fileId: string): Promise<AttachmentRef | null> {
  const { rows } = await q.query<AttachmentRef>(
    `SELECT a.file_id AS "fileId", a.name FROM notice_attachments a JOIN notices n ON n.id = a.notice_id
     WHERE a.notice_id = $1 AND a.file_id = $2 AND ${publicNoticeSql("n")}`,
    [noticeId, fileId],
  );
  return rows[0] ?? null;
}

export type UnitOption = { code: string; nameVi: string; nameEn: string | null };

export async function communeVillages(q: Queryable, communeCode: string): Promise<UnitOption[]> {
  const { rows } = await q.query<UnitOption>(
    `SELECT code, name AS "nameVi", name_en AS "nameEn" FROM admin_unit_refs WHERE parent_code = $1 AND level = 'village' ORDER BY code`,
    [communeCode],
  );
  return rows;
}

export async function unitNames(q: Queryable, codes: readonly string[]): Promise<UnitOption[]> {
  if (codes.length === 0) return [];
  const { rows } = await q.query<UnitOption>(
    `SELECT code, name AS "nameVi", name_en AS "nameEn" FROM admin_unit_refs WHERE code = ANY ($1::text[]) ORDER BY code`,
    [codes],
  );
  return rows;
}

export type CommuneOption = { code: string; nameVi: string; nameEn: string | null; provinceVi: string; provinceEn: string | null; inForce: number };

/** Every commune of the served provinces, with how many notices are in force there (its own and its province's). */
export async function servedCommunes(q: Queryable, provinces: readonly string[], today: string): Promise<CommuneOption[]> {
  const { rows } = await q.query<CommuneOption>(
    `SELECT u.code, u.full_name AS "nameVi", u.full_name_en AS "nameEn", p.full_name AS "provinceVi", p.full_name_en AS "provinceEn",
            (coalesce(own.count, 0) + coalesce(prov.count, 0))::int AS "inForce"
     FROM admin_unit_refs u
     JOIN admin_unit_refs p ON u.path LIKE '/' || p.code || '/%' AND p.level = 'province'
     LEFT JOIN (SELECT n.unit_code, count(*) AS count FROM notices n WHERE ${IN_FORCE("n", "$2")} GROUP BY n.unit_code) own
       ON own.unit_code = u.code
     LEFT JOIN (SELECT n.unit_code, count(*) AS count FROM notices n WHERE n.scope = 'province' AND ${IN_FORCE("n", "$2")} GROUP BY n.unit_code) prov
       ON prov.unit_code = p.code
     WHERE u.level = 'commune' AND p.code = ANY ($1::text[])
     ORDER BY p.code, u.name, u.code`,
    [provinces, today],
  );
  return rows;
}
