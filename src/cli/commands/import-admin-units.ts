// xaso import-admin-units FILE: loads (or updates) the administrative-unit list from a JSON file.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { importAdminUnits, OFFICIAL_LIST } from "../../modules/admin-units/index.ts";
import { parse } from "../args.ts";
import { type Command, fmtInt, InputError } from "../io.ts";
import { withRuntime } from "../runtime.ts";

export const importAdminUnitsCommand: Command = {
  name: "import-admin-units",
  summary: "Load or update provinces and communes from a JSON file",
  usage: `xaso import-admin-units [FILE]

Reads the admin-unit list (provinces with their communes, the format of
reference-data/vn-admin-units/units-2025.json) and inserts or updates every unit in one
transaction: a missing or malformed file changes nothing. Without FILE, loads the official
list shipped with XãSố. Safe to run again.`,
  async run(args, io) {
    const { positionals } = parse(args, {}, { positionals: [0, 1] });
    const file = path.resolve(positionals[0] ?? OFFICIAL_LIST);
    // Checked before the database is opened, so the message is about the file, not a stack trace.
    const info = await stat(file).catch(() => null);
    if (!info) throw new InputError(`File not found: ${file}`);
    if (!info.isFile()) throw new InputError(`Not a file: ${file}`);
    try {
      JSON.parse(await readFile(file, "utf8"));
    } catch (err) {
      throw new InputError(`${file} is not valid JSON (${(err as Error).message}); nothing was imported.`);
    }
    return withRuntime(io, { loadReference: false }, async (rt) => {
      const r = await importAdminUnits(rt, { actor: { userId: null, label: "cli:import-admin-units" }, requestId: null }, file).catch((err: unknown) => {
        if (err instanceof Error && "code" in err && typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) {
          // A database error inside the import transaction: it was rolled back.
          throw new InputError(`The file was rejected by the database, nothing was written: ${err.message}`);
        }
        throw err;
      });
      io.out(`Imported ${fmtInt(r.provinces)} provinces and ${fmtInt(r.communes)} communes from ${file} (${fmtInt(r.written)} rows written).\n`);
      return 0;
    });
  },
};
