// Factories for notices and the commune hall: rows written directly, so tests of one part (audiences, public pages,
// the big screen) need not drive another part's forms. Use the authoring use cases where the test is about authoring.
import { randomUUID } from "node:crypto";
import type { Deps } from "../../src/deps.ts";
import { getAdminUnit } from "../../src/modules/admin-units/index.ts";
import type { NoticeAudience, NoticeCategory, NoticeScope, NoticeStatus } from "../../src/modules/notices/notices.model.ts";
import { GIA_PHU } from "./factories.ts";

async function unitOf(deps: Deps, code: string) {
  const u = await getAdminUnit(deps, code);
  if (!u) throw new Error(`no unit ${code}`);
  return u;
}

export type NoticeSeed = {
  unitCode?: string;
  category?: NoticeCategory;
  title?: string;
  body?: string;
  scope?: NoticeScope;
  villageCodes?: string[];
  validFrom?: string;
  validUntil?: string | null;
  channels?: string[];
  audience?: NoticeAudience;
  smsText?: string | null;
  speechText?: string | null;
  status?: NoticeStatus;
  publishedAt?: Date | null;
  scheduledAt?: Date | null;
  authorId?: string | null;
};

/** A notice of GIA_PHU (default: published today to the whole commune on the web and by SMS). */
export async function buildNotice(deps: Deps, seed: NoticeSeed = {}) {
  const unit = await unitOf(deps, seed.unitCode ?? GIA_PHU);
  const id = randomUUID();
  const status = seed.status ?? "published";
  const now = deps.clock.now();
  await deps.db.query(
    `INSERT INTO notices (id, unit_code, unit_path, category, title, body, scope, village_codes, valid_from, valid_until, channels,
       audience, sms_text, speech_text, status, published_at, scheduled_at, author_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      id,
      unit.code,
      unit.path,
      seed.category ?? "administrative",
      seed.title ?? `Thông báo ${id.slice(0, 6)}`,
      seed.body ?? "Lịch tiêm chủng mở rộng tại trạm y tế xã từ 7 giờ sáng thứ Hai.",
      seed.scope ?? (unit.level === "province" ? "province" : seed.villageCodes?.length ? "villages" : "commune"),
      seed.villageCodes ?? [],
      seed.validFrom ?? now.toISOString().slice(0, 10),
      seed.validUntil ?? null,
      seed.channels ?? ["web", "sms"],
      JSON.stringify(seed.audience ?? {}),
      seed.smsText === undefined ? "Lich tiem chung tai tram y te xa tu 7h thu Hai." : seed.smsText,
      seed.speechText ?? null,
      status,
      seed.publishedAt === undefined ? (status === "published" || status === "withdrawn" ? now : null) : seed.publishedAt,
      seed.scheduledAt ?? null,
      seed.authorId ?? null,
    ],
  );
  return { id, unitPath: unit.path };
}

/** A hall service (default letter A) of GIA_PHU. */
export async function buildHallService(
  deps: Deps,
  seed: { communeCode?: string; letter?: string; nameVi?: string; nameEn?: string; procedureFields?: string[] } = {},
) {
  const { rows } = await deps.db.query<{ id: string }>(
    `INSERT INTO hall_services (commune_code, letter, name_vi, name_en, procedure_fields) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [seed.communeCode ?? GIA_PHU, seed.letter ?? "A", seed.nameVi ?? "Hộ tịch", seed.nameEn ?? "Civil status", seed.procedureFields ?? []],
  );
  return { id: rows[0]!.id, letter: seed.letter ?? "A" };
}

/** A counter calling the given services. */
export async function buildCounter(
  deps: Deps,
  seed: { communeCode?: string; number?: number; name?: string; serviceIds: string[]; officerId?: string | null },
) {
  const number = seed.number ?? 1;
  const { rows } = await deps.db.query<{ id: string }>(
    `INSERT INTO hall_counters (commune_code, number, name, service_ids, officer_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [seed.communeCode ?? GIA_PHU, number, seed.name ?? `Quầy ${number}`, seed.serviceIds, seed.officerId ?? null],
  );
  return { id: rows[0]!.id, number };
}
