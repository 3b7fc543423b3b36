// The only code that queries commune_settings (the desk settings).
import type { Queryable } from "../../platform/db/database.ts";
import { type DeskSettings, placeholderAgencyCode } from "./desk-settings.model.ts";

/** A commune that never saved its settings gets the placeholder agency code and no fee account. */
export async function readDeskSettings(q: Queryable, communeCode: string): Promise<DeskSettings> {
  const { rows } = await q.query<Omit<DeskSettings, "configured">>(
    `SELECT commune_code AS "communeCode", agency_code AS "agencyCode", desk_address AS "deskAddress", desk_name AS "deskName", chair_user_id AS "chairUserId", bank_bin AS "bankBin",
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
        deskName: null,
        chairUserId: null,
        bankBin: null,
        accountNumber: null,
        accountName: null,
        configured: false,
      };
}

/** What is written; the desk's name and chair may be left out (system code that knows neither). */
export type DeskSettingsWrite = Omit<DeskSettings, "configured" | "deskName" | "chairUserId"> & Partial<Pick<DeskSettings, "deskName" | "chairUserId">>;

export async function writeDeskSettings(q: Queryable, s: DeskSettingsWrite): Promise<void> {
  await q.query(
    `INSERT INTO commune_settings (commune_code, agency_code, desk_address, desk_name, chair_user_id, bank_bin, account_number, account_name, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8, now())
     ON CONFLICT (commune_code) DO UPDATE SET agency_code = EXCLUDED.agency_code, desk_address = EXCLUDED.desk_address,
       desk_name = EXCLUDED.desk_name, chair_user_id = EXCLUDED.chair_user_id,
       bank_bin = EXCLUDED.bank_bin, account_number = EXCLUDED.account_number, account_name = EXCLUDED.account_name, updated_at = now()`,
    [s.communeCode, s.agencyCode, s.deskAddress, s.deskName ?? null, s.chairUserId ?? null, s.bankBin, s.accountNumber, s.accountName],
  );
}
