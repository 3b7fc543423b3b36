// Vietnamese mobile numbers, as people type them: 0912 345 678, +84 912.345.678, 84-912-345-678.
import { z } from "@hono/zod-openapi";
import type { messagesVi } from "./citizens.messages.ts";

type CitizensKey = keyof typeof messagesVi;

export type PhoneErrorCode = "format" | "notVietnamese" | "unassigned";
export type PhoneCheck = { ok: true; national: string; e164: string; last4: string } | { ok: false; code: PhoneErrorCode };

export const PHONE_MESSAGE_KEYS: Readonly<Record<PhoneErrorCode, CitizensKey>> = {
  format: "citizens.phone.format",
  notVietnamese: "citizens.phone.notVietnamese",
  unassigned: "citizens.phone.unassigned",
};

// Mobile ranges after the trunk 0 since the 2018 renumbering: 03x, 05x, 07x, 08x, 09x (landlines are 02x).
const MOBILE = /^[35789]\d{8}$/;

/**
 * The three-digit prefixes (with the trunk 0) assigned to mobile networks; 030, 031, 050, 057, 071–075, 080
 * and 095 are not. Checked against libphonenumber's VN metadata: see docs/public-services.md, "Mobile numbers".
 */
export const MOBILE_PREFIXES: Readonly<Record<string, string>> = Object.fromEntries(
  (
    [
      ["Viettel", ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098"]],
      ["VinaPhone", ["081", "082", "083", "084", "085", "088", "091", "094"]],
      ["MobiFone", ["070", "076", "077", "078", "079", "089", "090", "093"]],
      ["Vietnamobile", ["052", "056", "058", "092"]],
      ["Gmobile", ["059", "099"]],
      ["iTel", ["087"]],
      ["Reddi", ["055"]],
    ] as const
  ).flatMap(([network, prefixes]) => prefixes.map((p) => [p, network])),
);

export function checkPhone(raw: string): PhoneCheck {
  const s = raw.trim().replace(/[\s.\-()]/g, "");
  let subscriber: string;
  const intl = /^(?:\+|00)(\d+)$/.exec(s);
  if (intl) {
    const digits = intl[1] ?? "";
    if (!digits.startsWith("84")) return { ok: false, code: "notVietnamese" };
    // "+84 (0)912…" keeps the trunk 0 by habit.
    subscriber = digits.slice(2).replace(/^0(?=\d{9}$)/, "");
  } else if (/^84\d{9}$/.test(s)) subscriber = s.slice(2);
  else if (/^0\d{9}$/.test(s)) subscriber = s.slice(1);
  else return { ok: false, code: "format" };
  if (!MOBILE.test(subscriber)) return { ok: false, code: "format" };
  if (!(`0${subscriber.slice(0, 2)}` in MOBILE_PREFIXES)) return { ok: false, code: "unassigned" };
  return { ok: true, national: `0${subscriber}`, e164: `+84${subscriber}`, last4: subscriber.slice(-4) };
}

/** The contract field: outputs the national form 0xxxxxxxxx; a bad number is a custom issue with `messageKey` and `code`. */
export function phoneSchema() {
  return z
    .string()
    .max(30)
    .superRefine((raw, ctx) => {
      const r = checkPhone(raw);
      if (!r.ok) ctx.addIssue({ code: "custom", message: `phone.${r.code}`, input: raw, params: { code: r.code, messageKey: PHONE_MESSAGE_KEYS[r.code] } });
    })
    .overwrite((raw) => {
      const r = checkPhone(raw);
      return r.ok ? r.national : raw;
    })
    .openapi({ description: "Vietnamese mobile number; +84 and separators are accepted, stored as 0xxxxxxxxx", example: "0912345678" });
}
