// The one contract for the citizen's profile, vault and phone sign-in: form posts, API bodies and OpenAPI.
import { z } from "@hono/zod-openapi";
import { checkCitizenIdNumber, citizenIdNumberSchema } from "./citizen-id.ts";
import { phoneSchema } from "./phone.ts";
import { toLocalDay } from "../../platform/calendar/vietnam-time.ts";
import { parseDayInput } from "../../platform/text/day-input.ts";

// "Today" for a date of birth is the date in Hà Nội.
export const vietnamDate = toLocalDay;

/** People write 25/12/1990 or 25-12-1990; machines send 1990-12-25. Both become YYYY-MM-DD, or null (the shared day parser). */
export function parseBirthDate(raw: string): string | null {
  const day = parseDayInput(raw);
  return day.ok && day.iso >= "1900-01-01" ? day.iso : null;
}

const issue = (messageKey: string, code: string, params: Record<string, string | number> = {}) => ({
  code: "custom" as const,
  message: code,
  params: { code, messageKey, ...params },
});

export function birthDateSchema(today: () => Date) {
  return z
    .string()
    .max(20)
    .superRefine((raw, ctx) => {
      const iso = parseBirthDate(raw);
      if (!iso) ctx.addIssue({ ...issue("citizens.profile.birthDateFormat", "format"), input: raw });
      else if (iso > vietnamDate(today())) ctx.addIssue({ ...issue("citizens.profile.birthDateFuture", "future"), input: raw });
    })
    .overwrite((raw) => parseBirthDate(raw) ?? raw)
    .openapi({ description: "Date of birth, YYYY-MM-DD (DD/MM/YYYY is accepted too); not in the future", example: "1999-05-20" });
}

const readOnly = <T extends z.ZodType>(schema: T) => schema.optional().openapi({ description: "Read-only: accepted from a GET answer and ignored" });

/** The profile as entered: a function of the clock, since "not in the future" depends on today. */
export function citizenProfileInput(today: () => Date) {
  return z
    .strictObject({
      fullName: z.string().trim().min(1).max(200).openapi({ example: "Nguyễn Thị Lan" }),
      birthDate: birthDateSchema(today),
      citizenIdNumber: citizenIdNumberSchema(today),
      address: z.string().trim().min(1).max(300).openapi({ example: "Thôn Phú Hà, xã Gia Phú, tỉnh Lào Cai" }),
      phone: phoneSchema().openapi({
        description:
          "Vietnamese mobile number, stored as 0xxxxxxxxx. It prefills forms; it signs in and receives SMS only once verified by a code (`/api/v1/me/phone/code`, then `/verify`)",
      }),
      // "" or null: no email, as a GET gives it.
      email: z
        .union([z.literal("").transform(() => null), z.email().max(200)])
        .nullable()
        .optional(),
      // What GET adds is accepted back and ignored, so a GET → PUT round trip works; only a code verifies.
      phoneVerified: readOnly(z.boolean()),
      verifiedPhone: readOnly(z.string().max(30).nullable()),
      citizenIdNumberVerified: readOnly(z.boolean()),
      updatedAt: readOnly(z.string().max(40)),
    })
    .superRefine((p, ctx) => {
      // The number carries the year of birth: a mismatch is almost always a typo in one of the two.
      const id = checkCitizenIdNumber(p.citizenIdNumber, today());
      const year = Number(p.birthDate.slice(0, 4));
      if (id.ok && /^\d{4}-/.test(p.birthDate) && id.birthYear !== year) {
        ctx.addIssue({ ...issue("citizens.profile.birthYearMismatch", "mismatch"), path: ["birthDate"] });
      }
    })
    .openapi("CitizenProfileInput");
}
export type CitizenProfileInput = z.infer<ReturnType<typeof citizenProfileInput>>;

export const CitizenProfile = z
  .object({
    fullName: z.string(),
    birthDate: z.string().nullable().openapi({ example: "1999-05-20" }),
    citizenIdNumber: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: "As typed; it prefills forms", example: "0912345678" }),
    email: z.string().nullable(),
    phoneVerified: z.boolean().openapi({ description: "`phone` was proven by a code sent to it" }),
    verifiedPhone: z
      .string()
      .nullable()
      .openapi({ description: "The number proven by a code: it signs in and receives the SMS about your own dossiers", example: "0912345678" }),
    citizenIdNumberVerified: z.boolean().openapi({
      description:
        "`citizenIdNumber` comes from a verified source: the national SSO, or an officer who checked your ID card at a one-stop desk. With a verified phone, it links the dossiers an officer or volunteer files for you",
    }),
    updatedAt: z.string().openapi({ description: "ISO 8601" }),
  })
  .openapi("CitizenProfile");
export type CitizenProfile = z.infer<typeof CitizenProfile>;

/** An officer's record that they checked a citizen's ID card in person: the form and the API body. */
export function idCardCheckInput(today: () => Date) {
  return z
    .strictObject({
      adminUnitCode: z
        .string()
        .regex(/^\d{2}(\d{3})?$/)
        .openapi({ description: "The commune (or province) whose desk the card was checked at: one of your units", example: "02923" }),
      phone: phoneSchema().openapi({
        description: "The phone number the citizen's account verified by a code: it says which account the card is checked for",
        example: "0912345678",
      }),
      citizenIdNumber: citizenIdNumberSchema(today).openapi({
        description: "The personal identification number read from the card (12 digits; spaces and dots are ignored)",
        example: "001099012345",
      }),
    })
    .openapi("IdCardCheckInput");
}

export const IdCardCheck = z
  .object({
    userId: z.uuid().openapi({ description: "The citizen's account" }),
    citizenIdNumber: z.string().openapi({ description: "Now the account's verified ID number", example: "001099012345" }),
    verifiedAt: z.string().openapi({ description: "ISO 8601" }),
    adminUnitCode: z.string().openapi({ description: "Where the card was checked", example: "02923" }),
  })
  .openapi("IdCardCheck");

export const PhoneCodeRequest = z.strictObject({ phone: phoneSchema() }).openapi("PhoneCodeRequest");
export const PhoneCodeVerify = z
  .strictObject({
    phone: phoneSchema(),
    code: z
      .string()
      .trim()
      .superRefine((raw, ctx) => {
        if (!/^\d{6}$/.test(raw)) ctx.addIssue({ ...issue("citizens.phoneSignIn.codeFormat", "format"), input: raw });
      })
      .openapi({ description: "The 6 digits sent by SMS", example: "123456" }),
  })
  .openapi("PhoneCodeVerify");

export const VaultItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(["upload", "result"]),
    documentType: z.string().nullable(),
    sourceDossierId: z.string().nullable(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    createdAt: z.string().openapi({ description: "ISO 8601" }),
  })
  .openapi("VaultItem");

export const VaultUploadFields = z.strictObject({
  title: z.string().trim().min(1).max(200).openapi({ example: "Giấy khai sinh" }),
  documentType: z.string().trim().max(100).optional().openapi({ description: "The requirement key it is meant for, to suggest reuse" }),
});
export const VaultUploadJson = VaultUploadFields.extend({
  name: z.string().trim().min(1).max(255).openapi({ example: "giay-khai-sinh.pdf" }),
  content: z.base64().max(20_000_000).openapi({ description: "The file, base64; PDF, JPEG or PNG (the type is read from the bytes)" }),
}).openapi("VaultUpload");
