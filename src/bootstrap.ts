// Shared by the server and the CLI: config → database → migrations → reference data → (demo data).
import type { Logger } from "pino";
import type { Config } from "./config.ts";
import { systemClock, type Deps } from "./deps.ts";
import { countUnits, importAdminUnits } from "./modules/admin-units/index.ts";
import { subscribeDossierLinks } from "./modules/dossiers/index.ts";
import { subscribeResidentLinks } from "./modules/registry/index.ts";
import { ensureServedProvinceCategories } from "./modules/reports/index.ts";
import { registerModuleMessages } from "./module-messages.ts";
import { sealAudit, subscribeAudit } from "./platform/audit/index.ts";
import { migrate } from "./platform/db/migrator.ts";
import { markIfProduction } from "./platform/db/production-mark.ts";
import { openDatabase } from "./platform/db/open-database.ts";
import { createEventBus, SYSTEM_ACTOR } from "./platform/events/domain-events.ts";

export type Runtime = Deps & { engine: "embedded" | "external"; close(): Promise<void> };

/**
 * Wires the dependencies every face and command shares. Audit subscribes before anything can publish; then what one
 * module does on another's event (a citizen's verified phone or ID number links the dossiers filed for them, and
 * proposes links to the registry's residents).
 */
export function wireDeps(config: Config, db: Deps["db"], log: Logger, clock = systemClock): Deps {
  registerModuleMessages();
  const events = createEventBus();
  subscribeAudit(events, clock);
  subscribeDossierLinks(events);
  subscribeResidentLinks(events, clock);
  return { config, db, events, clock, log };
}

export async function startRuntime(config: Config, log: Logger, opts: { migrate?: boolean; loadReference?: boolean } = {}): Promise<Runtime> {
  const opened = await openDatabase(config, log);
  try {
    const deps = wireDeps(config, opened.db, log);
    if (opts.migrate !== false) {
      const m = await migrate(opened.db);
      if (m.applied.length) log.info({ applied: m.applied }, "migrations applied");
      await markIfProduction(config.env, opened.db, log);
    }
    if (opts.loadReference !== false && (await countUnits(opened.db)).province === 0) {
      const r = await importAdminUnits(deps, { actor: SYSTEM_ACTOR, requestId: null });
      log.info(r, "official admin-unit list loaded");
    }
    // Citizen-report categories: the province defaults a served province lacks (idempotent; see categories.md).
    if (opts.loadReference !== false) {
      const c = await ensureServedProvinceCategories(deps);
      if (c.added) log.info(c, "default report categories added");
    }
    // Entries written since the last seal join the audit chain before the database closes.
    const close = async () => {
      await sealAudit(opened.db).catch((err: unknown) => log.warn({ err }, "audit sealing before close failed"));
      await opened.close();
    };
    return { ...deps, engine: opened.engine, close };
  } catch (err) {
    await opened.close();
    throw err;
  }
}
