// The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD):
// PPP G YY RRRRRR — province of birth registration, century and sex, year of birth, serial.
// Layout from Circular 07/2016/TT-BCA (now 59/2021/TT-BCA); there is no check digit.
import { z } from "@hono/zod-openapi";
import type { messagesVi } from "./citizens.messages.ts";
import { localYear } from "../../platform/calendar/vietnam-time.ts";

type CitizensKey = keyof typeof messagesVi;

/**
 * The 63 pre-2025 province codes (the GSO codes with a leading 0). Numbers already issued keep their
 * code after the 2025 merger, and the 34 merged provinces reuse codes from this list, so it stays valid.
 */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = {
  "001": "Hà Nội",
  "002": "Hà Giang",
  "004": "Cao Bằng",
  "006": "Bắc Kạn",
  "008": "Tuyên Quang",
  "010": "Lào Cai",
  "011": "Điện Biên",
  "012": "Lai Châu",
  "014": "Sơn La",
  "015": "Yên Bái",
  "017": "Hòa Bình",
  "019": "Thái Nguyên",
  "020": "Lạng Sơn",
  "022": "Quảng Ninh",
  "024": "Bắc Giang",
  "025": "Phú Thọ",
  "026": "Vĩnh Phúc",
  "027": "Bắc Ninh",
  "030": "Hải Dương",
  "031": "Hải Phòng",
  "033": "Hưng Yên",
  "034": "Thái Bình",
  "035": "Hà Nam",
  "036": "Nam Định",
  "037": "Ninh Bình",
  "038": "Thanh Hóa",
  "040": "Nghệ An",
  "042": "Hà Tĩnh",
  "044": "Quảng Bình",
  "045": "Quảng Trị",
  "046": "Thừa Thiên Huế",
  "048": "Đà Nẵng",
  "049": "Quảng Nam",
  "051": "Quảng Ngãi",
  "052": "Bình Định",
  "054": "Phú Yên",
  "056": "Khánh Hòa",
  "058": "Ninh Thuận",
  "060": "Bình Thuận",
  "062": "Kon Tum",
  "064": "Gia Lai",
  "066": "Đắk Lắk",
  "067": "Đắk Nông",
  "068": "Lâm Đồng",
  "070": "Bình Phước",
  "072": "Tây Ninh",
  "074": "Bình Dương",
  "075": "Đồng Nai",
  "077": "Bà Rịa – Vũng Tàu",
  "079": "TP Hồ Chí Minh",
  "080": "Long An",
  "082": "Tiền Giang",
  "083": "Bến Tre",
  "084": "Trà Vinh",
  "086": "Vĩnh Long",
  "087": "Đồng Tháp",
  "089": "An Giang",
  "091": "Kiên Giang",
  "092": "Cần Thơ",
  "093": "Hậu Giang",
  "094": "Sóc Trăng",
  "095": "Bạc Liêu",
  "096": "Cà Mau",
};

export type CitizenIdErrorCode = "length" | "digits" | "province" | "century";
export type CitizenIdCheck =
  | { ok: true; value: string; provinceCode: string; sex: "male" | "female"; birthYear: number }
  | { ok: false; code: CitizenIdErrorCode };

export const CITIZEN_ID_MESSAGE_KEYS: Readonly<Record<CitizenIdErrorCode, CitizensKey>> = {
  length: "citizens.idNumber.length",
  digits: "citizens.idNumber.digits",
  province: "citizens.idNumber.province",
  century: "citizens.idNumber.century",
};

// People copy the number from the card as "001 099 012345" or "001.099.012345".
export const normalizeCitizenIdNumber = (raw: string) => raw.replace(/[\s.]/g, "");

// A baby registered on 1 January is born "this year" in Vietnam before UTC's new year.
const vietnamYear = localYear;

export function checkCitizenIdNumber(raw: string, today: Date): CitizenIdCheck {
  const value = normalizeCitizenIdNumber(raw);
  // "digits" first, so "00109901234A" is named for its letter rather than for its length.
  if (!/^\d*$/.test(value)) return { ok: false, code: "digits" };
  if (value.length !== 12) return { ok: false, code: "length" };
  const provinceCode = value.slice(0, 3);
  if (!(provinceCode in BIRTH_PROVINCE_CODES)) return { ok: false, code: "province" };
  const g = Number(value[3]);
  const birthYear = 1900 + Math.floor(g / 2) * 100 + Number(value.slice(4, 6));
  if (birthYear < 1900 || birthYear > vietnamYear(today)) return { ok: false, code: "century" };
  return { ok: true, value, provinceCode, sex: g % 2 === 0 ? "male" : "female", birthYear };
}

export const SEXES = ["male", "female"] as const;
export type Sex = (typeof SEXES)[number];
export type IdAgreementCode = "birthYear" | "sexMale" | "sexFemale";
export const ID_AGREEMENT_MESSAGE_KEYS: Readonly<Record<IdAgreementCode, CitizensKey>> = {
  birthYear: "citizens.idNumber.birthYear",
  sexMale: "citizens.idNumber.sexMale",
  sexFemale: "citizens.idNumber.sexFemale",
};
export type IdDisagreement = { code: IdAgreementCode; messageKey: CitizensKey; params: Record<string, number> };

/**
 * Whether a well-formed number's century/sex digit (G) and year (YY) agree with the birth date and sex given:
 * G = 0/1 male/female born 1900–1999, 2/3 2000–2099, 4/5 2100–2199, … . Null when they agree, or when there is
 * nothing to compare (no date, no sex, or a number that fails checkCitizenIdNumber, reported on its own).
 */
export function idDisagreement(idNumber: string, given: { birthDate?: string | null; sex?: Sex | null }): IdDisagreement | null {
  const value = normalizeCitizenIdNumber(idNumber);
  if (!/^\d{12}$/.test(value)) return null;
  const g = Number(value[3]);
  const idYear = 1900 + Math.floor(g / 2) * 100 + Number(value.slice(4, 6));
  const idSex: Sex = g % 2 === 0 ? "male" : "female";
  const year = given.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(given.birthDate) ? Number(given.birthDate.slice(0, 4)) : null;
  if (year !== null && year !== idYear) return { code: "birthYear", messageKey: ID_AGREEMENT_MESSAGE_KEYS.birthYear, params: { idYear, year } };
  if (given.sex && given.sex !== idSex) {
    const code = idSex === "male" ? "sexMale" : "sexFemale";
    return { code, messageKey: ID_AGREEMENT_MESSAGE_KEYS[code], params: {} };
  }
  return null;
}

/**
 * The contract field: a string, normalised to its 12 digits. A bad number yields a zod custom issue whose
 * params carry `messageKey` (read by fieldErrorsFromZod) and `code` (one of CitizenIdErrorCode).
 */
export function citizenIdNumberSchema(today: () => Date) {
  return z
    .string()
    .max(40)
    .superRefine((raw, ctx) => {
      const r = checkCitizenIdNumber(raw, today());
      if (!r.ok) {
        ctx.addIssue({
          code: "custom",
          message: `citizenIdNumber.${r.code}`,
          input: raw,
          params: { code: r.code, messageKey: CITIZEN_ID_MESSAGE_KEYS[r.code] },
        });
      }
    })
    .overwrite(normalizeCitizenIdNumber)
    .openapi({ description: "Personal identification number (12 digits; spaces and dots are ignored)", example: "001099012345" });
}
