// Amounts in Vietnamese words, as receipts and accounting documents write them ("Bằng chữ: …").
// Northern usage, the one administrative documents follow: "linh" for a zero ten (105 = một trăm linh năm),
// "mốt", "tư", "lăm" after a ten of twenty or more, "lăm" after mười; a group of three read in full once a
// larger group precedes it (1 000 005 = một triệu không trăm linh năm); groups of zero left out.
const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;
const SCALES = ["", "nghìn", "triệu"] as const;
const BILLION = 1_000_000_000;

function units(u: number, afterTen: "none" | "ten" | "tens"): string {
  if (afterTen === "tens" && u === 1) return "mốt";
  if (afterTen === "tens" && u === 4) return "tư";
  if (afterTen !== "none" && u === 5) return "lăm";
  return DIGITS[u]!;
}

/** 0–999; `full` reads the hundreds even when zero ("không trăm linh năm"). */
function group(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h]!, "trăm");
  if (t === 0) {
    if (u > 0) out.push(...(out.length ? ["linh"] : []), units(u, "none"));
  } else if (t === 1) {
    out.push("mười", ...(u > 0 ? [units(u, "ten")] : []));
  } else {
    out.push(DIGITS[t]!, "mươi", ...(u > 0 ? [units(u, "tens")] : []));
  }
  return out;
}

/** Below a billion; `full` when a larger part was read before it. */
function belowBillion(n: number, full: boolean): string[] {
  const groups = [n % 1000, Math.floor(n / 1000) % 1000, Math.floor(n / 1_000_000)];
  const out: string[] = [];
  let started = full;
  for (let i = 2; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    out.push(...group(g, started), ...(SCALES[i] ? [SCALES[i]!] : []));
    started = true;
  }
  return out;
}

function words(n: number, full: boolean): string[] {
  if (n < BILLION) return belowBillion(n, full);
  const rest = n % BILLION;
  return [...words(Math.floor(n / BILLION), full), "tỷ", ...(rest > 0 ? belowBillion(rest, true) : [])];
}

/** A whole number in Vietnamese words, lower case: 21 → "hai mươi mốt". */
export function vietnameseNumberWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number of 0 or more: ${n}`);
  if (n === 0) return DIGITS[0];
  return words(n, false).join(" ");
}

/** An amount of đồng as a receipt writes it: 20000 → "Hai mươi nghìn đồng". */
export function vndInWords(amount: number): string {
  const w = vietnameseNumberWords(amount);
  return `${w.charAt(0).toLocaleUpperCase("vi-VN")}${w.slice(1)} đồng`;
}
