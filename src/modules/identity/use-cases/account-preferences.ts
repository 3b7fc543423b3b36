// Small account look-ups and preferences.
import type { Deps } from "../../../deps.ts";
import * as repo from "../identity.repository.ts";

/** Remembers a signed-in person's language across devices. */
export const setUserLocale = (deps: Pick<Deps, "db">, userId: string, locale: "vi" | "en") => repo.setLocale(deps.db, userId, locale);

export const findUserId = async (deps: Pick<Deps, "db">, username: string) => (await repo.findUserByUsername(deps.db, username))?.id ?? null;
