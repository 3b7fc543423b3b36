// xaso import-admin-units FILE: loads (or updates) the administrative-unit list from a JSON file.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { importAdminUnits, OFFICIAL_LIST } from "../../modules/admin-units/index.ts";
import { parse } from "../args.ts";
import { type Command, fmtInt, InputError } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const importAdminUnitsCommand: Command = {
  name: "import-admin-units",
  summary: "cli.importUnits.summary",
  usage: (t) => t("cli.importUnits.usage"),
  async run(args, io) {
    const { positionals } = parse(args, {}, { positionals: [0, 1] });
    const file = path.resolve(positionals[0] ?? OFFICIAL_LIST);
    // Checked before the database is opened, so the message is about the file, not a stack trace.
    const info = await stat(file).catch(() => null);
    if (!info) throw new InputError("cli.importUnits.notFound", { file });
    if (!info.isFile()) throw new InputError("cli.importUnits.notAFile", { file });
    try {
      JSON.parse(await readFile(file, "utf8"));
    } catch (err) {
      throw new InputError("cli.importUnits.badJson", { file, error: (err as Error).message });
    }
    return withRuntime(io, { loadReference: false }, async (rt) => {
      const r = await importAdminUnits(rt, { actor: { userId: null, label: "cli:import-admin-units" }, requestId: null }, file).catch((err: unknown) => {
        if (err instanceof Error && "code" in err && typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) {
          // A database error inside the import transaction: it was rolled back.
          throw new InputError("cli.importUnits.rejected", { error: err.message });
        }
        throw err;
      });
      const n = (x: number) => fmtInt(x, io.locale);
      io.out(`${io.t("cli.importUnits.done", { provinces: n(r.provinces), communes: n(r.communes), file, written: n(r.written) })}\n`);
      return 0;
    });
  },
};
