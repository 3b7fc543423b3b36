// POST requests: checks the Open311 form (GeoReport v2's fields) and hands one report to the reporting part's
// submitReport, the entry point every channel shares. Every check runs before anything is written; media_url is
// kept as a link and never fetched (no request leaves the server on a client's say-so).
import { randomBytes } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError, type FieldError, tooManyRequests } from "../../../platform/http/app-error.ts";
import type { Locale } from "../../../platform/i18n/i18n.ts";
import { reserve, type ThrottleLimit } from "../../../platform/throttle/throttle.ts";
import { checkAnswers, readAttributes } from "../open311/open311-attributes.ts";
import { parseW3c } from "../open311/open311-format.ts";
import { type CommuneRef, findVillage, setOpen311Token } from "../open311/open311.repository.ts";
import type { SubmitReportInput, SubmitReportResult } from "../reporting/submit-input.ts";
import { DESCRIPTION_MAX, LANDMARK_MAX } from "../reports.model.ts";
import { open311PostingClient } from "./open311-client-key.ts";
import { open311Service } from "./open311-service-definition.ts";

/** The reporting part's input, narrowed to the fields this adapter sets (photos come as media_url, never as files). */
export type Open311SubmitInput = Pick<
  SubmitReportInput,
  | "communeCode"
  | "categoryCode"
  | "description"
  | "villageCode"
  | "landmark"
  | "lat"
  | "lon"
  | "locationSource"
  | "attributes"
  | "contact"
  | "anonymous"
  | "photoUrls"
  | "open311ClientId"
  | "clientIp"
> & { channel: "open311" };
export type Open311SubmitResult = Pick<SubmitReportResult, "id" | "code" | "dueAt" | "public">;
export type Open311SubmitCtx = { actor: Actor; requestId: string | null; principal: null };
/** submitReport(deps, ctx, input)'s shape. */
export type SubmitReportFn = (deps: Deps, ctx: Open311SubmitCtx, input: Open311SubmitInput) => Promise<Open311SubmitResult>;

/** Posts per client and per sending address in an hour: room for a busy app, none for a flood. */
export const OPEN311_POST_LIMITS = { perClient: 300, perAddress: 60, windowMs: 3_600_000 } as const;
const NAME_MAX = 100;
const EMAIL_MAX = 254;
const PHONE_MAX = 20;
const MEDIA_URL_MAX = 1000;

export type Open311PostResult = { code: string; token: string; serviceNotice: { responsibleUnit: string; timeLimitDays: number } };

