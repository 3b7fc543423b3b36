// Sending a report, by every channel: the public form (signed in or not), the API, an officer or volunteer recording
// it for a resident (with their consent), an Open311 client. Everything is checked before anything is written; the
// photos are converted before the transaction; the report, its first event, its photos, the reporter's message and
// the audit entry commit together or not at all.
import { randomUUID } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import { canOnOrWithin, type Principal } from "../../../platform/auth/authorise.ts";
import { referenceCache } from "../../../platform/cache/reference-cache.ts";
import { computeDueAt } from "../../../platform/calendar/working-time.ts";
import type { Context } from "../../../platform/events/domain-events.ts";
import { uploadQuota } from "../../../platform/files/upload-limits.ts";
import { AppError, type FieldError, tooManyRequests } from "../../../platform/http/app-error.ts";
import { release, reserve, type ThrottleLimit } from "../../../platform/throttle/throttle.ts";
import { searchKey } from "../../../platform/text/search-key.ts";
import { type AdminUnitRow, getAdminUnit } from "../../admin-units/index.ts";
import { loadWorkCalendar } from "../../calendar/index.ts";
import { checkPhone } from "../../citizens/index.ts";
import { notifyReportReceived } from "../reporting/notify-reporter.ts";
import { findReportArea } from "../categories/areas.repository.ts";
import { outsideFields, type ReportArea, withinVietnam } from "../reporting/place-check.ts";
import { hashFollowToken, newFollowToken, newReportCode } from "../reporting/report-code.ts";
import { type CategoryChoice, categoryStillActive, insertReport, listVillages, type VillageChoice } from "../reporting/reporting.repository.ts";
import type { SubmitReportInput, SubmitReportResult } from "../reporting/submit-input.ts";
import { reportPaths } from "../report-paths.ts";
import { DESCRIPTION_MAX, LANDMARK_MAX, MAX_REPORT_PHOTOS } from "../reports.model.ts";
import { insertReportEvent } from "../reports.repository.ts";
import { preparePhotos, saveReportPhotos } from "./photo-store.ts";
import { activeCategoriesIn } from "./categories-active.ts";

export type { SubmitReportInput, SubmitReportResult } from "../reporting/submit-input.ts";

type D = Pick<Deps, "db" | "events" | "clock" | "config" | "log">;
export type ReportCtx = Context & { principal: Principal | null };

export const NAME_MAX = 100;
export const EMAIL_MAX = 254;
export const CONSENT_NOTE_MAX = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONSENT_METHODS = ["signature", "verbal", "fingerprint"] as const;

// Communes change only with an import of the official list: read once a minute per process, as dossiers do.
const communes = referenceCache<AdminUnitRow | null>(60_000);

/** The commune a report goes to, or a 4xx naming `communeCode`. */
export async function reportCommune(deps: Pick<Deps, "db" | "config">, code: string): Promise<AdminUnitRow> {
  const unit = /^\d{5}$/.test(code) ? await communes.get(deps.db, code, () => getAdminUnit(deps, code).catch(() => null)) : null;
  if (unit?.level !== "commune")
    throw new AppError("validation", "error.validation", [{ field: "communeCode", code: "unknown", message: "reports.reporting.error.commune" }]);
  return unit;
}

/** A commune's province: the first step of its path (/15/02923/). */
export const provinceOf = (commune: AdminUnitRow): string => commune.path.split("/").filter(Boolean)[0] ?? commune.parentCode ?? "";

/** The province's rectangle for the place check, with the province's name for the refusal. */
export type ProvinceArea = ReportArea & { provinceName: string };

export type ReportChoices = { categories: CategoryChoice[]; villages: VillageChoice[]; area?: ProvinceArea | null };

/** The categories and villages a report to this commune may name, and the province's rectangle when it has one. */
export async function reportChoices(deps: Pick<Deps, "db" | "config">, commune: AdminUnitRow): Promise<ReportChoices> {
  const provinceCode = provinceOf(commune);
  const [categories, villages, area] = await Promise.all([
    activeCategoriesIn(deps.db, { code: commune.code, provinceCode }),
    listVillages(deps.db, commune.code),
    // Not cached: a rectangle the province has just set applies to the next report.
    findReportArea(deps.db, provinceCode),
  ]);
  if (!area) return { categories, villages, area: null };
  const province = await communes.get(deps.db, provinceCode, () => getAdminUnit(deps, provinceCode).catch(() => null));
  const { minLat, maxLat, minLon, maxLon } = area;
  return { categories, villages, area: { minLat, maxLat, minLon, maxLon, provinceName: province?.fullName ?? provinceCode } };
}

