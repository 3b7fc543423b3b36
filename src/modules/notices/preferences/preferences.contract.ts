// The contract of residents' notice preferences: the citizen's page, the desk's form and the API validate with it;
// OpenAPI is generated from it. Emergency notices cannot be refused (the law on disaster warnings; see the docs).
import { z } from "@hono/zod-openapi";
import { CONSENT_METHODS, NOTICE_CATEGORIES, type NoticeCategory } from "../notices.model.ts";

/** Channels a person chooses. SMS and e-mail are on unless refused; Zalo only when accepted (opt-in). */
export const PREFERENCE_CHANNELS = ["sms", "zalo", "email"] as const;
export type PreferenceChannel = (typeof PREFERENCE_CHANNELS)[number];
export const OPT_IN_CHANNELS: readonly PreferenceChannel[] = ["zalo"];

/** Categories a person may refuse: all but emergency. */
export const REFUSABLE_CATEGORIES = NOTICE_CATEGORIES.filter((c) => c !== "emergency") as Exclude<NoticeCategory, "emergency">[];

export const NOTE_MAX = 500;

const categoriesOff = z
  .array(z.enum(NOTICE_CATEGORIES))
  .max(NOTICE_CATEGORIES.length)
  .default([])
  .superRefine((list, ctx) => {
    if (list.includes("emergency"))
      ctx.addIssue({
        code: "custom",
        message: "emergency notices cannot be refused",
        params: { messageKey: "notices.preferences.error.emergency", code: "emergency" },
      });
  })
  .transform((list) => [...new Set(list)].sort())
  .openapi({ description: "Categories refused. 'emergency' is refused with 400: warnings of disasters reach everyone.", example: ["events"] });

/** What a person chooses: the same on the citizen's page, at the desk and in the API. */
export const PreferenceChoice = z
  .strictObject({
    sms: z.boolean().openapi({ description: "Notices by SMS (on unless refused; STOP by SMS turns it off)" }),
    zalo: z.boolean().openapi({ description: "Notices by Zalo (ZNS template messages): only when accepted" }),
    email: z.boolean().openapi({ description: "Notices by e-mail (on unless refused)" }),
    categoriesOff,
  })
  .openapi("NoticePreferenceChoice");
export type PreferenceChoice = z.infer<typeof PreferenceChoice>;

const phone = z.string().trim().min(9).max(20).openapi({ description: "A Vietnamese mobile number (0912345678 or +84912345678)", example: "0912345678" });

/** Recorded by an officer at the desk or in the field: who, how, and a note of the consent given. */
export const DeskPreferenceInput = PreferenceChoice.extend({
  phone: phone.optional(),
  residentId: z.uuid().optional().openapi({ description: "A registry resident of the officer's units" }),
  method: z.enum(["desk", "field"]).openapi({ description: "Where the person gave their choice" }),
  note: z.string().trim().max(NOTE_MAX).optional().openapi({ description: "How consent was given", example: "Đồng ý miệng, có con gái làm chứng" }),
})
  .refine((x) => x.phone || x.residentId, {
    path: ["phone"],
    message: "a phone or a resident",
    params: { messageKey: "notices.preferences.error.whom", code: "required" },
  })
  .openapi("NoticeDeskPreferenceInput");
export type DeskPreferenceInput = z.infer<typeof DeskPreferenceInput>;

export const PersonQuery = z
  .strictObject({
    phone: phone.optional(),
    residentId: z
      .uuid()
      .optional()
      .openapi({ param: { name: "residentId", in: "query" } }),
  })
  .refine((x) => x.phone || x.residentId, {
    path: ["phone"],
    message: "a phone or a resident",
    params: { messageKey: "notices.preferences.error.whom", code: "required" },
  });

export const ConsentEntry = z
  .object({
    at: z.string().openapi({ example: "2026-11-23T03:00:00.000Z" }),
    method: z.enum(CONSENT_METHODS),
    recordedBy: z.string().nullable().openapi({ description: "The officer's name; null when the person chose" }),
    note: z.string().nullable(),
    before: PreferenceChoice.omit({ categoriesOff: true })
      .extend({ categoriesOff: z.array(z.string()) })
      .nullable(),
    after: PreferenceChoice.omit({ categoriesOff: true }).extend({ categoriesOff: z.array(z.string()) }),
  })
  .openapi("NoticeConsentEntry");

export const PersonPreferences = z
  .object({
    phone: z.string().nullable().openapi({ description: "E.164", example: "+84912345678" }),
    residentId: z.string().nullable(),
    name: z.string().nullable().openapi({ description: "The registry resident's name (desk only)" }),
    choice: PreferenceChoice.omit({ categoriesOff: true }).extend({ categoriesOff: z.array(z.string()) }),
    chosen: z.boolean().openapi({ description: "false: nothing recorded yet (the defaults apply)" }),
    history: z.array(ConsentEntry).openapi({ description: "Newest first" }),
  })
  .openapi("NoticePersonPreferences");

/** The SMS gateway's inbound message. Signed: X-Signature = hex HMAC-SHA256 of the raw body. */
export const InboundSmsBody = z
  .object({
    from: z.string().trim().min(9).max(20).openapi({ example: "+84912345678" }),
    text: z.string().max(1600).openapi({ example: "STOP" }),
    id: z.string().trim().min(1).max(100).optional().openapi({ description: "The gateway's message id: a retry with the same id is answered once" }),
    at: z.iso.datetime({ offset: true }).optional().openapi({ description: "When the gateway received it" }),
  })
  .openapi("InboundSms");

export const InboundSmsResult = z
  .object({
    outcome: z.enum(["stop", "start", "keyword", "help"]),
    reply: z.string().nullable().openapi({ description: "The reply queued to the sender (GSM-7, no diacritics)" }),
    duplicate: z.boolean().openapi({ description: "true: this message id was already answered; nothing was done again" }),
  })
  .openapi("InboundSmsResult");
