// The "Bad input" list, end to end over HTTP, on every way in: the resident's form (multipart, no
// JavaScript), the submit API (JSON) and Open311's POST requests (form-encoded, Open311's own error format). Each
// bad input is a clear 4xx naming the field, in Vietnamese and in English, and nothing is half-written: the rows
// of reports, report_photos, stored_files, report_events and the outbox are counted before and after each attempt.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { hashOpen311Key, newOpen311Key } from "../../src/modules/reports/use-cases/open311-client-key.ts";
import { CSRF_FIELD } from "../../src/platform/http/csrf.ts";
import { LANG_COOKIE } from "../../src/platform/http/middleware.ts";
import { fromAddress, json, TestClient } from "../support/client.ts";
import { buildVillage, GIA_PHU } from "../support/factories.ts";
import { buildDrainCategory, buildReportCategory } from "../support/report-factories.ts";
import { type TestApp, useTestApp } from "../support/test-app.ts";
import { describeDb } from "../support/test-db.ts";

type Lang = "vi" | "en";
type Photo = { name: string; type: string; bytes: Uint8Array };
const FLOOD_LIMIT = 4;

const TABLES = ["reports", "report_photos", "stored_files", "report_events", "outbox"] as const;

describeDb("citizen reports: bad input, end to end", () => {
  const app = useTestApp({ env: { FILING_MAX_PER_ADDRESS: String(FLOOD_LIMIT) } });
  let x: TestApp;
  let village: string;
  let jpeg: Buffer;
  let png: Buffer;
  let apiKey: string;
  let address = 0;
  /** Each attempt from its own address, so that only the flood test meets the flood limit. */
  const client = (lang: Lang, from = `198.51.100.${++address}`) => {
    const c = new TestClient(fromAddress(x.app, from), { "accept-language": lang });
    c.cookies.set(LANG_COOKIE, lang);
    return c;
  };

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = Number((await x.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
    return out;
  };
  /** Runs `attempt` and checks that it wrote nothing. */
  const nothingWritten = async <T>(attempt: () => Promise<T>): Promise<T> => {
    const before = await counts();
    const out = await attempt();
    expect(await counts(), "nothing half-written").toEqual(before);
    return out;
  };

  const good = () => ({
    categoryCode: "road",
    villageCode: village,
    landmark: "Cầu tràn",
    description: "Ổ gà lớn giữa đường, xe máy dễ ngã",
    "contact.name": "Lò Thị Mai",
    "contact.phone": "0912 345 678",
  });

  const postForm = (c: TestClient, fields: Record<string, string>, photos: Photo[] = []) => {
    const body = new FormData();
    body.set(CSRF_FIELD, c.csrfToken);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    for (const p of photos) body.append("photos", new File([new Uint8Array(p.bytes)], p.name, { type: p.type }));
    return c.request(`/reports/${GIA_PHU}/new`, { method: "POST", body });
  };

  /** The error summary's entries: the id of the field each one points at, and its text. */
  const summaryOf = (html: string) => {
    const box = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
    return [...box.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({ id: m[1]!, text: m[2]!.replace(/<[^>]+>/g, "") }));
  };

  beforeAll(async () => {
    x = app();
    village = (await buildVillage(x.deps, GIA_PHU)).code;
    await buildReportCategory(x.deps, { code: "road", nameVi: "Đường hỏng", nameEn: "Broken road" });
    await buildDrainCategory(x.deps);
    jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#886644" } })
      .jpeg()
      .toBuffer();
    png = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#446688" } })
      .png()
      .toBuffer();
    apiKey = newOpen311Key();
    await x.db.query(
      `INSERT INTO open311_clients (name, contact, unit_code, unit_path, key_hash, key_hint)
       SELECT 'Ứng dụng thử', '', code, path, $1, $2 FROM admin_units WHERE code = $3`,
      [hashOpen311Key(apiKey), apiKey.slice(-4), GIA_PHU],
    );
  });

  it("a good report goes through the form (the baseline the bad ones differ from)", async () => {
    const before = await counts();
    const res = await postForm(client("vi"), good(), [{ name: "o-ga.jpg", type: "image/jpeg", bytes: jpeg }]);
    expect(res.status).toBe(303);
    const after = await counts();
    expect(after.reports).toBe(before.reports! + 1);
    expect(after.report_photos).toBe(before.report_photos! + 1);
  });

  describe("the resident's form", () => {
    // Each case: what is changed in a good report, the status (the page answers 400 for a photo of the wrong type,
    // where the API says 415), the field ids the summary points at, and words of the message in each language.
    const big = () => {
      const b = Buffer.alloc(10 * 1024 * 1024 + 1);
      jpeg.copy(b);
      return b;
    };
    const cases: {
      name: string;
      fields?: Record<string, string>;
      photos?: () => Photo[];
      status: number;
      ids: string[];
      words: Record<Lang, RegExp[]>;
    }[] = [
      {
        name: "no category and no description",
        fields: { categoryCode: "", description: "  " },
        status: 400,
        ids: ["f-categoryCode", "f-description"],
        words: { vi: [/Loại việc/, /Mô tả/], en: [/Kind of problem/, /Description/] },
      },
      {
        name: "a description over 2,000 characters",
        fields: { description: "x".repeat(2001) },
        status: 400,
        ids: ["f-description"],
        words: { vi: [/Mô tả.*2[.,]?000/], en: [/Description.*2[.,]?000/] },
      },
      {
        name: "a landmark over 300 characters",
        fields: { landmark: "y".repeat(301) },
        status: 400,
        ids: ["f-landmark"],
        words: { vi: [/Địa điểm cụ thể/], en: [/Exact place/] },
      },
      {
        name: "a photo that is not an image",
        photos: () => [{ name: "thu.jpg", type: "image/jpeg", bytes: new TextEncoder().encode("Kính gửi UBND xã, đây là thư chứ không phải ảnh.") }],
        status: 400,
        ids: ["f-photos"],
        words: { vi: [/thu\.jpg/, /JPG, PNG/], en: [/thu\.jpg/, /JPG, PNG/] },
      },
      {
        name: "a photo that claims another type",
        photos: () => [{ name: "anh.jpg", type: "image/jpeg", bytes: png }],
        status: 400,
        ids: ["f-photos"],
        words: { vi: [/anh\.jpg/, /khác loại/], en: [/anh\.jpg/, /another type/] },
      },
      {
        name: "a photo over 10 MB",
        photos: () => [{ name: "lon.jpg", type: "image/jpeg", bytes: big() }],
        status: 413,
        ids: ["f-photos"],
        words: { vi: [/lon\.jpg/, /quá lớn/], en: [/lon\.jpg/, /too large/] },
      },
      {
        name: "four photos",
        photos: () => [1, 2, 3, 4].map((n) => ({ name: `${n}.jpg`, type: "image/jpeg", bytes: jpeg })),
        status: 400,
        ids: ["f-photos"],
        words: { vi: [/tối đa 3/], en: [/at most 3/] },
      },
      {
        name: "a latitude out of range",
        fields: { lat: "95", lon: "105.5" },
        status: 400,
        ids: ["f-lat"],
        words: { vi: [/Vĩ độ/], en: [/Latitude/] },
      },
      {
        name: "a longitude without a latitude",
        fields: { lon: "105.5" },
        status: 400,
        ids: ["f-lat"],
        words: { vi: [/Vĩ độ/], en: [/Latitude/] },
      },
      {
        name: "coordinates outside Vietnam (Bangkok)",
        fields: { lat: "13.75", lon: "100.5" },
        status: 400,
        ids: ["f-lat"],
        words: { vi: [/Việt Nam/], en: [/Vietnam/] },
      },
      {
        name: "a phone that is not a Vietnamese mobile",
        fields: { "contact.phone": "12345" },
        status: 400,
        ids: ["f-contact-phone"],
        words: { vi: [/Số điện thoại/], en: [/Mobile phone/] },
      },
    ];

    for (const lang of ["vi", "en"] as const)
      it.each(cases)(`$name: a 4xx naming the field (${lang}), nothing written`, async (c) => {
        const res = await nothingWritten(() => postForm(client(lang), { ...good(), ...c.fields }, c.photos?.() ?? []));
        const html = await res.text();
        const summary = summaryOf(html);
        expect({ status: res.status, ids: summary.map((s) => s.id).sort() }).toEqual({ status: c.status, ids: [...c.ids].sort() });
        for (const word of c.words[lang]) expect(summary.map((s) => s.text).join(" | ")).toMatch(word);
        // What was typed comes back (not the photos).
        if (!c.fields?.description) expect(html).toContain(good().description);
      });
  });

  describe("the submit API", () => {
    const base = () => ({ communeCode: GIA_PHU, categoryCode: "road", description: "Ổ gà lớn giữa đường", villageCode: village });
    type Problem = { status: number; errors?: { field: string; message: string }[] };
    const cases: { name: string; body: Record<string, unknown>; status: number; fields: string[] }[] = [
      {
        name: "no category and no description",
        body: { categoryCode: undefined, description: undefined },
        status: 400,
        fields: ["categoryCode", "description"],
      },
      { name: "a description over 2,000 characters", body: { description: "x".repeat(2001) }, status: 400, fields: ["description"] },
      { name: "latitude and longitude out of range", body: { lat: -91, lon: 181 }, status: 400, fields: ["lat", "lon"] },
      {
        name: "a photo that is not an image",
        body: { photos: [{ name: "a.jpg", contentType: "image/jpeg", contentBase64: Buffer.from("not an image at all").toString("base64") }] },
        status: 415,
        fields: ["photos.0"],
      },
    ];
    it.each(cases)("$name: problem+json naming the field, in vi and en, nothing written", async (c) => {
      const messages: Record<Lang, string[]> = { vi: [], en: [] };
      for (const lang of ["vi", "en"] as const) {
        const res = await nothingWritten(() => client(lang).request("/api/v1/reports", json({ ...base(), ...c.body })));
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        const problem = (await res.json()) as Problem;
        const fields = (problem.errors ?? []).map((e) => e.field);
        expect(res.status).toBe(c.status);
        for (const want of c.fields)
          expect(
            fields.some((f) => f === want || f.startsWith(`${want}.`) || want.startsWith(`${f}.`)),
            `${want} in ${fields}`,
          ).toBe(true);
        messages[lang] = (problem.errors ?? []).map((e) => e.message);
      }
      // The same errors, said in each language.
      expect(messages.en).toHaveLength(messages.vi.length);
      expect(messages.en).not.toEqual(messages.vi);
    });
  });

  describe("Open311 POST requests", () => {
    type O311Error = { code: number | string; description: string };
    const post = (lang: Lang, fields: Record<string, string>, format: "json" | "xml" = "json") =>
      client(lang).request(`/open311/v2/requests.${format}`, {
        method: "POST",
        body: new URLSearchParams({ jurisdiction_id: GIA_PHU, api_key: apiKey, address_string: "Cầu tràn", description: "Cống tắc, nước tràn", ...fields }),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });

    it.each<{ name: string; fields: Record<string, string>; status: number; word: string }>([
      { name: "an unknown service code", fields: { service_code: "no-such-service" }, status: 404, word: "service_code" },
      { name: "no service code", fields: { service_code: "" }, status: 400, word: "service_code" },
      { name: "a required attribute missing", fields: { service_code: "drain" }, status: 400, word: "attribute[size]" },
      { name: "an attribute value not in its list", fields: { service_code: "drain", "attribute[size]": "huge" }, status: 400, word: "attribute[size]" },
      { name: "no description and no media", fields: { service_code: "road", description: "" }, status: 400, word: "description" },
      { name: "a latitude out of range", fields: { service_code: "road", lat: "123", long: "105" }, status: 400, word: "lat" },
    ])("$name: Open311's error list naming the field, in vi and en, nothing written", async (c) => {
      const said: string[] = [];
      for (const lang of ["vi", "en"] as const) {
        const res = await nothingWritten(() => post(lang, c.fields));
        expect(res.status).toBe(c.status);
        // GeoReport v2: an array of errors, each with a code and a description.
        const errors = (await res.json()) as O311Error[];
        expect(Array.isArray(errors)).toBe(true);
        expect(errors.length).toBeGreaterThan(0);
        expect(String(errors[0]!.code)).toBe(String(c.status));
        expect(errors.map((e) => e.description).join(" ")).toContain(c.word);
        said.push(errors.map((e) => e.description).join(" "));
      }
      expect(said[1]).not.toBe(said[0]);
    });

    it("the same refusal in XML is Open311's <errors> document", async () => {
      const res = await nothingWritten(() => post("en", { service_code: "drain" }, "xml"));
      expect(res.status).toBe(400);
      const xml = await res.text();
      expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\s*<errors>\s*<error>\s*<code>400<\/code>\s*<description>[^<]*attribute\[size\]/i);
    });
  });

  it("a flood from one address: a 429 on the form and the API, saying when to try again, nothing written", async () => {
    const from = "203.0.113.77";
    for (let i = 0; i < FLOOD_LIMIT; i++) expect((await postForm(client("vi", from), good())).status).toBe(303);
    const page = await nothingWritten(() => postForm(client("vi", from), good()));
    expect(page.status).toBe(429);
    expect(await page.text()).toMatch(/quá nhiều phản ánh/);
    const api = await nothingWritten(() =>
      client("en", from).request("/api/v1/reports", json({ communeCode: GIA_PHU, categoryCode: "road", description: "Lại ổ gà" })),
    );
    expect(api.status).toBe(429);
    expect(await api.text()).toMatch(/too many reports/i);
  });
});
