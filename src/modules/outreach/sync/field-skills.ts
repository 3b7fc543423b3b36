// The skill checklist a device shows, and a visit's confirmations written to resident_skills.
// The built-in list is the default checklist; a province with rows in skill_definitions uses its own.
// (Kept here for the sync; if the coverage area publishes the checklist, this file should read it from there.)
import type { Queryable } from "../../../platform/db/database.ts";

export const DEFAULT_SKILLS: readonly { key: string; vi: string; en: string }[] = [
  { key: "vneid2", vi: "Đã kích hoạt định danh điện tử VNeID mức 2", en: "VNeID level 2 activated" },
  { key: "cashless", vi: "Có tài khoản thanh toán không dùng tiền mặt", en: "A cashless payment account" },
  { key: "public_service", vi: "Đã dùng dịch vụ công trực tuyến", en: "Used an online public service" },
  { key: "ecommerce", vi: "Mua hoặc bán hàng trực tuyến", en: "Shopping or selling online" },
  { key: "cyber_safety", vi: "Đã được hướng dẫn an toàn trên mạng", en: "A cyber-safety briefing" },
  { key: "citizen_app", vi: "Đã cài ứng dụng công dân của tỉnh", en: "The province's citizen app installed" },
];

export type SkillItem = { key: string; label: string };

/** The province's active skills in order, labelled in the reader's language. */
export async function skillsOf(q: Queryable, provinceCode: string | null, locale: "vi" | "en"): Promise<SkillItem[]> {
  if (provinceCode) {
    const { rows } = await q.query<{ key: string; label_vi: string; label_en: string }>(
      "SELECT key, label_vi, label_en FROM skill_definitions WHERE province_code = $1 AND active ORDER BY sort, key",
      [provinceCode],
    );
    if (rows.length) return rows.map((r) => ({ key: r.key, label: locale === "en" ? r.label_en : r.label_vi }));
  }
  return DEFAULT_SKILLS.map((s) => ({ key: s.key, label: locale === "en" ? s.en : s.vi }));
}

/** The province of a unit path "/15/…/". */
export const provinceOf = (unitPath: string): string | null => unitPath.split("/").filter(Boolean)[0] ?? null;

/**
 * Records confirmed skills (of one visit or many). Seen in person outranks self-declared: a self-declaration never replaces a skill
 * someone saw; a newer confirmation of the same or a stronger kind replaces the older one.
 */
export async function confirmSkills(
  q: Queryable,
  input: {
    confirmedBy: string;
    at: Date;
    skills: { residentId: string; skillKey: string; method: "seen" | "self_declared"; unitPath: string; visitId: string }[];
  },
): Promise<void> {
  // One row per person and skill (an upsert may touch a row once): the strongest, then the latest, wins.
  const best = new Map<string, (typeof input.skills)[number]>();
  for (const s of input.skills) {
    const key = `${s.residentId} ${s.skillKey}`;
    if (best.get(key)?.method === "seen" && s.method !== "seen") continue;
    best.set(key, s);
  }
  const skills = [...best.values()];
  if (skills.length === 0) return;
  await q.query(
    `INSERT INTO resident_skills (resident_id, skill_key, unit_path, method, confirmed_by, confirmed_at, visit_id)
     SELECT s.resident_id, s.skill_key, s.unit_path, s.method, $1, $2, s.visit_id
     FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[]) AS s (resident_id, skill_key, unit_path, method, visit_id)
     ON CONFLICT (resident_id, skill_key) DO UPDATE
       SET method = excluded.method, unit_path = excluded.unit_path, confirmed_by = excluded.confirmed_by,
           confirmed_at = excluded.confirmed_at, visit_id = excluded.visit_id, training_id = NULL
       WHERE resident_skills.method = 'self_declared' OR excluded.method = 'seen'`,
    [
      input.confirmedBy,
      input.at,
      skills.map((s) => s.residentId),
      skills.map((s) => s.skillKey),
      skills.map((s) => s.unitPath),
      skills.map((s) => s.method),
      skills.map((s) => s.visitId),
    ],
  );
}
