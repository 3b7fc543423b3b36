// The hall's figures for a commune and a period: waiting and service times (median, average, 90th percentile,
// count) per counter, service, procedure, hour of arrival and day; tickets by source; no-shows. hall.read on the
// commune (another commune's: 404). Read by the hall's figures page, the API and, later, the indicators dashboard.
import type { Deps } from "../../../deps.ts";
import { authorise, type Principal, scopePaths } from "../../../platform/auth/authorise.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { AppError, validationError } from "../../../platform/http/app-error.ts";
import { type MessageKey, translator } from "../../../platform/i18n/i18n.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { getProcedure } from "../../procedures/index.ts";
import { listCounters, listServices } from "../hall.repository.ts";
import { type HallFigures, type HallFiguresRow, HallFiguresQuery, MAX_FIGURES_DAYS } from "../screen/figures.contract.ts";
import { countTickets, type Dimension, type FigureCounts } from "../screen/figures.repository.ts";

export type { HallFigures, HallFiguresRow } from "../screen/figures.contract.ts";
export type HallFiguresInput = { unitCode: string; from: string; to: string };
type D = Pick<Deps, "db" | "config" | "clock">;

// Row labels in both languages (the API answers both), from the catalogue.
const bothLabels = (key: MessageKey, params?: Record<string, string | number>): [string, string] => [
  translator("vi")(key, params),
  translator("en")(key, params),
];
const SOURCES = ["kiosk", "sms", "online", "desk"] as const;

const DEFAULT_DAYS = 30;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The figures of one commune; the caller's query (commune, from, to) is checked here, for the page and the API alike. */
export async function readHallFigures(deps: D, ctx: { principal: Principal | null }, raw: unknown): Promise<HallFigures> {
  const parsed = HallFiguresQuery.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const q = parsed.data;
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const unitCode = q.commune ?? p.grants.find((g) => scopePaths(p, "hall.read").includes(g.unitPath) && /^\d{5}$/.test(g.unitCode))?.unitCode;
  if (!unitCode) throw new AppError("forbidden", "error.forbidden");
  const to = q.to ?? toLocalDay(deps.clock.now());
  const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw new AppError("validation", "error.validation", [{ field: "from", code: "order", message: "hall.screen.figures.error.order" }]);
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) >= MAX_FIGURES_DAYS * 86_400_000)
    throw new AppError("validation", "error.validation", [{ field: "to", code: "too_long", message: "hall.screen.figures.error.tooLong" }]);
  return hallFigures(deps, ctx, { unitCode, from, to });
}

export async function hallFigures(deps: D, ctx: { principal: Principal | null }, input: HallFiguresInput): Promise<HallFigures> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const unit = /^\d{5}$/.test(input.unitCode) ? await getAdminUnit(deps, input.unitCode).catch(() => null) : null;
  if (unit?.level !== "commune") throw new AppError("not_found", "error.notFound");
  authorise(p, "hall.read", unit);
  const [counts, services, counters] = await Promise.all([
    countTickets(deps.db, unit.code, input.from, input.to),
    listServices(deps.db, unit.code, false),
    listCounters(deps.db, unit.code, false),
  ]);
  const procedureNames = new Map<string, string>();
  await Promise.all(
    [...new Set(counts.filter((c) => c.dim === "procedure").map((c) => c.key))].map(async (code) => {
      const proc = await getProcedure(deps, code).catch(() => null);
      if (proc) procedureNames.set(code, proc.definition.name);
    }),
  );
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const counterById = new Map(counters.map((k) => [k.id, k]));

  const label = (c: FigureCounts): [string, string, string] => {
    switch (c.dim) {
      case "counter": {
        const k = counterById.get(c.key);
        return k ? [String(k.number), ...bothLabels("hall.screen.figures.label.counter", { number: k.number, name: k.name })] : [c.key, c.key, c.key];
      }
      case "service": {
        const s = serviceById.get(c.key);
        return s ? [s.letter, `${s.letter} – ${s.nameVi}`, `${s.letter} – ${s.nameEn}`] : [c.key, c.key, c.key];
      }
      case "procedure": {
        const name = procedureNames.get(c.key) ?? c.key;
        return [c.key, name, name];
      }
      case "hour":
        return [c.key, `${c.key}:00–${c.key}:59`, `${c.key}:00–${c.key}:59`];
      case "day":
        return [c.key, `${c.key.slice(8, 10)}/${c.key.slice(5, 7)}/${c.key.slice(0, 4)}`, c.key];
      case "source": {
        const source = SOURCES.find((x) => x === c.key);
        return source ? [c.key, ...bothLabels(`hall.screen.figures.label.source.${source}`)] : [c.key, c.key, c.key];
      }
      default:
        return ["", ...bothLabels("hall.screen.figures.label.total")];
    }
  };
  const row = (c: FigureCounts): HallFiguresRow => {
    const [key, vi, en] = label(c);
    return {
      key,
      label: vi,
      labelEn: en,
      tickets: c.tickets,
      served: c.served,
      noShows: c.noShows,
      cancelled: c.cancelled,
      waiting: { count: c.waitCount, median: c.waitMedian, average: c.waitAvg, p90: c.waitP90 },
      service: { count: c.serviceCount, median: c.serviceMedian, average: c.serviceAvg, p90: c.serviceP90 },
    };
  };
  const of = (dim: Dimension) => counts.filter((c) => c.dim === dim).map(row);
  const numeric = (a: HallFiguresRow, b: HallFiguresRow) => Number(a.key) - Number(b.key);
  const total = counts.find((c) => c.dim === "total");
  const empty: FigureCounts = {
    dim: "total",
    key: "",
    tickets: 0,
    served: 0,
    noShows: 0,
    cancelled: 0,
    waitCount: 0,
    waitAvg: null,
    waitMedian: null,
    waitP90: null,
    serviceCount: 0,
    serviceAvg: null,
    serviceMedian: null,
    serviceP90: null,
  };
  return {
    commune: { code: unit.code, name: unit.fullName },
    from: input.from,
    to: input.to,
    totals: row(total ?? empty),
    byCounter: of("counter").sort(numeric),
    byService: of("service").sort((a, b) => a.key.localeCompare(b.key)),
    byProcedure: of("procedure"),
    byHour: of("hour"),
    byDay: of("day"),
    bySource: of("source"),
  };
}
