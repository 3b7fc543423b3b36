// The audience panel on the office notice page: how many people each channel reaches, what it costs and what the
// daily cap leaves, before anyone approves. Filled by the audiences part.
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import type { PageKit } from "../../../platform/http/page-kit.ts";
import type { NoticeRow } from "../notices.model.ts";

export async function audiencePanel(_kit: PageKit, _c: Context<AppEnv>, _notice: NoticeRow): Promise<Child> {
  return null;
}
