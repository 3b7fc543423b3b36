// The one contract for a commune's desk settings: validates the settings form and the API body, and generates OpenAPI.
import { z } from "@hono/zod-openapi";
import { isUuid } from "../../platform/db/uuid.ts";
import { toAsciiText } from "../../platform/text/ascii-text.ts";

// Decision 20/2020/QĐ-TTg electronic IDs: dot-separated parts of letters and digits, e.g. 000.29.23.H39.
// No "-": the dossier code appends "-YYMMDD-NNNN" to it.
export const AGENCY_CODE = /^[A-Z0-9]+(\.[A-Z0-9]+)+$/;
export const AGENCY_CODE_MAX = 35;
// As banks print holder names: unaccented capitals, digits and a little punctuation.
const ACCOUNT_NAME = /^[A-Z0-9][A-Z0-9 .,&()'/-]*$/;

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const DeskSettingsInput = z
  .strictObject({
    agencyCode: z
      .string()
      .trim()
      .min(1)
      .max(AGENCY_CODE_MAX)
      .transform((s) => s.toUpperCase())
      .refine((s) => AGENCY_CODE.test(s), { params: { messageKey: "payments.error.agencyCode", code: "format" } })
      .openapi({ description: "Electronic ID of the commune (Decision 20/2020/QĐ-TTg); starts every dossier code", example: "000.29.23.H39" }),
    deskAddress: optionalText(300),
    deskName: optionalText(200).openapi({
      description: "The desk's name printed on the forms it issues; left out: the 2025 default, Trung tâm Phục vụ hành chính công <xã …>",
      example: "Trung tâm Phục vụ hành chính công xã Gia Phú",
    }),
    chairUserId: z
      .string()
      .trim()
      .refine((s) => s === "" || isUuid(s), { params: { messageKey: "forms.settings.error.chair", code: "choice" } })
      .optional()
      .openapi({ description: "The commune People's Committee chair, one of its leaders: signs TM. Ủy ban nhân dân; other leaders sign KT. Chủ tịch" }),
    bankBin: z
      .string()
      .trim()
      .refine((s) => /^\d{6}$/.test(s), { params: { messageKey: "payments.settings.error.bin", code: "format" } })
      .optional()
      .openapi({ description: "NAPAS BIN of the bank holding the fee account", example: "970436" }),
    accountNumber: z
      .string()
      .trim()
      .refine((s) => /^[0-9A-Za-z]{1,19}$/.test(s), { params: { messageKey: "payments.settings.error.account", code: "format" } })
      .optional()
      .openapi({ example: "0123456789" }),
    accountName: z
      .string()
      .trim()
      // People type the name with diacritics; banks show it without, in capitals.
      .transform((s) => toAsciiText(s, 200).toUpperCase())
      .refine((s) => s.length <= 70 && ACCOUNT_NAME.test(s), { params: { messageKey: "payments.error.accountName", code: "format" } })
      .optional()
      .openapi({ example: "UBND XA GIA PHU" }),
  })
  .superRefine((s, ctx) => {
    // An account is usable only whole: a QR without the holder's name or bank would send money nowhere.
    const parts = ["bankBin", "accountNumber", "accountName"] as const;
    if (parts.some((k) => s[k])) {
      for (const k of parts) {
        if (!s[k])
          ctx.addIssue({ code: "custom", path: [k], message: "incomplete account", params: { messageKey: "payments.error.bankIncomplete", code: "required" } });
      }
    }
  })
  .openapi("DeskSettingsInput");
export type DeskSettingsInput = z.infer<typeof DeskSettingsInput>;

export const CommuneCodeParam = z.object({
  code: z
    .string()
    .regex(/^\d{5}$/)
    .openapi({ param: { name: "code", in: "path" }, example: "02923" }),
});

export const DeskSettingsView = z
  .object({
    communeCode: z.string(),
    agencyCode: z.string(),
    deskAddress: z.string().nullable(),
    deskName: z.string().nullable().openapi({ description: "The name set; null when the default is printed" }),
    printedDeskName: z.string().openapi({ description: "The desk's name as the forms print it" }),
    chairUserId: z.string().nullable(),
    bankBin: z.string().nullable(),
    bankName: z.string().nullable(),
    accountNumber: z.string().nullable(),
    accountName: z.string().nullable(),
    configured: z.boolean().openapi({ description: "False while the commune still uses the placeholder agency code" }),
  })
  .openapi("DeskSettings");
