// What the registry's office pages share: the page kit, labels of the registry's words, the villages to choose from,
// and reading a posted resident form (dates typed dd/mm/yyyy, repeated checkboxes) into the contract's shape.
import type { Context } from "hono";
import type { Principal } from "../../../platform/auth/authorise.ts";
import { AppError, type FieldError } from "../../../platform/http/app-error.ts";
import { type FlashKey, setFlash } from "../../../platform/http/flash.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { type PageKit, pageKit } from "../../../platform/http/page-kit.ts";
import type { WebContext } from "../../../platform/http/web-context.ts";
import type { MessageKey, Translate } from "../../../platform/i18n/i18n.ts";
import type { FormState } from "../../../platform/views/components.tsx";
import { readDayFields } from "../../../platform/text/day-input.ts";
import { getAdminUnit, listAdminUnitChildren } from "../../admin-units/index.ts";
import type { Deps } from "../../../deps.ts";
import { RELATIONS } from "../registry.contract.ts";

export type RegistryWeb = PageKit;
export const registryWeb = (web: WebContext): RegistryWeb => pageKit(web);

export const relationLabel = (t: Translate, r: string) => t(`registry.relation.${r}` as MessageKey);
export const flagLabel = (t: Translate, f: string) => t(`registry.flag.${f}` as MessageKey);
export const relationOptions = (t: Translate, withHead = false) =>
  RELATIONS.filter((r) => withHead || r !== "head").map((r) => ({ value: r, label: relationLabel(t, r) }));

/** The communes whose registry the person may read (a village grant counts for its commune). */
export async function registryCommunes(deps: Pick<Deps, "db" | "config">, p: Principal): Promise<{ code: string; name: string; path: string }[]> {
  const out: { code: string; name: string; path: string }[] = [];
  for (const g of p.grants) {
    if (!["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader", "team_leader", "volunteer"].includes(g.role)) continue;
    const unit = await getAdminUnit(deps, g.unitCode).catch(() => null);
    if (!unit) continue;
    // A province's officer picks one of its communes: the registry is kept per commune.
    if (unit.level === "province" || unit.level === "district") {
      const children = await listAdminUnitChildren(deps, unit.code, { limit: 500 });
      for (const c of children.items)
        if (c.level === "commune" && !out.some((x) => x.code === c.code)) out.push({ code: c.code, name: c.fullName, path: c.path });
      continue;
    }
    const commune = unit.level === "village" ? await getAdminUnit(deps, unit.parentCode as string).catch(() => null) : unit.level === "commune" ? unit : null;
    if (commune && !out.some((c) => c.code === commune.code)) out.push({ code: commune.code, name: commune.fullName, path: commune.path });
  }
  return out;
}

export async function villagesOf(deps: Pick<Deps, "db" | "config">, communeCode: string): Promise<{ value: string; label: string }[]> {
  const page = await listAdminUnitChildren(deps, communeCode, { limit: 200 });
  return page.items.filter((u) => u.level === "village").map((u) => ({ value: u.code, label: u.fullName }));
}

export const RESIDENT_FIELDS = ["fullName", "birthDate", "birthYear", "sex", "phone", "citizenIdNumber", "ethnicity", "language", "relationToHead"] as const;

/**
 * One resident's fields of a posted form (names `prefix + field`), for the contract: typed days read, empty fields
 * left out (`blank: "null"` sends them as null, to clear them on an edit), the flags as an array.
 */
export function residentFromForm(
  body: Record<string, string | File | (string | File)[]>,
  prefix: string,
  blank: "omit" | "null",
): { value: Record<string, unknown>; values: Record<string, string>; dayErrors: FieldError[]; empty: boolean } {
  const values: Record<string, string> = {};
  for (const f of RESIDENT_FIELDS) {
    const v = body[`${prefix}${f}`];
    if (typeof v === "string") values[f] = v;
  }
  const rawFlags = body[`${prefix}flags`];
  const flags = (Array.isArray(rawFlags) ? rawFlags : rawFlags ? [rawFlags] : []).filter((x): x is string => typeof x === "string");
  const days = readDayFields(values, ["birthDate"]);
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(days.values)) {
    if (v.trim() === "") {
      // On an edit, an emptied name is refused (required) and an emptied optional field is cleared.
      if (blank === "null" && k === "fullName") value[k] = "";
      else if (blank === "null" && k !== "birthYear" && k !== "relationToHead") value[k] = null;
    } else value[k] = k === "birthYear" && /^\d+$/.test(v.trim()) ? Number(v) : v;
  }
  value.flags = flags;
  // A block whose only values are the preselected relation is a member nobody typed in.
  const empty = Object.entries(values).every(([k, v]) => k === "relationToHead" || v.trim() === "") && flags.length === 0;
  return {
    value,
    values: { ...values, flags: flags.join(",") },
    dayErrors: days.errors.map((e) => ({ ...e, field: e.field })),
    empty,
  };
}

/** Errors reported under `members.N.field` shown on the form field named `members.N.field`. */
export const prefixed = (errors: FieldError[], prefix: string) => errors.map((e) => ({ ...e, field: `${prefix}${e.field}` }));

export const idFromPath = (c: Context<AppEnv>) => c.req.param("id") ?? "";

/** How a record page shows itself again after a failed write. */
export type ShowAgain = (opts: { form?: FormState; notice?: MessageKey }, status: 400 | 409) => Promise<Response>;

/**
 * Runs a write of a record page: its field errors come back on the page (named `prefix + field`), a stale version
 * shows the latest with a notice; else a flash and a redirect.
 */
export async function runRecordWrite(
  c: Context<AppEnv>,
  secure: boolean,
  showAgain: ShowAgain,
  write: { values: Record<string, string>; fn: () => Promise<unknown>; flash: FlashKey; prefix: string; redirectTo: string },
): Promise<Response> {
  try {
    await write.fn();
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict" && err.fields.some((f) => f.field === "version"))
      return showAgain({ notice: "registry.error.stale" }, 409);
    if (err instanceof AppError && err.fields.length > 0)
      return showAgain(
        { form: { values: write.values, errors: err.fields.map((e) => ({ ...e, field: `${write.prefix}${e.field}` })) } },
        err.code === "conflict" ? 409 : 400,
      );
    if (err instanceof AppError && err.code === "conflict") return showAgain({ notice: err.messageKey }, 409);
    throw err;
  }
  setFlash(c, write.flash, secure);
  return c.redirect(write.redirectTo, 303);
}

/** A posted text field, or "" (a file or a repeated field is not one). */
export const bodyText = (body: Record<string, unknown>, k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
