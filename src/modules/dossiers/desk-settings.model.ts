// A commune's desk settings as read: the agency code that starts every dossier code, the desk's address, and
// the bank account its VietQR codes pay into.
export type DeskSettings = {
  communeCode: string;
  agencyCode: string;
  deskAddress: string | null;
  bankBin: string | null;
  accountNumber: string | null;
  accountName: string | null;
  /** False while the commune still uses the placeholder agency code. */
  configured: boolean;
};

/** Until a commune enters its official electronic ID, codes use a recognisable placeholder built from its GSO code. */
export const placeholderAgencyCode = (communeCode: string) => `XS.${communeCode}`;
