// What the reporting pages share: reading the report form (text and photos), the status and step labels.
import type { Context } from "hono";
import type { FieldError } from "../../../../platform/http/app-error.ts";
import type { MessageKey, Translate } from "../../../../platform/i18n/i18n.ts";
import { Tag } from "../../../../platform/views/components.tsx";
import { REPORT_STEP_KINDS, type ReportStatus } from "../../reports.model.ts";
import type { IncomingPhoto } from "../../use-cases/photo-store.ts";
import type { SubmitReportInput } from "../submit-input.ts";

/** The form's text fields (the place step's and the full form's) and its photos. */
export async function readReportForm(c: Context): Promise<{ values: Record<string, string>; photos: IncomingPhoto[] }> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const photos: IncomingPhoto[] = [];
  for (const [k, v] of Object.entries(body)) {
    const list = Array.isArray(v) ? v : [v];
    for (const item of list) {
      if (item instanceof File) {
        if (k === "photos" && item.size > 0) photos.push({ name: item.name, claimedType: item.type || null, bytes: new Uint8Array(await item.arrayBuffer()) });
      } else if (typeof item === "string" && !k.startsWith("_") && values[k] === undefined) values[k] = item;
    }
  }
  return { values, photos };
}

const num = (s: string | undefined): number | null => {
  const v = (s ?? "").trim().replace(",", ".");
  if (v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** The form's values as the use case's input (the commune and channel come from the route). */
export function inputFromForm(values: Record<string, string>): Omit<SubmitReportInput, "communeCode" | "channel"> {
  const source = values.locationSource === "device" ? "device" : "map";
  return {
    categoryCode: values.categoryCode ?? "",
    description: values.description ?? "",
    villageCode: values.villageCode || null,
    landmark: values.landmark ?? "",
    lat: num(values.lat),
    lon: num(values.lon),
    locationSource: source,
    contact: { name: values["contact.name"] ?? null, phone: values["contact.phone"] ?? null, email: values["contact.email"] ?? null },
    anonymous: values.anonymous === "1",
  };
}

/** A 429 keeps the form with its message; other field errors are a 400. */
export const statusOfErrors = (errors: FieldError[]): 400 | 429 => (errors.some((e) => e.code === "throttled") ? 429 : 400);

export const statusText = (t: Translate, s: ReportStatus): string => t(`reports.reporting.status.${s}` as MessageKey);

export function StatusTag(p: { t: Translate; status: ReportStatus }) {
  const tone = p.status === "closed" || p.status === "resolved" ? "green" : p.status === "rejected" ? "red" : p.status === "received" ? "grey" : undefined;
  return <Tag tone={tone}>{statusText(p.t, p.status)}</Tag>;
}

const EVENT_KINDS = new Set<string>([...REPORT_STEP_KINDS, "supported"]);
export const eventText = (t: Translate, kind: string): string =>
  t((EVENT_KINDS.has(kind) ? `reports.reporting.event.${kind}` : "reports.reporting.event.other") as MessageKey);

/** The browser's own key for "tôi cũng gặp" (one support per browser when not signed in). */
export const SUPPORT_COOKIE = "xaso_rs";
