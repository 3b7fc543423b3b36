// A notice's fields as an author submits them (API body, or the office form turned into it), checked and completed:
// the issuing unit the author may draft for, the scope's villages, the days, the channels (web always), the audience
// list normalised to E.164 (refused with its line number), and the SMS text and spoken script — derived from the
// body unless the author wrote their own, which is kept when the body changes later.
import type { Deps } from "../../../deps.ts";
import { can, type Principal, scopeUnitCodes } from "../../../platform/auth/authorise.ts";
import { AppError, type FieldError, validationError } from "../../../platform/http/app-error.ts";
import { getAdminUnit, listAdminUnitChildren } from "../../admin-units/index.ts";
import { toE164Vn } from "../../notifications/index.ts";
import { NOTICE_LIMITS, type NoticeAudience, type NoticeRow } from "../notices.model.ts";
import { NoticeCreate, type NoticeUpdate } from "./authoring.contract.ts";
import type { NoticeFields } from "./authoring.repository.ts";
import { checkSmsText, deriveSmsText, type SmsVersion } from "./sms-version.ts";
import { deriveSpeechText } from "./speech-script.ts";

const err = (field: string, code: string, message: FieldError["message"], params?: FieldError["params"]): FieldError => ({
  field,
  code,
  message,
  ...(params ? { params } : {}),
});

const HTML_RE = /<\/?[a-zA-Z!][^>]*>|&[a-zA-Z]+;|&#\d+;/;

/** The SMS field error: how long the text still is after conversion, and the most it may be. */
export const smsTooLong = (v: Extract<SmsVersion, { ok: false }>): FieldError =>
  err("smsText", "tooLong", "notices.authoring.error.smsTooLong", { chars: v.chars, max: v.max, segments: v.segments });

/** The issuing unit: the one named, else the author's only commune (or province) with notice.draft. */
async function issuingUnit(deps: Pick<Deps, "db" | "config">, p: Principal, code: string | undefined, errors: FieldError[]) {
  const codes = scopeUnitCodes(p, "notice.draft");
  const wanted = code ?? (codes.length === 1 ? codes[0] : undefined);
  if (!wanted) {
    errors.push(err("unitCode", "required", "validation.required"));
    return null;
  }
  const unit = await getAdminUnit(deps, wanted).catch(() => null);
  if (!unit || (unit.level !== "commune" && unit.level !== "province")) {
    errors.push(err("unitCode", "unknown", "notices.authoring.error.unitUnknown"));
    return null;
  }
  // Another unit's notices are none of the author's business: a 404, as for every resource outside one's grants.
  if (!can(p, "notice.draft", { code: unit.code, path: unit.path })) throw new AppError("not_found", "error.notFound");
  return unit;
}

export function normaliseList(lines: readonly string[], errors: FieldError[]): string[] {
  const out = new Set<string>();
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const e164 = toE164Vn(line);
    if (!e164) {
      errors.push(err("audience.list", "phone", "notices.authoring.error.listLine", { line: i + 1, value: line.slice(0, 40) }));
      if (errors.filter((e) => e.field === "audience.list").length >= 5) break;
    } else out.add(e164);
  }
  if (out.size > NOTICE_LIMITS.listNumbers)
    errors.push(err("audience.list", "tooMany", "notices.authoring.error.listTooMany", { max: NOTICE_LIMITS.listNumbers }));
  return [...out];
}

/**
 * The checked fields of a notice. `before`: the notice being edited (its SMS/speech edits survive when the input
 * leaves them out). Throws 400 naming every bad field, 404 when the author may not draft for the unit.
 */
export async function readNoticeInput(
  deps: Pick<Deps, "db" | "config">,
  p: Principal,
  raw: unknown,
  before: NoticeRow | null,
  schema: typeof NoticeCreate | typeof NoticeUpdate = NoticeCreate,
): Promise<{ fields: NoticeFields; input: NoticeCreate | NoticeUpdate }> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const input = parsed.data;
  const errors: FieldError[] = [];
  const unit = await issuingUnit(deps, p, input.unitCode ?? before?.unitCode, errors);

  if (HTML_RE.test(input.body)) errors.push(err("body", "html", "notices.authoring.error.html"));
  if (HTML_RE.test(input.title)) errors.push(err("title", "html", "notices.authoring.error.html"));

  let villageCodes: string[] = [];
  if (unit) {
    if (input.scope === "province" && unit.level !== "province") errors.push(err("scope", "province", "notices.authoring.error.scopeProvince"));
    if (input.scope !== "province" && unit.level === "province") errors.push(err("scope", "commune", "notices.authoring.error.scopeCommune"));
    if (input.scope === "villages") {
      villageCodes = [...new Set(input.villageCodes ?? [])];
      if (villageCodes.length === 0) errors.push(err("villageCodes", "required", "notices.authoring.error.villagesRequired"));
      else if (unit.level === "commune") {
        const known = new Set((await listAdminUnitChildren(deps, unit.code, { limit: 500 })).items.map((v) => v.code));
        if (villageCodes.some((v) => !known.has(v))) errors.push(err("villageCodes", "unknown", "notices.authoring.error.villageUnknown"));
      }
    }
  }
  const validUntil = input.validUntil ?? null;
  for (const [name, day] of [
    ["validFrom", input.validFrom],
    ["validUntil", validUntil],
  ] as const) {
    if (day && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) errors.push(err(name, "impossible", "validation.dateImpossible"));
  }
  if (validUntil && validUntil < input.validFrom) errors.push(err("validUntil", "beforeStart", "notices.authoring.error.validUntilBefore"));

  const channels = ["web", ...new Set((input.channels ?? []).filter((c) => c !== "web"))];
  const audience: NoticeAudience = {};
  if (input.audience?.flags?.length) audience.flags = [...new Set(input.audience.flags)];
  if (input.audience?.roles?.length) audience.roles = [...new Set(input.audience.roles)];
  if (input.audience?.list?.length) {
    const list = normaliseList(input.audience.list, errors);
    if (list.length) audience.list = list;
  }

  // SMS: absent keeps an earlier edit; null or "" goes back to the derived text; a text is the author's own.
  let smsText: string | null;
  let smsEdited: boolean;
  const ownSms = input.smsText === undefined ? (before?.smsEdited ? before.smsText : null) : input.smsText?.trim() || null;
  if (ownSms) {
    const v = checkSmsText(ownSms);
    if (!v.ok) errors.push(smsTooLong(v));
    smsText = v.text;
    smsEdited = true;
  } else {
    const v = deriveSmsText(input.title, input.body);
    if (!v.ok && channels.includes("sms")) errors.push(smsTooLong(v));
    smsText = v.ok ? v.text : null;
    smsEdited = false;
  }
  const ownSpeech = input.speechText === undefined ? (before?.speechEdited ? before.speechText : null) : input.speechText?.trim() || null;
  if (ownSpeech && HTML_RE.test(ownSpeech)) errors.push(err("speechText", "html", "notices.authoring.error.html"));
  const speechText = ownSpeech ?? deriveSpeechText(input.title, input.body);

  if (errors.length) throw new AppError("validation", "error.validation", errors);
  return {
    input,
    fields: {
      unitCode: unit!.code,
      unitPath: unit!.path,
      category: input.category,
      title: input.title,
      body: input.body,
      scope: input.scope,
      villageCodes,
      validFrom: input.validFrom,
      validUntil,
      channels,
      audience,
      smsText,
      smsEdited,
      speechText,
      speechEdited: ownSpeech !== null,
    },
  };
}
