// An officer's search across the dossiers their grants cover: by code, applicant name (diacritics optional),
// phone or ID number. The found lines name applicants, so the search is a personal-data read and is audited.
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { authorise, scopePaths, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import * as repo from "../dossiers.repository.ts";
import type { ReadCtx, ReadDeps } from "./dossier-reads.ts";
import { queueBoundaries, type WorkItem, withHandlers } from "./list-desk-queues.ts";

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_LIMIT = 50;

/** What a query looks for: name words, part of a code, a phone or ID number; null when it is too short for any. */
export function parseSearch(raw: string): { words: string[]; code: string | null; digits: string | null } | null {
  const text = raw.trim();
  const compact = text.replace(/[\s.\-()]/g, "");
  // A phone as people write it (+84 912 345 678, 0912.345.678) or a 12-digit ID number.
  const phone = compact.replace(/^\+?84(?=\d{9}$)/, "0");
  const digits = /^\d{9,12}$/.test(phone) ? phone : null;
  // Codes are letters, digits, dots and hyphens (000.29.23.H39-261124-0001); any 4 of them in a row, with a digit.
  const code = /^[A-Za-z0-9.-]{4,}$/.test(text) && /\d/.test(text) ? text.toUpperCase() : null;
  const folded = searchKey(text);
  const words = /\p{L}/u.test(folded) && folded.replace(/ /g, "").length >= 2 ? folded.split(" ").filter(Boolean).slice(0, 6) : [];
  if (!digits && !code && words.length === 0) return null;
  return { words, code, digits };
}

export type SearchResult = { items: WorkItem[]; now: Date; dueSoon: Date; limited: boolean };

/**
 * `commune` narrows to one commune the officer may read; without it, every unit their grants cover.
 * Bad input (too short, too long) is a 400 naming the field "q".
 */
export async function searchDossiers(deps: ReadDeps, ctx: ReadCtx, query: { q: string; commune?: string }): Promise<SearchResult> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  let paths = scopePaths(p, "dossier.read");
  if (paths.length === 0) throw new AppError("forbidden", "error.forbidden");
  let unitCode: string | null = scopeUnitCodes(p, "dossier.read").length === 1 ? scopeUnitCodes(p, "dossier.read")[0]! : null;
  if (query.commune) {
    const commune = await getAdminUnit(deps, query.commune);
    authorise(p, "dossier.read", commune);
    paths = [commune.path];
    unitCode = commune.code;
  }
  if (query.q.length > SEARCH_MAX_LENGTH) {
    throw new AppError("validation", "error.validation", [{ field: "q", code: "too_big", message: "validation.tooLong", params: { max: SEARCH_MAX_LENGTH } }]);
  }
  const parsed = parseSearch(query.q);
  if (!parsed) throw new AppError("validation", "error.validation", [{ field: "q", code: "too_small", message: "dossiers.work.search.tooShort" }]);
  const { now, dueSoon } = await queueBoundaries(deps);
  const rows = await repo.searchDossiers(deps.db, { paths, ...parsed, limit: SEARCH_LIMIT + 1 });
  const items = await withHandlers(deps, rows.slice(0, SEARCH_LIMIT));
  // One entry for the search: what kind of look-up it was and which dossiers it showed, never the query itself.
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "dossierSearch", id: null },
    adminUnitCode: unitCode,
    details: {
      by: [parsed.words.length > 0 && "name", parsed.code && "code", parsed.digits && "number"].filter(Boolean),
      dossiers: items.map((i) => i.id),
    },
  });
  return { items, now, dueSoon, limited: rows.length > SEARCH_LIMIT };
}