/** `form`: the form's fields (and the query string's jurisdiction_id/api_key, as some clients send them there). */
export async function postOpen311Request(
  deps: Deps,
  io: { form: URLSearchParams; clientIp: string | null; requestId: string | null; locale: Locale; submit: SubmitReportFn },
  commune: CommuneRef,
): Promise<Open311PostResult> {
  const { form } = io;
  const one = (name: string) => form.get(name)?.trim() ?? "";
  const client = await open311PostingClient(deps, form.get("api_key") ?? undefined, commune);

  const limits: ThrottleLimit[] = [{ key: `client:${client.id}`, limit: OPEN311_POST_LIMITS.perClient, windowMs: OPEN311_POST_LIMITS.windowMs }];
  if (io.clientIp) limits.push({ key: `ip:${io.clientIp}`, limit: OPEN311_POST_LIMITS.perAddress, windowMs: OPEN311_POST_LIMITS.windowMs });
  const held = await reserve(deps.db, "open311.post", limits, deps.clock.now());
  if (!held.allowed) throw tooManyRequests("reports.open311.error.throttled", held.retryAfterSeconds);

  const serviceCode = one("service_code");
  if (!serviceCode)
    throw new AppError("validation", "error.validation", [{ field: "service_code", code: "required", message: "reports.open311.error.serviceCodeMissing" }]);
  const service = await open311Service(deps, commune, serviceCode);

  const errors: FieldError[] = [];
  const tooLong = (field: string, value: string, max: number) => {
    if (value.length > max) errors.push({ field, code: "too_long", message: "reports.open311.error.tooLong", params: { max } });
  };

  const description = one("description");
  if (!description) errors.push({ field: "description", code: "required", message: "reports.open311.error.descriptionMissing" });
  tooLong("description", description, DESCRIPTION_MAX);

  // Location: lat & long together, or address_string, or address_id (a village code of the commune).
  const latRaw = one("lat");
  const longRaw = one("long");
  let lat: number | null = null;
  let lon: number | null = null;
  if (latRaw || longRaw) {
    const num = /^-?\d{1,3}(\.\d+)?$/;
    if (!num.test(latRaw) || !num.test(longRaw)) {
      errors.push({ field: latRaw ? "long" : "lat", code: "pair", message: "reports.open311.error.latLongPair" });
    } else {
      lat = Number(latRaw);
      lon = Number(longRaw);
      if (Math.abs(lat) > 90) errors.push({ field: "lat", code: "range", message: "reports.open311.error.latLongRange" });
      if (Math.abs(lon) > 180) errors.push({ field: "long", code: "range", message: "reports.open311.error.latLongRange" });
    }
  }
  const landmark = one("address_string");
  tooLong("address_string", landmark, LANDMARK_MAX);
  const addressId = one("address_id");
  let villageCode: string | null = null;
  if (addressId) {
    const village = addressId.length <= 20 ? await findVillage(deps.db, commune.code, addressId) : null;
    if (village) villageCode = village.code;
    else errors.push({ field: "address_id", code: "unknown", message: "reports.open311.error.field" });
  }
  if (!latRaw && !longRaw && !landmark && !addressId) errors.push({ field: "lat", code: "required", message: "reports.open311.error.locationMissing" });

  const name = [one("first_name"), one("last_name")].filter((s) => s !== "").join(" ");
  tooLong("first_name", name, NAME_MAX);
  const email = one("email");
  if (email && (email.length > EMAIL_MAX || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    errors.push({ field: "email", code: "format", message: "reports.open311.error.email" });
  const phone = one("phone");
  tooLong("phone", phone, PHONE_MAX);

  const mediaUrl = one("media_url");
  if (mediaUrl) {
    let ok = mediaUrl.length <= MEDIA_URL_MAX;
    try {
      ok &&= ["http:", "https:"].includes(new URL(mediaUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) errors.push({ field: "media_url", code: "format", message: "reports.open311.error.mediaUrl" });
  }

  // attribute[CODE]=v and attribute[CODE][]=v1&attribute[CODE][]=v2 (multivaluelist)
  const given = new Map<string, string[]>();
  for (const [key, value] of form) {
    const m = /^attribute\[([^\]]{1,100})\](\[\])?$/.exec(key);
    if (m) given.set(m[1]!, [...(given.get(m[1]!) ?? []), value]);
  }
  const checked = checkAnswers(readAttributes(service.attributes, io.locale), given, (s) => parseW3c(s) !== null);
  errors.push(...checked.errors);
  if (errors.length) throw new AppError("validation", "error.validation", errors);

  const anonymous = !name && !phone && !email;
  const result = await submitNamingOpen311Fields(() =>
    io.submit(
      deps,
      { actor: { userId: null, label: `open311:${client.name}`.slice(0, 120) }, requestId: io.requestId, principal: null },
      {
        communeCode: commune.code,
        categoryCode: service.code,
        description,
        villageCode,
        landmark: landmark || null,
        lat,
        lon,
        locationSource: lat === null ? null : "open311",
        attributes: checked.answers,
        contact: anonymous ? undefined : { name: name || null, phone: phone || null, email: email || null },
        anonymous,
        photoUrls: mediaUrl ? [mediaUrl] : [],
        channel: "open311",
        open311ClientId: client.id,
        clientIp: io.clientIp,
      },
    ),
  );
  // The token lets a client that lost the id find the request again (tokens/{token}).
  const token = randomBytes(12).toString("base64url");
  await setOpen311Token(deps.db, result.id, token);
  return { code: result.code, token, serviceNotice: service };
}

/** submitReport's field names in a refusal, as the Open311 client sent them. */
const OPEN311_FIELD: Record<string, string> = {
  communeCode: "jurisdiction_id",
  categoryCode: "service_code",
  description: "description",
  landmark: "address_string",
  villageCode: "address_id",
  lat: "lat",
  lon: "long",
  "contact.name": "first_name",
  "contact.phone": "phone",
  "contact.email": "email",
  photoUrls: "media_url",
};

async function submitNamingOpen311Fields<T>(submit: () => Promise<T>): Promise<T> {
  try {
    return await submit();
  } catch (err) {
    if (!(err instanceof AppError) || err.fields.length === 0) throw err;
    const fields = err.fields.map((f) => ({ ...f, field: OPEN311_FIELD[f.field] ?? f.field }));
    throw new AppError(err.code, err.messageKey, fields, err.params, err.retryAfterSeconds);
  }
}
