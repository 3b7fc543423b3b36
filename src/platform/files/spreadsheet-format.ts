// The two formats of spreadsheet uploads and downloads (the registry import, the procedure catalogue).
export type SpreadsheetFormat = "xlsx" | "csv";

export const SPREADSHEET_MEDIA_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

/** The format of an upload, from its media type or else its file name. */
export function spreadsheetFormatOf(mediaType: string | undefined, fileName?: string): SpreadsheetFormat | null {
  const t = (mediaType ?? "").toLowerCase();
  if (t.startsWith(SPREADSHEET_MEDIA_TYPES.xlsx)) return "xlsx";
  if (t.startsWith("text/csv")) return "csv";
  if (fileName && /\.xlsx$/i.test(fileName)) return "xlsx";
  if (fileName && /\.csv$/i.test(fileName)) return "csv";
  return null;
}
