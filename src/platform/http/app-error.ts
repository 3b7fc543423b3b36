// Expected failures are typed: a code, an HTTP status and a catalogue key. The edge renders them once.
import type { z } from "zod";
import type { MessageKey, Translate } from "../i18n/i18n.ts";

/** One option of a choice, for a message that names them: a catalogue key, or a text given in one language (a procedure's own). */
export type ChoiceWord = { key: MessageKey } | { text: string };

/**
 * `options`: the choices a choice error names in words ("tại bộ phận một cửa, qua bưu điện hoặc trực tuyến"),
 * filled into the message's {options} in the reader's language; never the raw values.
 */
export type FieldError = { field: string; code: string; message: MessageKey; params?: Record<string, string | number>; options?: readonly ChoiceWord[] };

export const ERROR_STATUS = {
  validation: 400,
  bad_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  // The database unreachable, or a limit of the service itself (e.g. a day's dossier numbers used up).
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly fields: FieldError[] = [],
    readonly params: Record<string, string | number> = {},
    /** For a 429: when to try again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

/** A throttled attempt: 429 with Retry-After, and the wait in whole minutes for the message. */
export function tooManyRequests(messageKey: MessageKey, retryAfterSeconds: number, fields: FieldError[] = []): AppError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "too_many_requests",
    messageKey,
    fields.map((f) => ({ ...f, params: { minutes, ...f.params } })),
    { minutes },
    retryAfterSeconds,
  );
}

/** Pages that answer a 429 themselves set the same header the error handler would. */
export function setRetryAfter(c: { header(name: string, value: string): void }, err: unknown): void {
  if (err instanceof AppError && err.retryAfterSeconds) c.header("Retry-After", String(err.retryAfterSeconds));
}

export const notFound = () => new AppError("not_found", "error.notFound");

function expectedLabel(issue: z.core.$ZodIssue): string {
  return "expected" in issue && typeof issue.expected === "string" ? issue.expected : "";
}

// zod reports the input only with reportInput; its default message still says "received undefined".
function isMissing(issue: z.core.$ZodIssue): boolean {
  return ("input" in issue && issue.input === undefined) || / received undefined$/.test(issue.message);
}

/** Turns zod issues into field errors with catalogue keys, so messages come in the request's language. */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "body";
    switch (issue.code) {
      case "invalid_type":
        if (isMissing(issue)) out.push({ field, code: "required", message: "validation.required" });
        else out.push({ field, code: "type", message: "validation.type", params: { expected: expectedLabel(issue) } });
        break;
      case "too_small":
        out.push({
          field,
          code: "too_small",
          message: issue.origin === "string" ? (Number(issue.minimum) <= 1 ? "validation.required" : "validation.tooShort") : "validation.tooSmall",
          params: { min: String(issue.minimum) },
        });
        break;
      case "too_big":
        out.push({
          field,
          code: "too_big",
          message: issue.origin === "string" ? "validation.tooLong" : "validation.tooBig",
          params: { max: String(issue.maximum) },
        });
        break;
      case "unrecognized_keys":
        for (const key of issue.keys)
          out.push({ field: [...issue.path.map(String), key].join("."), code: "unknown_field", message: "validation.unknownField" });
        break;
      case "invalid_value":
        out.push({ field, code: "choice", message: "validation.choice", params: { options: issue.values.map(String).join(", ") } });
        break;
      case "invalid_format":
        out.push({ field, code: "format", message: "validation.format" });
        break;
      case "custom": {
        const p = issue.params as { messageKey?: MessageKey; code?: string; params?: Record<string, string | number> } | undefined;
        out.push({ field, code: p?.code ?? "invalid", message: p?.messageKey ?? "validation.invalid", ...(p?.params ? { params: p.params } : {}) });
        break;
      }
      default:
        out.push({ field, code: "invalid", message: "validation.invalid" });
    }
  }
  return out;
}

export const validationError = (issues: readonly z.core.$ZodIssue[]) => new AppError("validation", "error.validation", fieldErrorsFromZod(issues));

/** RFC 9457 problem details, in the request's language. */
export function toProblem(err: AppError, t: Translate, instance: string, requestId: string) {
  return {
    type: `/docs/problems#${err.code}`,
    title: t(err.messageKey, err.params),
    status: err.status,
    detail: err.fields.length ? err.fields.map((f) => localizeField(f, t)).join("; ") : t(err.messageKey, err.params),
    instance,
    requestId,
    ...(err.fields.length ? { errors: err.fields.map((f) => ({ field: f.field, code: f.code, message: localizeField(f, t) })) } : {}),
  };
}

/** A field error in words; pages pass the field's visible label, the API names the wire field. */
export function localizeField(f: FieldError, t: Translate, label?: string): string {
  const params: Record<string, string | number> = { field: label ?? f.field, ...f.params };
  if (f.options)
    params.options = wordList(
      f.options.map((o) => ("key" in o ? t(o.key) : o.text)),
      t,
    );
  return t(f.message, params);
}

/** "a, b hoặc c" / "a, b or c". */
export function wordList(words: readonly string[], t: Translate): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} ${t("form.or")} ${words[words.length - 1]}`;
}
