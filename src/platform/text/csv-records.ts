// Reading CSV text into records: the registry import and the procedure catalogue read uploads with it.

/** RFC 4180 records with the line each starts on (a quoted cell may span lines; a leading BOM is skipped); `delimiter` "," or ";". */
export function parseCsv(text: string, delimiter = ","): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const end = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: start, cells });
    cells = [];
    cell = "";
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") continue;
    else if (ch === "\n" || ch === "\r") {
      end();
      start = ++line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length) end();
  return records;
}
