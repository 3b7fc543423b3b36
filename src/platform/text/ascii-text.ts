// Vietnamese text for systems that take printable ASCII only (bank transfer notes, account holder names).

/**
 * No diacritics (đ→d), printable ASCII only, single spaces, capped at max characters.
 * Banks copy it into the transfer note, so anything that must survive (a dossier code) should come first.
 */
export function toAsciiText(text: string, max: number): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]/g, " ")
    .replace(/ +/g, " ")
    .trim()
    .slice(0, max)
    .trimEnd();
}
