// Demo notices and commune hall for Xã Gia Phú, made through the modules' own use cases: an emergency flood warning
// published at once, a health notice to two villages by SMS (reviewed and approved), a digital-skills bulletin
// scheduled for next week, a draft in review, and a withdrawn notice with its correction; a loudspeaker station in
// Phú Hà with two weekly slots (speech from the configured TTS engine; with TTS_ENGINE=none the slots are left out);
// the hall's services A, B, C, two counters and a few of today's tickets (waiting, called, done).
// Safe to run again: notices are skipped when the flood warning exists, tickets when the hall has any today.
import type { Deps } from "../deps.ts";
import { listAdminUnitChildren } from "../modules/admin-units/index.ts";
import { actOnTicket, callNext, issueTicket, saveCounter, saveService, screenState, sitAtCounter } from "../modules/hall/index.ts";
import { findUserId, principalOfUser } from "../modules/identity/index.ts";
import {
  approveNotice,
  createNotice,
  createStation,
  listOfficeNotices,
  publishEmergencyNotice,
  saveSlot,
  submitNotice,
  withdrawNotice,
} from "../modules/notices/index.ts";
import type { Principal } from "../platform/auth/authorise.ts";
import { nextLocalDay, toLocalDay } from "../platform/calendar/vietnam-time.ts";
import { AppError } from "../platform/http/app-error.ts";
import { DEMO_COMMUNE } from "./seed-demo.ts";

type SeedDeps = Pick<Deps, "db" | "events" | "config" | "clock">;
type Acting = { actor: { userId: string; label: string }; requestId: null; principal: Principal };

const addLocalDays = (day: string, n: number) => {
  let d = day;
  for (let i = 0; i < n; i++) d = nextLocalDay(d);
  return d;
};

const FLOOD_TITLE = "Cảnh báo lũ quét, sạt lở đất do mưa lớn";

async function as(deps: SeedDeps, username: string): Promise<Acting | null> {
  const id = await findUserId(deps, username);
  const principal = id ? await principalOfUser(deps, id) : null;
  return principal && id ? { actor: { userId: id, label: username }, requestId: null, principal } : null;
}

