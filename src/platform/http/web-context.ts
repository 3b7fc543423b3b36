// What every page route receives from the composition root (app.ts).
import type { Deps } from "../../deps.ts";
import type { StaticAssets } from "./static-assets.ts";

export type WebContext = { deps: Deps; assets: StaticAssets };
