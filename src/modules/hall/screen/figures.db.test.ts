// The hall's figures on known tickets: medians, averages and 90th percentiles worked out here from the fixtures
// (PostgreSQL's percentile_cont: linear interpolation), hours in Vietnam time, no-shows and sources; the access rule
// (hall.read; another commune's: 404), the page, the CSV and bad input.
import { beforeAll, expect, it } from "vitest";
import { TestClient } from "../../../../test/support/client.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD } from "../../../../test/support/factories.ts";
import { buildCounter, buildHallService } from "../../../../test/support/notice-factories.ts";
import { buildTicket } from "../../../../test/support/screen-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { principalOfUser } from "../../identity/index.ts";
import { hallPaths } from "../hall-paths.ts";
import { hallFigures } from "../index.ts";

const MIN = 60_000;
const percentile = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return Math.round(s[lo]! + (s[hi]! - s[lo]!) * (rank - lo));
};
const average = (v: number[]) => (v.length === 0 ? null : Math.round(v.reduce((a, b) => a + b, 0) / v.length));

describeDb("hall figures", () => {
  const app = useTestApp();
  let x: TestApp;
  let officer: TestClient;
  let bossId: string;
  let counters: { id: string; number: number }[];
  // [counter index, service letter, source, taken (UTC), wait minutes or null, service minutes or null, status, procedure]
  type Plan = {
    k: number;
    letter: "A" | "B";
    source: "kiosk" | "sms" | "online" | "desk";
    taken: string;
    wait: number | null;
    serve: number | null;
    status: "done" | "no_show" | "waiting" | "cancelled";
    proc: string | null;
  };
  const plan: Plan[] = [
    { k: 0, letter: "A", source: "kiosk", taken: "2026-11-10T01:05:00Z", wait: 4, serve: 10, status: "done", proc: "1.001" },
    { k: 0, letter: "A", source: "kiosk", taken: "2026-11-10T01:20:00Z", wait: 12, serve: 6, status: "done", proc: "1.001" },
    { k: 1, letter: "B", source: "sms", taken: "2026-11-10T01:40:00Z", wait: 7, serve: 20, status: "done", proc: "2.002" },
    { k: 1, letter: "B", source: "online", taken: "2026-11-10T03:10:00Z", wait: 30, serve: null, status: "no_show", proc: null },
    { k: 0, letter: "A", source: "desk", taken: "2026-11-11T02:00:00Z", wait: 1, serve: 3, status: "done", proc: null },
    { k: 0, letter: "A", source: "kiosk", taken: "2026-11-11T02:30:00Z", wait: null, serve: null, status: "cancelled", proc: null },
  ];

  beforeAll(async () => {
    x = app();
    const a = await buildHallService(x.deps, { letter: "A", nameVi: "Hộ tịch", nameEn: "Civil status" });
    const b = await buildHallService(x.deps, { letter: "B", nameVi: "Đất đai", nameEn: "Land" });
    counters = [await buildCounter(x.deps, { number: 1, serviceIds: [a.id] }), await buildCounter(x.deps, { number: 2, serviceIds: [b.id] })];
    const numbers = { A: 0, B: 0 };
    for (const p of plan) {
      const taken = new Date(p.taken);
      const calledAt = p.wait === null ? null : new Date(taken.getTime() + p.wait * MIN);
      const doneAt = p.serve === null || !calledAt ? null : new Date(calledAt.getTime() + p.serve * MIN);
      await buildTicket(x.db, {
        serviceId: p.letter === "A" ? a.id : b.id,
        letter: p.letter,
        day: new Date(taken.getTime() + 7 * 3_600_000).toISOString().slice(0, 10),
        number: ++numbers[p.letter],
        status: p.status,
        source: p.source,
        counterId: calledAt ? counters[p.k]!.id : null,
        procedureCode: p.proc,
        takenAt: taken,
        calledAt,
        doneAt,
      });
    }
    // Outside the period, and another commune's: neither counts.
    await buildTicket(x.db, { serviceId: a.id, day: "2026-11-01", number: 1, takenAt: new Date("2026-11-01T01:00:00Z"), status: "waiting" });
    const other = await buildHallService(x.deps, { communeCode: BAO_THANG, letter: "A" });
    await buildTicket(x.db, { communeCode: BAO_THANG, serviceId: other.id, day: "2026-11-10", number: 1, takenAt: new Date("2026-11-10T01:00:00Z") });
    bossId = (await buildUser(x.deps, { username: "hallboss", roles: [["commune_admin", GIA_PHU]] })).id;
    officer = new TestClient(x.app);
    await officer.signIn("hallboss", PASSWORD);
  });

  it("computes waiting and service times per counter, service, hour (Vietnam time) and day, with no-shows and sources", async () => {
    const res = await officer.get("/api/v1/hall/figures?commune=02923&from=2026-11-10&to=2026-11-11");
    expect(res.status).toBe(200);
    const f = await res.json();
    const secs = (m: number) => m * 60;
    const waits = plan.filter((p) => p.wait !== null).map((p) => secs(p.wait!));
    const serves = plan.filter((p) => p.serve !== null && p.status === "done").map((p) => secs(p.serve!));
    expect(f.totals).toMatchObject({
      tickets: plan.length,
      served: plan.filter((p) => p.status === "done").length,
      noShows: 1,
      cancelled: 1,
      waiting: { count: waits.length, median: percentile(waits, 0.5), average: average(waits), p90: percentile(waits, 0.9) },
      service: { count: serves.length, median: percentile(serves, 0.5), average: average(serves), p90: percentile(serves, 0.9) },
    });
    const counter1 = plan.filter((p) => p.k === 0 && p.wait !== null);
    const row1 = f.byCounter.find((r: { key: string }) => r.key === "1");
    expect(row1.label).toBe("Quầy 1 – Quầy 1");
    expect(row1.waiting.median).toBe(
      percentile(
        counter1.map((p) => secs(p.wait!)),
        0.5,
      ),
    );
    expect(f.byService.map((r: { key: string; tickets: number }) => [r.key, r.tickets])).toEqual([
      ["A", plan.filter((p) => p.letter === "A").length],
      ["B", plan.filter((p) => p.letter === "B").length],
    ]);
    // 01:05Z is 08:05 in Vietnam; 03:10Z is 10:10.
    const hours = Object.fromEntries(f.byHour.map((r: { key: string; tickets: number }) => [r.key, r.tickets]));
    expect(hours).toEqual({ "08": 3, "09": 2, "10": 1 });
    expect(f.byDay.map((r: { key: string }) => r.key)).toEqual(["2026-11-10", "2026-11-11"]);
    expect(f.byProcedure.map((r: { key: string; tickets: number }) => [r.key, r.tickets])).toEqual([
      ["1.001", 2],
      ["2.002", 1],
    ]);
    const sources = Object.fromEntries(f.bySource.map((r: { key: string; tickets: number }) => [r.key, r.tickets]));
    expect(sources).toEqual({ desk: 1, kiosk: 3, online: 1, sms: 1 });
  });

  it("is the same through the exported use case, refuses another commune (404) and the anonymous (401)", async () => {
    const api = await (await officer.get("/api/v1/hall/figures?commune=02923&from=2026-11-10&to=2026-11-11")).json();
    expect((await officer.get("/api/v1/hall/figures?commune=02905&from=2026-11-10&to=2026-11-11")).status).toBe(404);
    expect((await x.app.request("/api/v1/hall/figures?commune=02923")).status).toBe(401);
    const principal = await principalOfUser(x.deps, bossId);
    const direct = await hallFigures(x.deps, { principal }, { unitCode: GIA_PHU, from: "2026-11-10", to: "2026-11-11" });
    expect(direct).toEqual(api);
  });

  it("answers bad periods with a 400 naming the field", async () => {
    const order = await officer.get("/api/v1/hall/figures?commune=02923&from=2026-11-12&to=2026-11-10");
    expect(order.status).toBe(400);
    expect(JSON.stringify(await order.json())).toContain("from");
    expect((await officer.get("/api/v1/hall/figures?commune=02923&from=2026-02-30")).status).toBe(400);
    expect((await officer.get("/api/v1/hall/figures?commune=02923&from=2024-01-01&to=2026-11-10")).status).toBe(400);
    expect((await officer.get("/api/v1/hall/figures?commune=x")).status).toBe(400);
    expect((await officer.get(`${hallPaths.figures}?from=31/02/2026`)).status).toBe(400);
  });

  it("shows the figures page with a table per view and a CSV download", async () => {
    const res = await officer.get(`${hallPaths.figures}?from=10/11/2026&to=11/11/2026`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const caption of ["Theo quầy", "Theo dịch vụ", "Theo thủ tục", "Theo giờ đến trong ngày", "Theo ngày", "Theo cách lấy số"])
      expect(html).toContain(caption);
    expect(html).toContain("08:00–08:59");
    const csv = await officer.get(`${hallPaths.figures}?commune=02923&from=2026-11-10&to=2026-11-11&format=csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The BOM first, so that Excel reads UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toMatch(/^view,key,label,tickets/);
    expect(lines.find((l) => l.startsWith("totals,"))).toContain(`,${plan.length},`);
    // Signed out: sent to the sign-in page.
    expect((await x.app.request(hallPaths.figures)).status).toBe(303);
  });
});
