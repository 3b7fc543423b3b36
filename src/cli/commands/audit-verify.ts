// xaso audit-verify: recomputes the audit hash chain and reports every changed or missing entry.
import { sealAudit, verifyAudit } from "../../platform/audit/index.ts";
import { parse } from "../args.ts";
import { type Command, fmtInt } from "../io.ts";
import { withRuntime } from "../runtime.ts";

const EXPLAIN = {
  changed: "cli.auditVerify.changed",
  missing: "cli.auditVerify.missing",
  broken_link: "cli.auditVerify.brokenLink",
  head_mismatch: "cli.auditVerify.headMismatch",
} as const;

export const auditVerifyCommand: Command = {
  name: "audit-verify",
  summary: "cli.auditVerify.summary",
  usage: (t) => t("cli.auditVerify.usage"),
  async run(args, io) {
    parse(args, {});
    return withRuntime(io, { migrate: false, loadReference: false }, async (rt) => {
      await sealAudit(rt.db); // entries written since the server last sealed join the chain first
      const v = await verifyAudit(rt.db);
      const entries = fmtInt(v.entries, io.locale);
      if (v.ok) {
        io.out(`${io.t("cli.auditVerify.ok", { entries, head: v.headHash })}\n`);
        return 0;
      }
      io.out(`${io.t("cli.auditVerify.broken", { entries, problems: fmtInt(v.problems.length, io.locale), head: v.headHash })}\n`);
      for (const p of v.problems) io.out(`${io.t("cli.auditVerify.entry", { seq: p.seq, problem: io.t(EXPLAIN[p.problem]) })}\n`);
      return 1;
    });
  },
};
