// A saved notice (or a draft being previewed) as the resolver's input, and the per-person channels it chose.
import { noticeChannels } from "../channels/registry.ts";
import type { NoticeChannel } from "../channels/channel.ts";
import type { Config } from "../../../config.ts";
import type { NoticeRow } from "../notices.model.ts";
import type { AudienceInput } from "./audiences.repository.ts";

export function audienceInputOf(n: Pick<NoticeRow, "unitPath" | "scope" | "villageCodes" | "audience">): AudienceInput {
  return {
    unitPath: n.unitPath,
    scope: n.scope,
    villageCodes: n.villageCodes,
    flags: n.audience.flags ?? [],
    roles: n.audience.roles ?? [],
    list: n.audience.list ?? [],
  };
}

/** The notice's per-person channels, in the registry's order; broadcast and unknown names are left to others. */
export function personChannelsOf(config: Pick<Config, "notices">, chosen: readonly string[]): NoticeChannel[] {
  return Object.values(noticeChannels(config)).filter((c) => chosen.includes(c.name));
}
