// Our rows in GeoReport v2's words. Never a reporter's personal data: the address is the landmark and the village.
import type { Locale, Translate } from "../../../platform/i18n/i18n.ts";
import { reportPaths } from "../report-paths.ts";
import { open311Status } from "../reports.model.ts";
import type { Open311Attribute } from "./open311-attributes.ts";
import { list, w3c, type XNode } from "./open311-format.ts";
import type { RequestRow, ServiceRow } from "./open311.repository.ts";

export function serviceNotice(t: Translate, s: { responsibleUnit: string; timeLimitDays: number }): string {
  return s.responsibleUnit
    ? t("reports.open311.serviceNotice", { unit: s.responsibleUnit, days: s.timeLimitDays })
    : t("reports.open311.serviceNoticeNoUnit", { days: s.timeLimitDays });
}

export function presentService(s: ServiceRow, locale: Locale, group: string, hasAttributes: boolean): XNode {
  return {
    service_code: s.code,
    service_name: locale === "en" ? s.nameEn : s.nameVi,
    description: (locale === "en" ? s.descriptionEn : s.descriptionVi) || null,
    metadata: hasAttributes,
    type: "realtime",
    keywords: s.keywords || null,
    group,
  };
}

export function presentDefinition(code: string, attributes: readonly Open311Attribute[]): XNode {
  return {
    service_code: code,
    attributes: list(
      "attribute",
      attributes.map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatypeDescription || null,
        order: a.order,
        description: a.description,
        values: list(
          "value",
          a.values.map((v) => ({ key: v.key, name: v.name })),
        ),
      })),
    ),
  };
}

/** What the status means in words, then the commune's own public explanation (a rejection's reason, the answer). */
export function statusNotes(t: Translate, r: Pick<RequestRow, "status" | "rejectReason" | "statusNote" | "answer">): string {
  const parts = [t(`reports.open311.status.${r.status}`)];
  if (r.status === "rejected" && r.rejectReason)
    parts[0] = `${parts[0]}: ${t(`reports.open311.reject.${r.rejectReason}` as "reports.open311.reject.duplicate")}`;
  const note = r.statusNote ?? ((r.status === "resolved" || r.status === "closed") && r.answer ? r.answer : null);
  if (note) parts.push(note);
  return parts.join(". ");
}

export function presentRequest(r: RequestRow, t: Translate, locale: Locale, publicUrl: string): XNode {
  const closed = open311Status(r.status) === "closed";
  return {
    service_request_id: r.code,
    status: open311Status(r.status),
    status_notes: statusNotes(t, r),
    service_name: locale === "en" ? r.serviceNameEn : r.serviceNameVi,
    service_code: r.serviceCode,
    description: r.description,
    agency_responsible: r.responsibleUnit || null,
    service_notice: serviceNotice(t, r),
    requested_datetime: w3c(r.createdAt),
    updated_datetime: w3c(closed && r.closedAt ? r.closedAt : r.updatedAt),
    expected_datetime: w3c(r.dueAt),
    address: [r.landmark, r.villageName].filter((s) => s && s.trim() !== "").join(", ") || null,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: r.photoId ? `${publicUrl}${reportPaths.photo(r.photoId)}` : null,
  };
}
