// The two wire formats of one answer tree, and W3C dates both ways.
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { list, parseW3c, serialise, w3c } from "./open311-format.ts";

const tree = list("request", [
  { service_request_id: "PA-1", description: 'Ống <vỡ> & "rò"\u0007 nước', lat: 22.5, media_url: null, values: list("value", [{ key: "a" }]) },
]);

describe("serialise", () => {
  it("writes JSON by the Spark convention: the root dropped, list containers as arrays, nulls kept", () => {
    expect(JSON.parse(serialise("json", "service_requests", tree))).toEqual([
      { service_request_id: "PA-1", description: 'Ống <vỡ> & "rò"\u0007 nước', lat: 22.5, media_url: null, values: [{ key: "a" }] },
    ]);
  });

  it("writes well-formed XML: a declaration, escaped text, empty elements for nulls, no character XML cannot carry", () => {
    const text = serialise("xml", "service_requests", tree);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<service_requests>')).toBe(true);
    expect(text).toContain("&lt;vỡ&gt; &amp;");
    expect(text).not.toContain("\u0007");
    const doc = new XMLParser({ parseTagValue: false }).parse(text);
    expect(doc.service_requests.request).toMatchObject({ service_request_id: "PA-1", description: 'Ống <vỡ> & "rò" nước', media_url: "", lat: "22.5" });
    expect(doc.service_requests.request.values.value).toEqual({ key: "a" });
  });

  it("writes an empty list as an empty container", () => {
    expect(JSON.parse(serialise("json", "services", list("service", [])))).toEqual([]);
    expect(new XMLParser().parse(serialise("xml", "services", list("service", [])))).toHaveProperty("services");
  });
});

describe("W3C dates", () => {
  it("answers in Vietnam's offset", () => {
    expect(w3c(new Date("2026-11-23T03:00:00Z"))).toBe("2026-11-23T10:00:00+07:00");
    expect(w3c(new Date("2026-12-31T17:30:05.900Z"))).toBe("2027-01-01T00:30:05+07:00");
    expect(w3c(null)).toBeNull();
  });

  it("reads every W3C precision, a date without a zone as Vietnam's, and refuses what is not a date", () => {
    expect(parseW3c("2010-01-01T00:00:00Z")?.toISOString()).toBe("2010-01-01T00:00:00.000Z");
    expect(parseW3c("1994-11-05T08:15:30-05:00")?.toISOString()).toBe("1994-11-05T13:15:30.000Z");
    expect(parseW3c("2026-11-23T10:00+07:00")?.toISOString()).toBe("2026-11-23T03:00:00.000Z");
    expect(parseW3c("2026-11-23")?.toISOString()).toBe("2026-11-22T17:00:00.000Z");
    expect(parseW3c("2026-11")?.toISOString()).toBe("2026-10-31T17:00:00.000Z");
    expect(parseW3c("2026")?.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(parseW3c("2026-11-23T10:00:00.250+07:00")?.toISOString()).toBe("2026-11-23T03:00:00.250Z");
    for (const bad of ["", "yesterday", "2026-02-31", "2026-13-01", "2026-11-23T25:00:00Z", "23/11/2026", "2026-11-23T10:00:00+7"])
      expect(parseW3c(bad), bad).toBeNull();
  });
});
