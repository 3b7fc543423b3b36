// The Open311 adapter's contract with the reporting part's submitReport: what it hands over (channel, client,
// location source, attributes, media_url as a link, no device_id), that it hands nothing over when a check fails, and
// that a refusal from submitReport comes back naming Open311's fields (long, phone, service_code), not ours.
import { beforeAll, expect, it } from "vitest";
import { acting } from "../../../../test/support/dossier-factories.ts";
import { buildUser, GIA_PHU } from "../../../../test/support/factories.ts";
import { buildReportCategory } from "../../../../test/support/report-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { AppError } from "../../../platform/http/app-error.ts";
import { findCommune } from "../open311/open311.repository.ts";
import { registerOpen311Client } from "./open311-clients-register.ts";
import { type Open311SubmitInput, postOpen311Request, type SubmitReportFn } from "./open311-post.ts";

describeDb("postOpen311Request hands one checked report to submitReport", () => {
  const app = useTestApp();
  let x: TestApp;
  let apiKey: string;

  beforeAll(async () => {
    x = app();
    await buildReportCategory(x.deps, {
      code: "drain",
      attributes: [{ code: "size", datatype: "multivaluelist", required: true, values: [{ key: "a" }, { key: "b" }, { key: "c" }] }],
    });
    const admin = await acting(x.deps, await buildUser(x.deps, { roles: [["commune_admin", GIA_PHU]] }));
    apiKey = (await registerOpen311Client(x.deps, admin, { name: "Adapter", contact: "", unitCode: GIA_PHU })).apiKey;
  });

  const run = async (fields: Record<string, string | string[]>, submit: SubmitReportFn) => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
    const commune = (await findCommune(x.db, GIA_PHU, x.deps.config.servedProvinces))!;
    return postOpen311Request(x.deps, { form, clientIp: "198.51.100.7", requestId: "r-1", locale: "vi", submit }, commune);
  };

  it("passes the Open311 fields in submitReport's words, and keeps the token with the report", async () => {
    const seen: Open311SubmitInput[] = [];
    const stub: SubmitReportFn = async (_deps, ctx, input) => {
      seen.push(input);
      expect(ctx.principal).toBeNull();
      expect(ctx.actor).toEqual({ userId: null, label: "open311:Adapter" });
      const { rows } = await x.db.query<{ id: string }>(
        `INSERT INTO reports (code, commune_code, unit_path, category_id, description, channel, open311_client_id)
         SELECT 'PA-STUB1', $1, path, (SELECT id FROM report_categories WHERE code = 'drain'), $2, 'open311', $3 FROM admin_units WHERE code = $1
         RETURNING id`,
        [GIA_PHU, input.description, input.open311ClientId],
      );
      return { id: rows[0]!.id, code: "PA-STUB1", dueAt: null, public: true };
    };
    const out = await run(
      {
        api_key: apiKey,
        service_code: "drain",
        "attribute[size][]": ["a", "c"],
        description: " Cống tắc ",
        lat: "22.3",
        long: "104.1",
        first_name: "Lò",
        phone: "0912345678",
        device_id: "imei-1",
        media_url: "https://example.org/a.jpg",
      },
      stub,
    );
    expect(seen).toEqual([
      expect.objectContaining({
        communeCode: GIA_PHU,
        categoryCode: "drain",
        description: "Cống tắc",
        lat: 22.3,
        lon: 104.1,
        locationSource: "open311",
        attributes: { size: ["a", "c"] },
        contact: { name: "Lò", phone: "0912345678", email: null },
        anonymous: false,
        photoUrls: ["https://example.org/a.jpg"],
        channel: "open311",
        clientIp: "198.51.100.7",
      }),
    ]);
    expect(JSON.stringify(seen)).not.toContain("imei-1");
    const token = (await x.db.query("SELECT open311_token FROM reports WHERE code = 'PA-STUB1'")).rows[0]!.open311_token;
    expect(out).toMatchObject({ code: "PA-STUB1", token });
  });

  it("calls nothing when a check fails", async () => {
    let calls = 0;
    const counting: SubmitReportFn = async () => {
      calls++;
      throw new Error("not reached");
    };
    await expect(run({ api_key: apiKey, service_code: "drain", description: "x", address_string: "y" }, counting)).rejects.toBeInstanceOf(AppError);
    expect(calls).toBe(0);
  });

  it("names Open311's fields in submitReport's refusals", async () => {
    const refusing: SubmitReportFn = async () => {
      throw new AppError("validation", "error.validation", [
        { field: "lon", code: "outside", message: "reports.open311.error.locationOutside" },
        { field: "contact.phone", code: "format", message: "reports.open311.error.field" },
        { field: "somethingElse", code: "x", message: "reports.open311.error.field" },
      ]);
    };
    const err = await run({ api_key: apiKey, service_code: "drain", "attribute[size]": "a", description: "x", lat: "1", long: "2" }, refusing).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fields.map((f) => f.field)).toEqual(["long", "phone", "somethingElse"]);
  });
});
