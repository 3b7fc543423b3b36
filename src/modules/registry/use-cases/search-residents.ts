// The registry search: residents by name typed with or without diacritics, by phone, by ID number, or households by
// their head; narrowed by commune, village and flag (a person's vulnerability, or the household's poverty); a page
// at a time. Only what the caller may see (householdVisibleSql), and each page shown is one audited read.
import { recordPersonalDataRead } from "../../../platform/audit/index.ts";
import { inScope } from "../../../platform/auth/authorise.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { decodeCursor, type Page, toPage } from "../../../platform/http/cursor.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { getAdminUnit } from "../../admin-units/index.ts";
import { checkPhone } from "../../citizens/index.ts";
import { householdAccess, seesNothing } from "../household-access.ts";
import { SEARCH_MAX_LENGTH, type SearchInput } from "../registry.contract.ts";
import type { SearchRow } from "../registry.model.ts";
import * as repo from "../registry.repository.ts";
import type { RegistryCtx, RegistryDeps } from "./registry-access.ts";

export type ParsedQuery = { words: string[]; phone: string | null; idNumber: string | null };

/** What a typed query looks for: a phone, a 12-digit ID number, or name words; null when it is too short for any. */
export function parseQuery(raw: string): ParsedQuery | null {
  const text = raw.trim();
  const compact = text.replace(/[\s.\-()]/g, "");
  if (/^\d{12}$/.test(compact)) return { words: [], phone: null, idNumber: compact };
  if (/^\+?\d{9,11}$/.test(compact)) {
    const phone = checkPhone(compact);
    return { words: [], phone: phone.ok ? phone.national : compact, idNumber: null };
  }
  const folded = searchKey(text);
  const words = folded.split(" ").filter(Boolean).slice(0, 6);
  if (folded.replace(/ /g, "").length < 2) return null;
  return { words, phone: null, idNumber: null };
}

const tooShort = () => new AppError("validation", "error.validation", [{ field: "q", code: "too_small", message: "registry.search.tooShort" }]);

export async function searchResidents(deps: RegistryDeps, ctx: RegistryCtx, input: SearchInput): Promise<Page<SearchRow>> {
  const p = ctx.principal;
  if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
  const access = householdAccess(p);
  if (seesNothing(access)) throw new AppError("forbidden", "error.forbidden");
  if ((input.q ?? "").length > SEARCH_MAX_LENGTH)
    throw new AppError("validation", "error.validation", [{ field: "q", code: "too_big", message: "validation.tooLong", params: { max: SEARCH_MAX_LENGTH } }]);
  const parsed = input.q?.trim() ? parseQuery(input.q) : { words: [], phone: null, idNumber: null };
  if (!parsed) throw tooShort();
  let paths: string[] | null = null;
  let unitCode: string | null = null;
  for (const code of [input.commune, input.village].filter((x): x is string => !!x)) {
    // A commune or village outside every grant is not even confirmed to exist.
    const unit = await getAdminUnit(deps, code).catch((err: unknown) => {
      if (err instanceof AppError) return null;
      throw err;
    });
    if (!unit || !(inScope(p, unit) || p.grants.some((g) => g.unitPath.startsWith(unit.path)))) throw new AppError("not_found", "error.notFound");
    if (code === input.commune) {
      paths = [unit.path];
      unitCode = unit.code;
    }
  }
  const after = decodeCursor(input.cursor, 2) as [string, string] | null;
  const rows = await repo.searchResidents(deps.db, access, {
    paths,
    village: input.village ?? null,
    ...parsed,
    flag: input.flag ?? null,
    heads: !!input.heads,
    after,
    limit: input.limit + 1,
  });
  const page = toPage(rows, input.limit, (r) => [r.searchName, r.id]);
  await recordPersonalDataRead(deps, ctx, {
    target: { type: "residentSearch", id: null },
    adminUnitCode: unitCode ?? page.items[0]?.communeCode ?? null,
    details: {
      by: [parsed.words.length > 0 && "name", parsed.phone && "phone", parsed.idNumber && "idNumber"].filter(Boolean),
      ...(input.village ? { village: input.village } : {}),
      ...(input.flag ? { flag: input.flag } : {}),
      ...(input.heads ? { heads: true } : {}),
      ...(input.cursor ? { cursor: input.cursor } : {}),
      residents: page.items.map((r) => r.id),
    },
  });
  return page;
}
