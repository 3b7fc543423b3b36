// Demo manual indicator values for Xã Gia Phú (02923), entered by the commune officer (xa.giaphu) and reviewed by the
// province (tinh.laocai) through the real workflow (indicators/entry/entry-demo.ts): some approved, one returned with
// a comment, some submitted, a draft and a missing one, with generated PDFs as evidence. Safe to run again.
import type { Deps } from "../deps.ts";
import { seedEntryDemo } from "../modules/indicators/index.ts";
import { DEMO_COMMUNE, DEMO_PROVINCE } from "./seed-demo.ts";

export function seedIndicatorsEntryDemo(deps: Pick<Deps, "db" | "events" | "clock" | "config">): Promise<{ values: number }> {
  return seedEntryDemo(deps, { commune: DEMO_COMMUNE, province: DEMO_PROVINCE, officer: "xa.giaphu", reviewer: "tinh.laocai" });
}
