// What the authoring pages share: reading the notice form (checkbox groups, dd/mm/yyyy days, the phone list, files)
// into the API's body shape, labels for categories, statuses and channels, and a group of checkboxes.
import type { Context } from "hono";
import type { FieldError } from "../../../../platform/http/app-error.ts";
import type { MessageKey, Translate } from "../../../../platform/i18n/i18n.ts";
import { Tag } from "../../../../platform/views/components.tsx";
import { readDayFields } from "../../../../platform/text/day-input.ts";
import type { NoticeRow, NoticeStatus } from "../../notices.model.ts";
import type { IncomingFile } from "../notice-files.ts";

export const categoryText = (t: Translate, c: string) => t(`notices.authoring.category.${c}` as MessageKey);
export const statusText = (t: Translate, s: NoticeStatus) => t(`notices.authoring.status.${s}` as MessageKey);
export const channelText = (t: Translate, c: string) => t(`notices.authoring.channel.${c}` as MessageKey);

export function StatusTag(p: { t: Translate; status: NoticeStatus }) {
  const tone = p.status === "published" ? "green" : p.status === "withdrawn" ? "red" : p.status === "draft" ? "grey" : undefined;
  return <Tag tone={tone}>{statusText(p.t, p.status)}</Tag>;
}

/** The posted form: single values, the checked boxes of each group, and the attached files. */
export type NoticeForm = { values: Record<string, string>; multi: Record<string, string[]>; files: IncomingFile[] };
export const MULTI_FIELDS = ["villageCodes", "channels", "audience.flags", "audience.roles"] as const;

export async function readNoticeForm(c: Context): Promise<NoticeForm> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  const files: IncomingFile[] = [];
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith("_")) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item instanceof File) {
        if (k === "attachments" && item.size > 0) files.push({ name: item.name, bytes: new Uint8Array(await item.arrayBuffer()) });
      } else if (typeof item === "string") {
        if ((MULTI_FIELDS as readonly string[]).includes(k)) multi[k] = [...(multi[k] ?? []), item];
        else if (values[k] === undefined) values[k] = item;
      }
    }
  }
  return { values, multi, files };
}

/** The form as the API body; the days it could not read come back as the page's own errors. */
export function inputFromForm(f: NoticeForm, withVersion: boolean): { input: Record<string, unknown>; dayErrors: FieldError[] } {
  const days = readDayFields(f.values, ["validFrom", "validUntil"]);
  const v = days.values;
  const list = (v["audience.list"] ?? "").split(/\r?\n/);
  const input: Record<string, unknown> = {
    ...(v.unitCode ? { unitCode: v.unitCode } : {}),
    category: v.category || undefined,
    title: v.title ?? "",
    body: v.body ?? "",
    scope: v.scope || undefined,
    villageCodes: v.scope === "villages" ? (f.multi.villageCodes ?? []) : [],
    validFrom: v.validFrom || undefined,
    validUntil: v.validUntil || null,
    channels: f.multi.channels ?? [],
    audience: {
      flags: f.multi["audience.flags"] ?? [],
      roles: f.multi["audience.roles"] ?? [],
      list: list.some((l) => l.trim()) ? list : [],
    },
    // An empty box means "derive it"; the form shows the author's own text when there is one.
    smsText: v.smsText?.trim() || null,
    speechText: v.speechText?.trim() || null,
    ...(withVersion ? { version: Number(v.version) } : {}),
  };
  return { input, dayErrors: days.errors };
}

/** The form's values from a stored notice (for the edit page). */
export function formOfNotice(n: NoticeRow): { values: Record<string, string>; multi: Record<string, string[]> } {
  return {
    values: {
      unitCode: n.unitCode,
      category: n.category,
      title: n.title,
      body: n.body,
      scope: n.scope,
      validFrom: n.validFrom,
      validUntil: n.validUntil ?? "",
      "audience.list": (n.audience.list ?? []).map((x) => x.replace(/^\+84/, "0")).join("\n"),
      smsText: n.smsEdited ? (n.smsText ?? "") : "",
      speechText: n.speechEdited ? (n.speechText ?? "") : "",
      version: String(n.version),
    },
    multi: {
      villageCodes: n.villageCodes,
      channels: n.channels,
      "audience.flags": n.audience.flags ?? [],
      "audience.roles": n.audience.roles ?? [],
    },
  };
}