const fieldError = (field: string, code: string, message: string, params?: Record<string, string | number>): FieldError => ({
  field,
  code,
  message: message as FieldError["message"],
  ...(params ? { params } : {}),
});

type Checked = {
  category: CategoryChoice;
  village: VillageChoice | null;
  description: string;
  landmark: string;
  lat: number | null;
  lon: number | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  anonymous: boolean;
  consent: { method: (typeof CONSENT_METHODS)[number]; note: string } | null;
  photoUrls: string[];
};

/** Every field at once: the person sees all that is wrong in one go. */
export function checkReport(input: SubmitReportInput, choices: ReportChoices): { errors: FieldError[]; checked: Checked | null } {
  const errors: FieldError[] = [];
  const categoryCode = (input.categoryCode ?? "").trim();
  const category = choices.categories.find((c) => c.code === categoryCode) ?? null;
  if (!categoryCode) errors.push(fieldError("categoryCode", "required", "reports.reporting.error.categoryRequired"));
  else if (!category) errors.push(fieldError("categoryCode", "unknown", "reports.reporting.error.categoryUnknown"));

  const description = (input.description ?? "").trim();
  if (!description) errors.push(fieldError("description", "required", "reports.reporting.error.descriptionRequired"));
  else if (description.length > DESCRIPTION_MAX) errors.push(fieldError("description", "too_big", "reports.reporting.error.tooLong", { max: DESCRIPTION_MAX }));

  const landmark = (input.landmark ?? "").trim();
  if (landmark.length > LANDMARK_MAX) errors.push(fieldError("landmark", "too_big", "reports.reporting.error.tooLong", { max: LANDMARK_MAX }));

  const villageCode = (input.villageCode ?? "").trim();
  const village = villageCode ? (choices.villages.find((v) => v.code === villageCode) ?? null) : null;
  if (villageCode && !village) errors.push(fieldError("villageCode", "unknown", "reports.reporting.error.village"));

  const { lat, lon } = checkCoordinates(input, errors, choices.area ?? null);

  const anonymous = input.anonymous === true;
  const assisted = input.channel === "assisted" || input.channel === "meeting";
  const name = anonymous ? null : (input.contact?.name ?? "").trim() || null;
  if (name && name.length > NAME_MAX) errors.push(fieldError("contact.name", "too_big", "reports.reporting.error.tooLong", { max: NAME_MAX }));
  if (assisted && !name) errors.push(fieldError("contact.name", "required", "reports.reporting.error.residentName"));
  let phone: string | null = null;
  const rawPhone = anonymous ? "" : (input.contact?.phone ?? "").trim();
  if (rawPhone) {
    const r = checkPhone(rawPhone);
    if (r.ok) phone = r.national;
    else errors.push(fieldError("contact.phone", r.code, `citizens.phone.${r.code}`));
  }
  const email = anonymous ? null : (input.contact?.email ?? "").trim() || null;
  if (email && (email.length > EMAIL_MAX || !EMAIL.test(email))) errors.push(fieldError("contact.email", "format", "reports.reporting.error.email"));
  if (assisted && anonymous) errors.push(fieldError("anonymous", "assisted", "reports.reporting.error.assistedAnonymous"));

  let consent: Checked["consent"] = null;
  if (assisted) {
    const method = input.consent?.method;
    const note = (input.consent?.note ?? "").trim();
    if (!method || !CONSENT_METHODS.includes(method)) errors.push(fieldError("consent.method", "required", "reports.reporting.error.consent"));
    else if (note.length > CONSENT_NOTE_MAX) errors.push(fieldError("consent.note", "too_big", "reports.reporting.error.tooLong", { max: CONSENT_NOTE_MAX }));
    else consent = { method, note };
  }

  const photoUrls = (input.photoUrls ?? []).map((u) => u.trim()).filter(Boolean);
  if (photoUrls.length > MAX_REPORT_PHOTOS)
    errors.push(fieldError("photoUrls", "too_big", "reports.reporting.error.tooManyPhotos", { max: MAX_REPORT_PHOTOS }));
  else if (photoUrls.some((u) => u.length > 1000 || !/^https?:\/\/[^\s]+$/i.test(u)))
    errors.push(fieldError("photoUrls", "format", "reports.reporting.error.photoUrl"));
  const photoCount = (input.photos ?? []).filter((p) => p.bytes.byteLength > 0).length;
  if (photoCount > MAX_REPORT_PHOTOS) errors.push(fieldError("photos", "too_big", "reports.reporting.error.tooManyPhotos", { max: MAX_REPORT_PHOTOS }));

  if (errors.length > 0 || !category) return { errors, checked: null };
  return { errors, checked: { category, village, description, landmark, lat, lon, name, phone, email, anonymous, consent, photoUrls } };
}

