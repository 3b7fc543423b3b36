// xaso generate-province: a synthetic province for measuring at scale (src/demo/synthetic-province.ts), then the
// indicators' facts refreshed for it. Never on a production database.
import { loadConfig } from "../../config.ts";
import { generateSyntheticProvince, PROVINCE_DEFAULTS, ProvinceExistsError, type SyntheticProvinceOptions } from "../../demo/synthetic-province.ts";
import { refreshFacts } from "../../modules/indicators/index.ts";
import { toLocalDay } from "../../platform/calendar/vietnam-time.ts";
import { isProductionDatabase } from "../../platform/db/production-mark.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, fmtInt, UsageError } from "../io.ts";
import { withRuntime } from "../runtime.ts";

const LIMITS = {
  seed: [0, 2_000_000_000],
  communes: [1, 999],
  dossiers: [0, 50_000_000],
  households: [0, 10_000_000],
  reports: [0, 10_000_000],
  years: [1, 20],
} as const;

type NumberOption = keyof typeof LIMITS;

function readInt(option: NumberOption, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const [min, max] = LIMITS[option];
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError("cli.generateProvince.badNumber", { option, min, max });
  return n;
}

/** The options as given, checked: the defaults are the province (100 communes, a million dossiers). */
export function generateProvinceOptions(args: string[], today: string): SyntheticProvinceOptions {
  const { values } = parse(args, {
    seed: { type: "string" },
    communes: { type: "string" },
    dossiers: { type: "string" },
    households: { type: "string" },
    reports: { type: "string" },
    years: { type: "string" },
    province: { type: "string" },
    "last-day": { type: "string" },
  });
  const lastDay = values["last-day"] ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDay) || Number.isNaN(Date.parse(lastDay))) throw new UsageError("cli.generateProvince.badDay");
  const provinceCode = values.province ?? PROVINCE_DEFAULTS.provinceCode;
  if (!/^\d{2}$/.test(provinceCode)) throw new UsageError("cli.generateProvince.badProvince");
  return {
    ...PROVINCE_DEFAULTS,
    provinceCode,
    lastDay,
    seed: readInt("seed", values.seed, PROVINCE_DEFAULTS.seed),
    communes: readInt("communes", values.communes, PROVINCE_DEFAULTS.communes),
    dossiers: readInt("dossiers", values.dossiers, PROVINCE_DEFAULTS.dossiers),
    households: readInt("households", values.households, PROVINCE_DEFAULTS.households),
    reports: readInt("reports", values.reports, PROVINCE_DEFAULTS.reports),
    years: readInt("years", values.years, PROVINCE_DEFAULTS.years),
  };
}

export const generateProvinceCommand: Command = {
  name: "generate-province",
  summary: "cli.generateProvince.summary",
  usage: (t) => t("cli.generateProvince.usage"),
  async run(args, io) {
    const { t, locale } = io;
    const opts = generateProvinceOptions(args, toLocalDay(new Date()));
    if (loadConfig(io.env).env === "production") {
      io.err(`xaso generate-province: ${t("cli.generateProvince.refusedProduction")}\n`);
      return EXIT.failed;
    }
    return withRuntime(io, {}, async (rt) => {
      if (await isProductionDatabase(rt.db)) {
        io.err(`xaso generate-province: ${t("cli.generateProvince.refusedMarked")}\n`);
        return EXIT.failed;
      }
      const n = (x: number) => fmtInt(x, locale);
      io.out(
        `${t("cli.generateProvince.start", {
          province: opts.provinceCode,
          seed: opts.seed,
          communes: n(opts.communes),
          households: n(opts.households),
          dossiers: n(opts.dossiers),
          reports: n(opts.reports),
          years: opts.years,
          lastDay: opts.lastDay,
        })}\n`,
      );
      let report: Awaited<ReturnType<typeof generateSyntheticProvince>>;
      try {
        report = await rt.db.session((s) => generateSyntheticProvince(s, opts));
      } catch (err) {
        if (err instanceof ProvinceExistsError) {
          io.err(`xaso generate-province: ${t("cli.generateProvince.exists", { province: err.provinceCode })}\n`);
          return EXIT.failed;
        }
        throw err;
      }
      const secs = (ms: number) => (ms / 1000).toFixed(1);
      io.out(`${t("cli.generateProvince.wrote", { seconds: secs(report.totalMs) })}\n`);
      for (const [table, rows] of Object.entries(report.rows)) {
        io.out(`${t("cli.generateProvince.row", { table, rows: n(rows), seconds: secs(report.ms[table] ?? 0) })}\n`);
      }
      // The aggregates the dashboards read, recomputed for the whole province.
      const t0 = performance.now();
      try {
        const r = await refreshFacts(rt, { provinceCode: opts.provinceCode, full: true });
        const rows = r.sources.reduce((s, x) => s + x.rows, 0);
        io.out(`${t("cli.generateProvince.facts", { rows: n(rows), seconds: secs(performance.now() - t0) })}\n`);
      } catch (err) {
        io.out(`${t("cli.generateProvince.noFacts", { message: (err as Error).message })}\n`);
      }
      return EXIT.ok;
    });
  },
};
