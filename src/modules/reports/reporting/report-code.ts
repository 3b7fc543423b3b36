// The code a reporter keeps (PA-7K4M9X) and the secret of their private link. The code's letters leave out what is
// misread on a phone screen or a keypad: 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V.
import { createHash, randomBytes, randomInt } from "node:crypto";

const ALPHABET = "34679ACEFGHJKMNPRTWXY";
const LENGTH = 6;

export const CODE_PATTERN = new RegExp(`^PA-[${ALPHABET}]{${LENGTH}}$`);

export function newReportCode(): string {
  let s = "";
  for (let i = 0; i < LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `PA-${s}`;
}

/** As typed: "pa 7k4m9x", "7K4-M9X", "PA-7K4M9X" are one code. */
export function normaliseReportCode(raw: string): string {
  const s = raw
    .toUpperCase()
    .replace(/[\s.\-_]/g, "")
    .replace(/^PA/, "");
  return `PA-${s.slice(0, 20)}`;
}

/** The private link's secret: 144 random bits, URL-safe. Only its sha256 is kept. */
export const newFollowToken = (): string => randomBytes(18).toString("base64url");
export const hashFollowToken = (token: string): string => createHash("sha256").update(`report-follow:${token}`).digest("hex");
export const FOLLOW_TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;