function checkCoordinates(input: SubmitReportInput, errors: FieldError[], area: ProvinceArea | null): { lat: number | null; lon: number | null } {
  const given = (v: number | null | undefined) => v !== null && v !== undefined;
  if (!given(input.lat) && !given(input.lon)) return { lat: null, lon: null };
  if (!given(input.lat) || !given(input.lon)) {
    errors.push(fieldError(given(input.lat) ? "lon" : "lat", "required", "reports.reporting.error.coordinatePair"));
    return { lat: null, lon: null };
  }
  const lat = Number(input.lat);
  const lon = Number(input.lon);
  let bad = false;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    errors.push(fieldError("lat", "range", "reports.reporting.error.latRange"));
    bad = true;
  }
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
    errors.push(fieldError("lon", "range", "reports.reporting.error.lonRange"));
    bad = true;
  }
  if (bad) return { lat: null, lon: null };
  // The province's rectangle when it has set one (the tighter check); Vietnam's extent otherwise.
  if (area) {
    const outside = outsideFields(area, lat, lon);
    for (const field of outside) errors.push(fieldError(field, "outside_province", "reports.reporting.error.outsideProvince", { province: area.provinceName }));
    if (outside.length > 0) return { lat: null, lon: null };
  } else if (!withinVietnam(lat, lon)) {
    errors.push(fieldError("lat", "outside", "reports.reporting.error.outside"));
    return { lat: null, lon: null };
  }
  // Six decimals are ten centimetres: more is noise, and says more about the device than the place.
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

/** Who is sending, for the flood limit: the account (and the address of a citizen or anonymous sender), the client. */
function floodLimits(deps: D, ctx: ReportCtx, input: SubmitReportInput): ThrottleLimit[] {
  const { windowMinutes, perCitizen, perAddress, perStaff } = deps.config.filing;
  const windowMs = windowMinutes * 60_000;
  const p = ctx.principal;
  if (input.channel === "open311") return [{ key: `open311:${input.open311ClientId ?? "none"}`, limit: perStaff, windowMs }];
  if (p && p.kind !== "citizen") return [{ key: `user:${p.userId}`, limit: perStaff, windowMs }];
  const ip = input.clientIp ? [{ key: `ip:${input.clientIp}`, limit: perAddress, windowMs }] : [];
  return p ? [{ key: `user:${p.userId}`, limit: perCitizen, windowMs }, ...ip] : ip;
}

/** Who caused the reporter's SMS, for the SMS limits; the office's own recording is not counted. */
function smsSender(ctx: ReportCtx, input: SubmitReportInput): string | null {
  if (input.channel === "open311") return `open311:${input.open311ClientId ?? "none"}`;
  if (input.channel === "assisted" || input.channel === "meeting") return null;
  if (ctx.principal) return `user:${ctx.principal.userId}`;
  return input.clientIp ? `ip:${input.clientIp}` : "anonymous";
}

export async function submitReport(deps: D, ctx: ReportCtx, input: SubmitReportInput): Promise<SubmitReportResult> {
  const p = ctx.principal;
  const now = deps.clock.now();
  const commune = await reportCommune(deps, input.communeCode ?? "");
  const assisted = input.channel === "assisted" || input.channel === "meeting";
  if (assisted) {
    if (!p) throw new AppError("unauthenticated", "error.unauthenticated");
    if (!canOnOrWithin(p, "report.assist", { code: commune.code, path: commune.path })) throw new AppError("not_found", "error.notFound");
  }
  if (input.channel === "open311" && !input.open311ClientId) throw new AppError("forbidden", "error.forbidden");

  const { errors, checked } = checkReport(input, await reportChoices(deps, commune));
  if (!checked) throw new AppError("validation", "error.validation", errors);
  const photos = await preparePhotos(input.photos ?? [], "photos");

  const counted = await reserve(deps.db, "reportSubmit", floodLimits(deps, ctx, input), now);
  if (!counted.allowed) {
    throw tooManyRequests("reports.reporting.error.throttled", counted.retryAfterSeconds, [
      { field: "description", code: "throttled", message: "reports.reporting.error.throttledField" },
    ]);
  }
  try {
    return await write(deps, ctx, input, commune, checked, photos, now);
  } catch (err) {
    await release(deps.db, counted); // a report that was not written is not counted
    throw err;
  }
}

