// A commune's desk settings as read: the agency code that starts every dossier code, the desk's address, and
// the bank account its VietQR codes pay into.
import { type Locale, translator } from "../../platform/i18n/i18n.ts";

export type DeskSettings = {
  communeCode: string;
  agencyCode: string;
  deskAddress: string | null;
  /** The desk's name as the commune set it; null prints the 2025 default (defaultDeskName). */
  deskName: string | null;
  /** The chair of the commune's People's Committee (a leader of the commune): signs "TM. Ủy ban nhân dân / Chủ tịch". */
  chairUserId: string | null;
  bankBin: string | null;
  accountNumber: string | null;
  accountName: string | null;
  /** False while the commune still uses the placeholder agency code. */
  configured: boolean;
};

/** Until a commune enters its official electronic ID, codes use a recognisable placeholder built from its GSO code. */
export const placeholderAgencyCode = (communeCode: string) => `XS.${communeCode}`;

/**
 * The desk's name in the 2025 two-tier model: each commune's public administrative service centre, e.g.
 * "Trung tâm Phục vụ hành chính công xã Gia Phú" (`commune` is the unit type and name, "xã Gia Phú"). Forms
 * print in Vietnamese unless asked otherwise, so that is the default language here too.
 */
export const defaultDeskName = (commune: string, locale: Locale = "vi") => translator(locale)("forms.deskDefaultName", { commune });

/** The commune as a desk's name ends: its unit type in lower case and its name, "xã Gia Phú". */
export const communeLabel = (u: { unitType: string; name: string }) => `${u.unitType.toLowerCase()} ${u.name}`;

/** What the forms print: the name set, or the default for the commune. */
export const printedDeskName = (s: Pick<DeskSettings, "deskName">, commune: string, locale: Locale = "vi") => s.deskName ?? defaultDeskName(commune, locale);
