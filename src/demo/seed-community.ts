// Demo community data: two villages' households (entered once, through the registry), Thôn Phú Hà's digital team
// with the demo team leader and volunteer, their assignments, a round of visits sent the way the field app sends
// them, a 69-day VNeID campaign and a training. Names are made up. Safe to run again (skipped once a team exists).
import { randomUUID } from "node:crypto";
import type { Deps } from "../deps.ts";
import { listAdminUnitChildren } from "../modules/admin-units/index.ts";
import { findUserId, principalOfUser } from "../modules/identity/index.ts";
import { applySyncBatch, createCampaign, createTraining, recordAttendees } from "../modules/outreach/index.ts";
import { addTeamMember, assignHouseholds, createHousehold, createTeam, hasTeams } from "../modules/registry/index.ts";
import type { Principal } from "../platform/auth/authorise.ts";
import { toLocalDay } from "../platform/calendar/vietnam-time.ts";
import { DEMO_COMMUNE } from "./seed-demo.ts";

type Ctx = { actor: { userId: string | null; label: string }; requestId: null; principal: Principal };

const FAMILY = ["Vàng", "Lò", "Lý", "Giàng", "Hoàng", "Nguyễn", "Đỗ", "Triệu", "Bàn", "Phạm"];
const MEN = ["Văn Páo", "Văn Sinh", "A Chứ", "Văn Thắng", "Minh Đức", "Văn Lợi", "A Dế", "Quang Huy"];
const WOMEN = ["Thị Mai", "Thị Dung", "Thị Say", "Thị Lan", "Thị Hoa", "Thị Sua", "Thị Phương", "Thị Nga"];

/** A family of 1–5 people, the same for the same index every time. */
function family(i: number) {
  const name = FAMILY[i % FAMILY.length]!;
  const size = i % 7 === 3 ? 1 : 2 + (i % 4);
  const headYear = 1945 + ((i * 7) % 45);
  const members = [
    { fullName: `${name} ${MEN[i % MEN.length]}`, birthYear: headYear, sex: "male" as const, relationToHead: "head" as const },
    {
      fullName: `${FAMILY[(i + 3) % FAMILY.length]} ${WOMEN[i % WOMEN.length]}`,
      birthYear: headYear + 2,
      sex: "female" as const,
      relationToHead: "spouse" as const,
    },
    { fullName: `${name} ${WOMEN[(i + 2) % WOMEN.length]}`, birthYear: headYear + 24, sex: "female" as const, relationToHead: "child" as const },
    { fullName: `${name} ${MEN[(i + 3) % MEN.length]}`, birthYear: headYear + 27, sex: "male" as const, relationToHead: "child" as const },
    { fullName: `${name} ${MEN[(i + 5) % MEN.length]}`, birthYear: headYear + 50, sex: "male" as const, relationToHead: "grandchild" as const },
  ].slice(0, size);
  const alone = size === 1 && headYear < 1962;
  return members.map((m, k) => ({
    ...m,
    phone: k < 2 && i % 3 !== 0 ? `09${String(12_300_000 + i * 10 + k).padStart(8, "0")}` : null,
    flags: [
      ...(alone ? ["elderly_alone" as const] : []),
      ...(m.birthYear < 1960 ? ["no_smartphone" as const] : []),
      ...(i % 11 === 5 && k === 0 ? ["little_vietnamese" as const] : []),
    ],
  }));
}

