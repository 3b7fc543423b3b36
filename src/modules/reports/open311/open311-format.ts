// One tree, two wire formats: GeoReport v2's XML and its JSON, the "Spark convention" mapping of that XML (a
// container of one repeated child becomes an array; the root element is dropped). Dates are W3C with +07:00.
import { XMLBuilder } from "fast-xml-parser";
import { VIETNAM_OFFSET_MS } from "../../../platform/calendar/vietnam-time.ts";

export type Fmt = "json" | "xml";
export const CONTENT_TYPE: Record<Fmt, string> = { json: "application/json; charset=utf-8", xml: "text/xml; charset=utf-8" };

/** A container of repeated `tag` elements: an array in JSON, `<tag>` children in XML. */
export class XList {
  constructor(
    readonly tag: string,
    readonly items: readonly XNode[],
  ) {}
}
export type XNode = null | string | number | boolean | XList | { readonly [k: string]: XNode };

export const list = (tag: string, items: readonly XNode[]) => new XList(tag, items);

function toJsonValue(n: XNode): unknown {
  if (n instanceof XList) return n.items.map(toJsonValue);
  if (n !== null && typeof n === "object") return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, toJsonValue(v)]));
  return n;
}

/** Drops the characters XML 1.0 cannot carry at all (a report's text may hold a stray control character). */
function xmlText(s: string): string {
  if (!/[\p{Cc}\uFFFE\uFFFF]/u.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

function toXmlValue(n: XNode): unknown {
  if (n instanceof XList) return { [n.tag]: n.items.map(toXmlValue) };
  if (n === null) return "";
  if (typeof n === "object") return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, toXmlValue(v)]));
  return xmlText(String(n));
}

const builder = new XMLBuilder({ format: true, indentBy: "  ", suppressEmptyNode: false, processEntities: true });

/** The body of an answer: `root` names the XML root element (dropped in JSON, as the Spark convention does). */
export function serialise(fmt: Fmt, root: string, body: XNode): string {
  if (fmt === "json") return JSON.stringify(toJsonValue(body));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: toXmlValue(body) })}`;
}

/** W3C date-time in Vietnam's offset: 2026-11-23T10:00:00+07:00. */
export function w3c(d: Date | null): string | null {
  if (!d) return null;
  return `${new Date(d.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/**
 * A W3C date-time (https://www.w3.org/TR/NOTE-datetime): YYYY, YYYY-MM, YYYY-MM-DD, or with hh:mm[:ss[.s]] and a
 * zone (Z or ±hh:mm). A date or a time without a zone is read in Vietnam's time. Null when it is not one.
 */
export function parseW3c(raw: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(raw.trim());
  if (!m) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", frac = "", zone = "+07:00"] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`);
  if (Number.isNaN(date.getTime())) return null;
  // 2026-02-31 would roll over to March: refuse it.
  const local = new Date(date.getTime() + offsetMs(zone));
  if (local.getUTCDate() !== day || local.getUTCMonth() + 1 !== month) return null;
  return date;
}

function offsetMs(zone: string): number {
  if (zone === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
}