async function write(
  deps: D,
  ctx: ReportCtx,
  input: SubmitReportInput,
  commune: AdminUnitRow,
  c: Checked,
  photos: Awaited<ReturnType<typeof preparePhotos>>,
  now: Date,
): Promise<SubmitReportResult> {
  const p = ctx.principal;
  const assisted = input.channel === "assisted" || input.channel === "meeting";
  const dueAt = computeDueAt(await loadWorkCalendar(deps), { receivedAt: now, duration: { unit: "days", amount: c.category.timeLimitDays }, cutOff: null });
  const token = newFollowToken();
  const id = randomUUID();
  const notifySms = !c.anonymous && !!c.phone;
  const publicBase = (deps.config.publicUrl ?? "").replace(/\/$/, "");
  // Recorded for someone: the report is theirs, not the helper's (their account is not known here).
  const reporterUserId = c.anonymous || assisted || input.channel === "open311" ? null : (p?.userId ?? null);
  return deps.db.tx(async (q) => {
    // Switched off since the form was checked: refused as an unknown category, nothing written.
    if (!(await categoryStillActive(q, c.category.id))) {
      throw new AppError("validation", "error.validation", [fieldError("categoryCode", "unknown", "reports.reporting.error.categoryUnknown")]);
    }
    let code = "";
    for (let attempt = 0; ; attempt++) {
      code = newReportCode();
      const inserted = await insertReport(q, {
        id,
        code,
        communeCode: commune.code,
        unitPath: c.village?.path ?? commune.path,
        villageCode: c.village?.code ?? null,
        categoryId: c.category.id,
        description: c.description,
        landmark: c.landmark,
        lat: c.lat,
        lon: c.lon,
        locationSource: c.lat === null ? "none" : (input.locationSource ?? (input.channel === "open311" ? "open311" : "map")),
        attributes: input.attributes ?? {},
        public: c.category.publicByDefault,
        reporterUserId,
        reporterName: c.name,
        reporterPhone: c.phone,
        reporterEmail: c.email,
        anonymous: c.anonymous,
        notifySms,
        followTokenHash: hashFollowToken(token),
        channel: input.channel,
        assistedBy: assisted ? (p?.userId ?? null) : null,
        assistedConsent:
          assisted && c.consent
            ? { given: true, method: c.consent.method, note: c.consent.note, recordedBy: p?.username, recordedByName: p?.displayName, at: now.toISOString() }
            : null,
        open311ClientId: input.channel === "open311" ? (input.open311ClientId ?? null) : null,
        dueAt,
        searchText: searchKey(`${code} ${c.description} ${c.landmark}`),
        now,
      });
      if (inserted) break;
      if (attempt >= 4) throw new Error("no free report code after 5 draws");
    }
    const quota = p ? uploadQuota(deps.config, p, input.clientIp ?? null, now) : null;
    await saveReportPhotos(q, { reportId: id, communeCode: commune.code, stage: "report", photos, actorUserId: p?.userId ?? null, quota });
    const followPath = reportPaths.follow(code, token);
    const followUrl = publicBase ? `${publicBase}${followPath}` : followPath;
    const told = await notifyReportReceived(deps, q, {
      reportId: id,
      code,
      followUrl,
      phone: notifySms ? c.phone : null,
      email: c.email,
      sender: smsSender(ctx, input),
    });
    // Whether the SMS was queued (not over the SMS limits): the sent page says so only when it was.
    await insertReportEvent(q, {
      reportId: id,
      kind: "submitted",
      toStatus: "received",
      actorUserId: p?.userId ?? null,
      data: { channel: input.channel, sms: told.sms, ...(c.photoUrls.length ? { mediaUrls: c.photoUrls } : {}) },
    });
    await deps.events.publish(q, {
      type: "report.submitted",
      actor: ctx.actor,
      target: { type: "report", id },
      adminUnitCode: commune.code,
      requestId: ctx.requestId,
      details: { code, category: c.category.code, channel: input.channel, photos: photos.length },
    });
    return { id, code, followToken: token, followUrl, dueAt, public: c.category.publicByDefault, notifySms };
  });
}
