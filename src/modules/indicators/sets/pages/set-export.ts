// GET /office/indicators/sets/:key/export.(json|xlsx)?version=: the set (or a version of it) as a file.
import type { Context } from "hono";
import { useCaseContext } from "../../../../platform/auth/use-case-context.ts";
import { fileResponse } from "../../../../platform/http/file-response.ts";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../../platform/http/page-kit.ts";
import type { SetFileFormat } from "../set-file.ts";
import { exportSet } from "../use-cases/sets-export.ts";
import { provinceParam } from "./shared.ts";

export function setExportDownload(kit: PageKit, format: SetFileFormat) {
  return async (c: Context<AppEnv>) => {
    const v = c.req.query("version");
    const version = v && /^\d{1,6}$/.test(v) ? Number(v) : null;
    const file = await exportSet(kit.deps, useCaseContext(c), { province: provinceParam(c), key: c.req.param("key") as string, version, format });
    return fileResponse(c, { name: file.filename, mediaType: file.mediaType, content: Buffer.from(file.bytes) });
  };
}