export async function seedCommunityDemo(deps: Pick<Deps, "db" | "events" | "config" | "clock" | "log">): Promise<{ households: number; visits: number }> {
  // Once: a commune with a team has its community data (and an audited team list is not read at every start).
  if (await hasTeams(deps, DEMO_COMMUNE)) return { households: 0, visits: 0 };
  const as = async (username: string): Promise<Ctx | null> => {
    const id = await findUserId(deps, username);
    const principal = id ? await principalOfUser(deps, id) : null;
    return principal ? { actor: { userId: principal.userId, label: username }, requestId: null, principal } : null;
  };
  const [admin, leader, volunteer] = await Promise.all([as("xa.giaphu"), as("totruong.phuha"), as("tinhnguyen.phuha")]);
  if (!admin || !leader || !volunteer) return { households: 0, visits: 0 };
  const villages = (await listAdminUnitChildren(deps, DEMO_COMMUNE, { limit: 10 })).items.filter((u) => u.level === "village");
  const phuHa = villages.find((v) => v.name === "Phú Hà");
  const phuThinh = villages.find((v) => v.name === "Phú Thịnh");
  if (!phuHa || !phuThinh) return { households: 0, visits: 0 };

  const created: { id: string; residentIds: string[]; village: string }[] = [];
  for (let i = 0; i < 36; i++) {
    const village = i < 24 ? phuHa : phuThinh;
    const members = family(i);
    const { id, residentIds } = await createHousehold(deps, admin, {
      villageCode: village.code,
      address: `Số ${i + 1}, ${village.fullName}`,
      poverty: i % 9 === 4 ? "poor" : i % 9 === 7 ? "near_poor" : null,
      members: members.map(({ relationToHead, ...m }) => ({ ...m, ...(relationToHead === "head" ? {} : { relationToHead }) })),
    } as Parameters<typeof createHousehold>[2]);
    created.push({ id, residentIds, village: village.code });
  }

  const teamId = await createTeam(deps, admin, { name: "Tổ công nghệ số cộng đồng thôn Phú Hà", unitCode: phuHa.code, leaderUserId: leader.principal.userId });
  await addTeamMember(deps, admin, teamId, volunteer.principal.userId);
  const ofPhuHa = created.filter((h) => h.village === phuHa.code);
  await assignHouseholds(deps, admin, { teamId, memberUserId: volunteer.principal.userId, householdIds: ofPhuHa.slice(0, 14).map((h) => h.id) });
  await assignHouseholds(deps, admin, { teamId, memberUserId: leader.principal.userId, householdIds: ofPhuHa.slice(14).map((h) => h.id) });

  // A first round of visits, sent as the field app sends them: the volunteer helped 8 households.
  const today = toLocalDay(deps.clock.now());
  const visited = ofPhuHa.slice(0, 8);
  const synced = await applySyncBatch(deps, volunteer, {
    batchId: randomUUID(),
    items: visited.map((h, k) => ({
      itemId: randomUUID(),
      kind: "visit" as const,
      visit: {
        id: randomUUID(),
        householdId: h.id,
        visitedOn: today,
        present: h.residentIds.slice(0, 2),
        skills: h.residentIds
          .slice(0, k % 3 === 0 ? 2 : 1)
          .flatMap((residentId) => [
            { residentId, skillKey: "vneid_level2", confirmed: "seen" as const },
            ...(k % 2 === 0 ? [{ residentId, skillKey: "cashless_payment", confirmed: "self_declared" as const }] : []),
          ]),
        outcome: k === 5 ? ("not_home" as const) : ("helped" as const),
        nextStep: k % 2 === 1 ? "Quay lại hướng dẫn thanh toán không dùng tiền mặt" : undefined,
        recordedAt: deps.clock.now().toISOString(),
      },
    })),
  });

  const refused = synced.results.filter((r) => r.outcome !== "applied");
  if (refused.length > 0) deps.log.warn({ refused }, "demo visits not applied");

  const start = new Date(deps.clock.now().getTime() - 20 * 86_400_000);
  const end = new Date(start.getTime() + 68 * 86_400_000);
  await createCampaign(deps, admin, {
    name: "69 ngày cao điểm VNeID mức 2",
    unitCode: DEMO_COMMUNE,
    skillKey: "vneid_level2",
    measure: "adults",
    targetPercent: 80,
    startsOn: toLocalDay(start),
    endsOn: toLocalDay(end),
  });
  const training = await createTraining(deps, admin, {
    unitCode: phuHa.code,
    heldOn: today,
    place: "Nhà văn hoá thôn Phú Hà",
    topic: "Kích hoạt VNeID mức 2 và an toàn trên mạng",
    trainer: "Vàng A Sùng",
    skillKeys: ["vneid_level2", "cyber_safety"],
  });
  await recordAttendees(deps, admin, training.id, { residentIds: ofPhuHa.slice(8, 12).map((h) => h.residentIds[0]!), confirmSkills: "none" });
  deps.log.info({ households: created.length, visits: visited.length }, "demo community data loaded");
  return { households: created.length, visits: visited.length };
}
