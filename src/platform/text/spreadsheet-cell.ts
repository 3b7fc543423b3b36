// Spreadsheet programs treat a cell that begins with = + - or @ as a formula, and some skip a leading tab or
// carriage return before looking (OWASP "CSV injection"): text that users typed (a procedure's name, a
// commune's label) written into a CSV or XLSX could then compute, link out or run a command when an official
// opens the file. Such text is written with a leading apostrophe, which spreadsheets show as plain text.
// Reading strips exactly that one apostrophe, so an exported file imports back unchanged: text that already
// begins with apostrophes before such a character gets one more, and loses only that one.
const RISKY = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** Text safe to put in a spreadsheet cell. */
export const neutraliseFormula = (text: string): string => (RISKY.test(text) ? `'${text}` : text);

/** The text a cell held before neutraliseFormula (any other text unchanged). */
export const restoreNeutralised = (text: string): string => (NEUTRALISED.test(text) ? text.slice(1) : text);

/** A cell value for a spreadsheet: text neutralised; numbers (negative ones too), booleans, dates and empties as they are. */
export const safeCell = <T>(value: T): T => (typeof value === "string" ? (neutraliseFormula(value) as T) : value);

/** safeCell for each cell of a row. */
export const safeCells = <T>(row: readonly T[]): T[] => row.map(safeCell);
