// Dossier codes `<agency electronic ID>-<YYMMDD>-<NNNN>` (Circular 03/2025; agency IDs per Decision 20/2020),
// and the per-commune desk settings they come from.
import type { Deps } from "../../../deps.ts";
import type { Queryable } from "../../../platform/db/database.ts";
import { referenceCache } from "../../../platform/cache/reference-cache.ts";

export type DeskSettings = {
  communeCode: string;
  agencyCode: string;
  deskAddress: string | null;
  bankBin: string | null;
  accountNumber: string | null;
  accountName: string | null;
  configured: boolean;
};

/** Until a commune enters its official electronic ID, codes use a recognisable placeholder built from its GSO code. */
export const placeholderAgencyCode = (communeCode: string) => `XS.${communeCode}`;

export async function readDeskSettings(q: Queryable, communeCode: string): Promise<DeskSettings> {
  const { rows } = await q.query<Omit<DeskSettings, "configured">>(
    `SELECT commune_code AS "communeCode", agency_code AS "agencyCode", desk_address AS "deskAddress", bank_bin AS "bankBin",
            account_number AS "accountNumber", account_name AS "accountName" FROM commune_settings WHERE commune_code = $1`,
    [communeCode],
  );
  const row = rows[0];
  return row
    ? { ...row, configured: true }
    : {
        communeCode,
        agencyCode: placeholderAgencyCode(communeCode),
        deskAddress: null,
        bankBin: null,
        accountNumber: null,
        accountName: null,
        configured: false,
      };
}

// Read on every filing; a commune changes them rarely (saving here clears the cache at once).
const settingsCache = referenceCache<DeskSettings>(30_000);
export const loadDeskSettings = (deps: Pick<Deps, "db">, communeCode: string) =>
  settingsCache.get(deps.db, communeCode, () => readDeskSettings(deps.db, communeCode));
export const forgetDeskSettings = (db: object, communeCode: string) => settingsCache.invalidate(db, communeCode);

export async function writeDeskSettings(q: Queryable, s: Omit<DeskSettings, "configured">): Promise<void> {
  await q.query(
    `INSERT INTO commune_settings (commune_code, agency_code, desk_address, bank_bin, account_number, account_name, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6, now())
     ON CONFLICT (commune_code) DO UPDATE SET agency_code = EXCLUDED.agency_code, desk_address = EXCLUDED.desk_address,
       bank_bin = EXCLUDED.bank_bin, account_number = EXCLUDED.account_number, account_name = EXCLUDED.account_name, updated_at = now()`,
    [s.communeCode, s.agencyCode, s.deskAddress, s.bankBin, s.accountNumber, s.accountName],
  );
}

/** The day in Vietnam, as YYMMDD. */
export function dossierCode(agencyCode: string, at: Date, n: number): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${agencyCode}-${local.slice(2, 4)}${local.slice(5, 7)}${local.slice(8, 10)}-${String(n).padStart(4, "0")}`;
}