export async function seedNoticesDemo(deps: SeedDeps): Promise<{ notices: number; slots: number; tickets: number }> {
  const [leader, specialist, admin, desk] = await Promise.all(["lanhdao.giaphu", "chuyenvien.giaphu", "xa.giaphu", "motcua.giaphu"].map((u) => as(deps, u)));
  if (!leader || !specialist || !admin || !desk) return { notices: 0, slots: 0, tickets: 0 };
  const villages = (await listAdminUnitChildren(deps, DEMO_COMMUNE, { limit: 10 })).items.filter((u) => u.level === "village");
  const today = toLocalDay(deps.clock.now());
  const out = { notices: 0, slots: 0, tickets: 0 };

  const existing = await listOfficeNotices(deps, leader, { tab: "published", q: "Cảnh báo lũ quét" });
  if (existing.total === 0 && villages.length >= 2) {
    const [phuHa, phuThinh] = [villages[0]!.code, villages[1]!.code];
    const base = { unitCode: DEMO_COMMUNE, scope: "commune" as const, validFrom: today };
    // 1. Emergency: published at once by the leader, without review (the audit flags it).
    const flood = await createNotice(deps, leader, {
      ...base,
      category: "emergency",
      title: FLOOD_TITLE,
      body: "Mưa lớn kéo dài, nguy cơ lũ quét và sạt lở tại các khe suối.\n\n- Không qua ngầm, tràn khi nước lên\n- Di chuyển người già, trẻ em khỏi nhà ven suối\n- Gọi ban chỉ huy xã: 0214 3850 123",
      validUntil: addLocalDays(today, 3),
      channels: ["web", "sms", "loudspeaker"],
    });
    await publishEmergencyNotice(deps, leader, flood.id, { version: flood.version });
    // 2. Health: two villages by SMS, drafted by the specialist, approved by the leader.
    const health = await createNotice(deps, specialist, {
      ...base,
      scope: "villages",
      villageCodes: [phuHa, phuThinh],
      category: "health",
      title: "Tiêm chủng mở rộng cho trẻ dưới 5 tuổi",
      body: "Trạm y tế xã tiêm chủng cho trẻ dưới 5 tuổi vào sáng thứ Bảy tại nhà văn hóa thôn. Mang theo sổ tiêm chủng.",
      validUntil: addLocalDays(today, 14),
      channels: ["web", "sms", "loudspeaker"],
    });
    const healthSubmitted = await submitNotice(deps, specialist, health.id, { version: health.version });
    await approveNotice(deps, leader, health.id, { version: healthSubmitted.version });
    // 3. Digital-skills bulletin: approved, scheduled for next week.
    const skills = await createNotice(deps, specialist, {
      ...base,
      category: "digital_skills",
      title: "Lớp hướng dẫn dùng dịch vụ công trực tuyến",
      body: "Tổ công nghệ số cộng đồng hướng dẫn cài VNeID và nộp hồ sơ trực tuyến tại nhà văn hóa xã. Mang theo điện thoại và căn cước.",
      validFrom: addLocalDays(today, 7),
      channels: ["web", "sms"],
    });
    const skillsSubmitted = await submitNotice(deps, specialist, skills.id, { version: skills.version });
    const nextWeek = new Date(deps.clock.now().getTime() + 7 * 86_400_000).toISOString();
    await approveNotice(deps, leader, skills.id, { version: skillsSubmitted.version, scheduledAt: nextWeek });
    // 4. A draft in review.
    const meeting = await createNotice(deps, specialist, {
      ...base,
      category: "agriculture",
      title: "Lịch gieo cấy vụ Xuân",
      body: "Bà con gieo mạ từ ngày 20 tháng Giêng, cấy xong trước ngày 10 tháng Hai âm lịch. Cán bộ khuyến nông hướng dẫn tại từng thôn.",
      channels: ["web"],
    });
    await submitNotice(deps, specialist, meeting.id, { version: meeting.version });
    // 5. Published, then withdrawn with its correction.
    const fair = await createNotice(deps, specialist, {
      ...base,
      category: "events",
      title: "Phiên chợ nông sản cuối tuần",
      body: "Phiên chợ nông sản họp sáng Chủ nhật tại sân Ủy ban nhân dân xã.",
      channels: ["web"],
    });
    const fairSubmitted = await submitNotice(deps, specialist, fair.id, { version: fair.version });
    const fairPublished = await approveNotice(deps, leader, fair.id, { version: fairSubmitted.version });
    await withdrawNotice(deps, leader, fair.id, {
      version: fairPublished.version,
      reason: "Sai địa điểm",
      correction: "Phiên chợ nông sản họp sáng Chủ nhật tại sân nhà văn hóa thôn Phú Hà, không phải sân Ủy ban.",
    });
    out.notices = 6;
    // The loudspeaker station of Phú Hà: the flood warning every morning, the vaccination on Fridays.
    const station = await createStation(deps, leader, { villageCode: phuHa, name: "Trạm truyền thanh thôn Phú Hà" });
    if (deps.config.notices.tts.engine !== "none") {
      const slots = [
        { noticeId: flood.id, weekdays: [1, 2, 3, 4, 5, 6, 7], start: "06:00", durationMinutes: 5 },
        { noticeId: health.id, weekdays: [5], start: "17:30", durationMinutes: 5 },
      ];
      for (const s of slots) {
        try {
          await saveSlot(deps, leader, station.id, null, { ...s, validFrom: today, audioSource: "generate" }, null);
          out.slots++;
        } catch (err) {
          // No speech engine at hand (espeak-ng missing, the HTTP provider down): the demo starts without the slot.
          if (!(err instanceof AppError)) throw err;
        }
      }
    }
  }

  // The hall: three services, two counters, and today's queue (once a day).
  const ids: string[] = [];
  for (const [i, s] of [
    { letter: "A", nameVi: "Hộ tịch", nameEn: "Civil status", procedureFields: ["civilStatus"] },
    { letter: "B", nameVi: "Đất đai", nameEn: "Land", procedureFields: ["land"] },
    { letter: "C", nameVi: "Chứng thực", nameEn: "Certification", procedureFields: ["certification"] },
  ].entries())
    ids.push((await saveService(deps, admin, DEMO_COMMUNE, { ...s, position: i })).id);
  const counter1 = (await saveCounter(deps, admin, DEMO_COMMUNE, { number: 1, name: "Quầy 1 – Hộ tịch, Chứng thực", serviceIds: [ids[0], ids[2]] })).id;
  await saveCounter(deps, admin, DEMO_COMMUNE, { number: 2, name: "Quầy 2 – Đất đai", serviceIds: [ids[1]] });
  const state = await screenState(deps, DEMO_COMMUNE);
  if (state.called.length === 0 && state.services.every((s) => s.waiting === 0)) {
    for (const serviceId of [ids[0]!, ids[0]!, ids[2]!, ids[1]!, ids[0]!]) {
      await deps.db.tx((q) => issueTicket(q, deps, { communeCode: DEMO_COMMUNE, serviceId, source: "desk", day: today, ...desk }));
      out.tickets++;
    }
    // The desk officer sits at counter 1: the first number is served and done, the next one is called.
    await sitAtCounter(deps, desk, counter1);
    const first = await callNext(deps, desk, counter1);
    if (first) await actOnTicket(deps, desk, first.id, "done", { version: first.version });
    await callNext(deps, desk, counter1);
  }
  return out;
}
