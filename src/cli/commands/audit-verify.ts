// xaso audit-verify: recomputes the audit hash chain and reports every changed or missing entry.
import { verifyAudit } from "../../platform/audit/index.ts";
import { parse } from "../args.ts";
import { type Command, fmtInt } from "../io.ts";
import { withRuntime } from "../runtime.ts";

const EXPLAIN = {
  changed: "changed (its content no longer matches its hash)",
  missing: "missing (deleted from the log)",
  broken_link: "broken link (does not follow the entry before it: an entry before it was removed or replaced)",
  head_mismatch: "missing or changed newest entry (the recorded head of the chain does not match the log)",
} as const;

export const auditVerifyCommand: Command = {
  name: "audit-verify",
  summary: "Check the audit log's hash chain; exit 1 listing each changed or missing entry",
  usage: `xaso audit-verify

Reads the whole audit log, recomputes every entry's hash and compares the chain with the
recorded head. Prints the number of entries checked and the head hash. Exits 1 and lists
each entry that was changed, deleted or re-linked. Read-only.`,
  async run(args, io) {
    parse(args, {});
    return withRuntime(io, { migrate: false, loadReference: false }, async (rt) => {
      const v = await verifyAudit(rt.db);
      if (v.ok) {
        io.out(`Audit chain OK: ${fmtInt(v.entries)} entries checked.\nHead hash: ${v.headHash}\n`);
        return 0;
      }
      io.out(`Audit chain BROKEN: ${fmtInt(v.entries)} entries checked, ${v.problems.length} problem(s).\nHead hash (as recomputed): ${v.headHash}\n`);
      for (const p of v.problems) io.out(`  entry #${p.seq}: ${EXPLAIN[p.problem]}\n`);
      return 1;
    });
  },
};
