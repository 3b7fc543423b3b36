// ExcelJS, loaded on the first spreadsheet read or written rather than with the app (see lazy-import.ts): it is the
// heaviest library the app imports, and most requests and test files never touch a spreadsheet.
import { lazyImport } from "../lazy-import.ts";

export const loadExcelJS = lazyImport(async () => (await import("exceljs")).default);
