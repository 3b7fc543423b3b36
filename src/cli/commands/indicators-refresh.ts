// xaso indicators-refresh [--full] [--province NN]: refreshes the indicators' daily facts now (the job does it every
// 10 minutes): the days touched since the last run, or with --full every day of the province (or of every province).
import { refreshFacts } from "../../modules/indicators/index.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, fmtInt, UsageError } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const indicatorsRefreshCommand: Command = {
  name: "indicators-refresh",
  summary: "indicators.elements.cli.summary",
  usage: (t) => t("indicators.elements.cli.usage"),
  async run(args, io) {
    const { values } = parse(args, { full: { type: "boolean" }, province: { type: "string" } });
    if (values.province !== undefined && !/^[0-9]{2}$/.test(values.province)) {
      throw new UsageError("indicators.elements.cli.badProvince", { province: values.province });
    }
    return withRuntime(io, {}, async (rt) => {
      const report = await refreshFacts(rt, { full: !!values.full, ...(values.province ? { provinceCode: values.province } : {}) });
      if (report.skipped) {
        io.out(`${io.t("indicators.elements.cli.busy")}\n`);
        return EXIT.failed;
      }
      for (const s of report.sources) {
        io.out(
          `${io.t("indicators.elements.cli.source", { source: s.source, days: fmtInt(s.days, io.locale), rows: fmtInt(s.rows, io.locale), ms: fmtInt(s.ms, io.locale) })}\n`,
        );
      }
      io.out(`${io.t("indicators.elements.cli.done", { ms: fmtInt(report.ms, io.locale) })}\n`);
      return EXIT.ok;
    });
  },
};
