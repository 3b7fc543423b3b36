// Recognition (vinh danh): the teams and members who did most in a period, from the visit records. Ranked by
// households helped, then skills confirmed, then visits; equal figures share a rank (1, 1, 3). Volunteers' names
// with their work figures are staff data, yet about named people: each read is audited (docs/community/campaigns.md).
import type { Deps } from "../../../deps.ts";
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { notFound } from "../../../platform/http/app-error.ts";
import { displayNames } from "../../identity/index.ts";
import type { RecognitionQuery } from "../campaigns/campaigns.contract.ts";
import * as repo from "../campaigns/recognition.repository.ts";
import { narrowTo, overlaps, readPaths, unitOfField } from "./campaign-scope.ts";

export type RankedMember = repo.Figures & { rank: number; userId: string; name: string; teamName: string | null; villageName: string | null };
export type RankedTeam = repo.Figures & { rank: number; teamId: string; name: string; villageName: string | null; members: number };
export type Recognition = { from: string; to: string; unitCode: string | null; unitName: string | null; teams: RankedTeam[]; members: RankedMember[] };

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const byFigures = (a: repo.Figures, b: repo.Figures) => b.householdsHelped - a.householdsHelped || b.skillsConfirmed - a.skillsConfirmed || b.visits - a.visits;

/** Sorted by the figures (then name), each with its competition rank: equal figures, equal rank. */
export function rank<T extends repo.Figures & { name: string }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => byFigures(a, b) || collator.compare(a.name, b.name));
  return sorted.map((r, i) => {
    let first = i;
    while (first > 0 && byFigures(sorted[first - 1]!, r) === 0) first--;
    return { ...r, rank: first + 1 };
  });
}

/** The default period: from the first day of this month to today. */
export function recognitionPeriod(deps: Pick<Deps, "clock">, q: RecognitionQuery): { from: string; to: string } {
  const today = toLocalDay(deps.clock.now());
  return { from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today };
}

export async function recognise(
  deps: Pick<Deps, "db" | "events" | "clock" | "config">,
  ctx: Context & { principal: Principal | null },
  query: RecognitionQuery,
): Promise<Recognition> {
  let paths = readPaths(ctx.principal, "coverage.read");
  const unit = query.unit ? await unitOfField(deps, query.unit, "unit") : null;
  if (unit) {
    if (!overlaps(unit.path, paths)) throw notFound();
    paths = narrowTo(unit.path, paths);
  }
  const { from, to } = recognitionPeriod(deps, query);
  const [members, teams] = await Promise.all([repo.memberFigures(deps.db, from, to, paths), repo.teamFigures(deps.db, from, to, paths)]);
  const teamIds = [...new Set([...teams.map((t) => t.teamId), ...members.flatMap((m) => (m.teamId ? [m.teamId] : []))])];
  const [names, teamInfo] = await Promise.all([
    displayNames(
      deps.db,
      members.map((m) => m.userId),
    ),
    repo.teamsWithVillage(deps.db, teamIds),
  ]);
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "recognition", id: unit?.code ?? null },
    adminUnitCode: unit?.code ?? null,
    details: { from, to },
  });
  return {
    from,
    to,
    unitCode: unit?.code ?? null,
    unitName: unit?.fullName ?? null,
    teams: rank(
      teams.map((t) => ({
        teamId: t.teamId,
        name: teamInfo.get(t.teamId)?.name ?? t.teamId,
        villageName: teamInfo.get(t.teamId)?.villageName ?? null,
        members: t.members,
        visits: t.visits,
        householdsHelped: t.householdsHelped,
        skillsConfirmed: t.skillsConfirmed,
      })),
    ),
    members: rank(
      members.map((m) => {
        const team = m.teamId ? teamInfo.get(m.teamId) : undefined;
        return {
          userId: m.userId,
          name: names.get(m.userId) ?? "",
          teamName: team?.name ?? null,
          villageName: team?.villageName ?? null,
          visits: m.visits,
          householdsHelped: m.householdsHelped,
          skillsConfirmed: m.skillsConfirmed,
        };
      }),
    ),
  };
}
