// The desk settings as filing, printing and payments read them: cached, since every filing reads them and a
// commune changes them rarely (saving clears the cache at once).
import type { Deps } from "../../../deps.ts";
import { referenceCache } from "../../../platform/cache/reference-cache.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import type { DeskSettings } from "../desk-settings.model.ts";
import * as repo from "../desk-settings.repository.ts";

const settingsCache = referenceCache<DeskSettings>(30_000);

export const loadDeskSettings = (deps: Pick<Deps, "db">, communeCode: string): Promise<DeskSettings> =>
  settingsCache.get(deps.db, communeCode, () => repo.readDeskSettings(deps.db, communeCode));

export const forgetDeskSettings = (db: object, communeCode: string): void => settingsCache.invalidate(db, communeCode);

/** Uncached, inside the caller's transaction: for a change that must see the row as it is now. */
export const readDeskSettings = (q: Queryable, communeCode: string): Promise<DeskSettings> => repo.readDeskSettings(q, communeCode);
