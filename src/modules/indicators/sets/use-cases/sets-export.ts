// A set as a file to download: JSON (the shipped files' format) or XLSX (docs/indicators/sets.md), either of which
// the import takes back unchanged.
import type { Deps } from "../../../../deps.ts";
import { SET_FILE_MEDIA_TYPES, type SetFileFormat, writeJsonSetFile, writeXlsxSetFile } from "../set-file.ts";
import type { SetsCtx } from "../sets-access.ts";
import { setVersion } from "./sets-read.ts";

export async function exportSet(
  deps: Pick<Deps, "db">,
  ctx: SetsCtx,
  q: { province?: string | null; key: string; version?: number | null; format: SetFileFormat },
): Promise<{ filename: string; mediaType: string; bytes: Uint8Array }> {
  const v = await setVersion(deps, ctx, q.province, q.key, q.version);
  const bytes = q.format === "json" ? writeJsonSetFile(v.version, v.definition) : await writeXlsxSetFile(v.version, v.definition);
  return { filename: `${q.key}-v${v.version}.${q.format}`, mediaType: SET_FILE_MEDIA_TYPES[q.format], bytes };
}
