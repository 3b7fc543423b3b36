// The hall's queue: settings, gap-free daily numbers under concurrency, the calling order and its locks, the
// counter's actions with versions, linking a dossier, the SMS keyword, the flood limits per address and per kiosk,
// the kiosk and ticket pages, and another commune's resources answering 404.
import { beforeAll, describe, expect, it } from "vitest";
import { fromAddress, json, TestClient } from "../../../../test/support/client.ts";
import { buildDossier, deskTeam, withCatalogue } from "../../../../test/support/dossier-factories.ts";
import { BAO_THANG, buildUser, GIA_PHU, PASSWORD, systemAdmin } from "../../../../test/support/factories.ts";
import { buildHousehold, buildRegistryVillage } from "../../../../test/support/registry-factories.ts";
import { type TestApp, useTestApp } from "../../../../test/support/test-app.ts";
import { describeDb } from "../../../../test/support/test-db.ts";
import { CSRF_HEADER } from "../../../platform/http/csrf.ts";
import type { Role } from "../../../platform/auth/roles.ts";
import { toLocalDay } from "../../../platform/calendar/vietnam-time.ts";
import { SYSTEM_ACTOR } from "../../../platform/events/domain-events.ts";
import { activateKiosk, registerKiosk } from "../use-cases/queue-kiosk-register.ts";
import { issueTicket } from "../use-cases/queue-take.ts";
import { hallSmsKeyword } from "./queue-sms.ts";

type Ticket = {
  id: string;
  label: string;
  status: string;
  version: number;
  ahead: number | null;
  counterNumber: number | null;
  source: string;
  procedureCode: string | null;
};

describeDb("the hall's queue", () => {
  const app = useTestApp();
  let x: TestApp;
  let admin: TestClient;
  let officer: TestClient;
  let officer2: TestClient;
  let strangerAdmin: TestClient;
  let serviceA: string;
  let serviceB: string;
  let counter1: string;
  let counter2: string;
  let foreignService: string;
  let foreignCounter: string;

  const signedIn = async (roles: [Role, string][]) => {
    const u = await buildUser(x.deps, { roles });
    const client = new TestClient(x.app);
    await client.signIn(u.username, PASSWORD);
    return client;
  };
  const post = (client: TestClient, path: string, body: unknown, headers: Record<string, string> = {}) =>
    client.request(path, json(body, { [CSRF_HEADER]: client.csrfToken, ...headers }));
  const take = async (client: TestClient, serviceId: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    post(client, `/api/v1/hall/${GIA_PHU}/tickets`, { serviceId, ...extra }, headers);

  beforeAll(async () => {
    x = app();
    admin = await signedIn([["commune_admin", GIA_PHU]]);
    officer = await signedIn([["one_stop_officer", GIA_PHU]]);
    officer2 = await signedIn([["one_stop_officer", GIA_PHU]]);
    strangerAdmin = await signedIn([["commune_admin", BAO_THANG]]);
    const a = await post(admin, `/api/v1/hall/${GIA_PHU}/services`, {
      letter: "a",
      nameVi: "Hộ tịch",
      nameEn: "Civil status",
      procedureFields: ["civilStatus"],
    });
    expect(a.status).toBe(201);
    serviceA = ((await a.json()) as { id: string }).id;
    const b = await post(admin, `/api/v1/hall/${GIA_PHU}/services`, { letter: "B", nameVi: "Chứng thực", nameEn: "Certification", position: 2 });
    serviceB = ((await b.json()) as { id: string }).id;
    const k1 = await post(admin, `/api/v1/hall/${GIA_PHU}/counters`, { number: 1, name: "Quầy 1", serviceIds: [serviceA, serviceB] });
    expect(k1.status).toBe(201);
    counter1 = ((await k1.json()) as { id: string }).id;
    const k2 = await post(admin, `/api/v1/hall/${GIA_PHU}/counters`, { number: 2, name: "Quầy 2", serviceIds: [serviceA] });
    counter2 = ((await k2.json()) as { id: string }).id;
    const fs = await post(strangerAdmin, `/api/v1/hall/${BAO_THANG}/services`, { letter: "A", nameVi: "Hộ tịch", nameEn: "Civil status" });
    foreignService = ((await fs.json()) as { id: string }).id;
    const fk = await post(strangerAdmin, `/api/v1/hall/${BAO_THANG}/counters`, { number: 1, name: "Quầy 1", serviceIds: [foreignService] });
    foreignCounter = ((await fk.json()) as { id: string }).id;
  });

  describe("settings", () => {
    it("saves a service again by its letter, and names the bad fields", async () => {
      const again = await post(admin, `/api/v1/hall/${GIA_PHU}/services`, {
        letter: "A",
        nameVi: "Hộ tịch – khai sinh",
        nameEn: "Civil status",
        procedureFields: ["civilStatus"],
      });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { id: string; nameVi: string }).id).toBe(serviceA);
      const bad = await post(admin, `/api/v1/hall/${GIA_PHU}/services`, { letter: "AB", nameVi: "", nameEn: "x", procedureFields: ["nope"] });
      expect(bad.status).toBe(400);
      const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(["letter", "nameVi", "procedureFields.0"]));
      const badCounter = await post(admin, `/api/v1/hall/${GIA_PHU}/counters`, { number: 3, name: "Quầy 3", serviceIds: [foreignService] });
      expect(badCounter.status).toBe(400);
      expect(((await badCounter.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("serviceIds");
    });

    it("answers another commune's settings with 404, and refuses officers without hall.manage", async () => {
      expect((await post(strangerAdmin, `/api/v1/hall/${GIA_PHU}/services`, { letter: "C", nameVi: "X", nameEn: "X" })).status).toBe(404);
      expect((await post(officer, `/api/v1/hall/${GIA_PHU}/services`, { letter: "C", nameVi: "X", nameEn: "X" })).status).toBe(403);
      expect((await strangerAdmin.get(`/api/v1/hall/${GIA_PHU}/counters`)).status).toBe(404);
      const page = await admin.get(`/office/hall/settings?commune=${GIA_PHU}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Quầy 2");
    });

    it("saves a service from the settings form, with the field's error on bad input", async () => {
      const bad = await admin.post(`/office/hall/settings/service?commune=${GIA_PHU}`, { letter: "7", nameVi: "Đất đai", nameEn: "Land", active: "true" });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("Chữ cái");
      const ok = await admin.post(`/office/hall/settings/service?commune=${GIA_PHU}`, {
        letter: "D",
        nameVi: "Đất đai",
        nameEn: "Land",
        procedureFields: "land",
        active: "true",
      });
      expect(ok.status).toBe(303);
      const { rows } = await x.db.query("SELECT procedure_fields FROM hall_services WHERE commune_code = $1 AND letter = 'D'", [GIA_PHU]);
      expect(rows[0]?.procedure_fields).toEqual(["land"]);
    });
  });

  describe("numbers", () => {
    it("never gives two parallel takes the same number, and leaves no gap", async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => take(officer, serviceB)));
      expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
      const labels = (await Promise.all(results.map(async (r) => ((await r.json()) as Ticket).label))).sort();
      expect(labels).toEqual(Array.from({ length: 12 }, (_, i) => `B${String(i + 1).padStart(3, "0")}`));
    });

    it("starts again at 001 on the next Vietnam day", async () => {
      const before = x.clock.now();
      x.clock.set(new Date(`${toLocalDay(before)}T17:30:00Z`)); // 00:30 the next day in Hà Nội
      // A session of its own: the day's other sessions would idle out at this hour.
      const night = await signedIn([["one_stop_officer", GIA_PHU]]);
      const r = (await (await take(night, serviceB)).json()) as Ticket;
      expect(r.label).toBe("B001");
      await x.db.query("UPDATE queue_tickets SET status = 'cancelled' WHERE id = $1", [r.id]);
      x.clock.set(before);
    });

    it("gives the same ticket back for the same request token", async () => {
      const first = await take(officer, serviceA, { requestToken: "tap-tap-0123456789ab" });
      const second = await take(officer, serviceA, { requestToken: "tap-tap-0123456789ab" });
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(((await second.json()) as Ticket).id).toBe(((await first.json()) as Ticket).id);
    });

    it("refuses another commune's service and bad bodies, naming the field", async () => {
      const foreign = await take(officer, foreignService);
      expect(foreign.status).toBe(400);
      expect(((await foreign.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("serviceId");
      const bad = await take(officer, "not-a-uuid", { requestToken: "x" });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(expect.arrayContaining(["serviceId", "requestToken"]));
      expect((await post(officer, "/api/v1/hall/99999/tickets", { serviceId: serviceA })).status).toBe(404);
    });
  });

  describe("floods", () => {
    it("limits an unregistered visitor per address, with Retry-After naming the limit", async () => {
      const visitor = new TestClient(fromAddress(x.app, "203.0.113.7"));
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await take(visitor, serviceA)).status);
      expect(statuses).toEqual([201, 201, 201, 429]);
      const last = await take(visitor, serviceA);
      expect(last.status).toBe(429);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(((await last.json()) as { detail?: string; title?: string }).detail ?? "").toMatch(/3/);
      // Another address is not held back.
      expect((await take(new TestClient(fromAddress(x.app, "203.0.113.8")), serviceA)).status).toBe(201);
    });

    it("limits a registered kiosk per device, not per address", async () => {
      const principal = await systemAdmin(x.deps);
      const reg = await registerKiosk(x.deps, { actor: SYSTEM_ACTOR, requestId: null, principal }, GIA_PHU, { name: "Máy sảnh" });
      const done = await activateKiosk(x.deps, { actor: SYSTEM_ACTOR, requestId: null }, reg.setupToken);
      expect(done?.communeCode).toBe(GIA_PHU);
      expect(await activateKiosk(x.deps, { actor: SYSTEM_ACTOR, requestId: null }, reg.setupToken)).toBeNull();
      const kiosk = new TestClient(fromAddress(x.app, "203.0.113.7"));
      const h = { "x-kiosk-key": done!.key };
      expect((await take(kiosk, serviceA, {}, h)).status).toBe(201);
      const burst = await take(kiosk, serviceA, {}, h);
      expect(burst.status).toBe(429);
      expect(burst.headers.get("retry-after")).toBe("2");
      x.clock.advance(2_500);
      const again = await take(kiosk, serviceA, {}, h);
      expect(again.status).toBe(201);
      expect(((await again.json()) as Ticket).source).toBe("kiosk");
    });

    it("takes a number at the kiosk page without JavaScript, and shows the 429 page", async () => {
      const visitor = new TestClient(fromAddress(x.app, "198.51.100.9"));
      const page = await visitor.get(`/hall/${GIA_PHU}/kiosk`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const token = /name="requestToken" value="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(html).toContain("Hộ tịch");
      const res = await visitor.post(`/hall/${GIA_PHU}/kiosk`, { serviceId: serviceA, requestToken: token });
      expect(res.status).toBe(303);
      const twice = await visitor.post(`/hall/${GIA_PHU}/kiosk`, { serviceId: serviceA, requestToken: token });
      expect(twice.headers.get("location")).toBe(res.headers.get("location"));
      const ticket = await visitor.get(res.headers.get("location")!);
      expect(ticket.status).toBe(200);
      const body = await ticket.text();
      expect(body).toMatch(/A0\d\d/);
      expect(body).toContain("<svg");
      for (let i = 0; i < 3; i++) await visitor.post(`/hall/${GIA_PHU}/kiosk`, { serviceId: serviceA });
      const flood = await visitor.post(`/hall/${GIA_PHU}/kiosk`, { serviceId: serviceA });
      expect(flood.status).toBe(429);
      expect(flood.headers.get("retry-after")).toBeTruthy();
      expect(await flood.text()).toContain("10 phút");
    });
  });

  describe("counters", () => {
    it("calls due online slots first, then in the order taken; two counters never call the same ticket", async () => {
      await x.db.query("UPDATE queue_tickets SET status = 'cancelled' WHERE commune_code = $1 AND status = 'waiting'", [GIA_PHU]);
      const now = x.clock.now();
      const day = toLocalDay(now);
      const walkIn = (await (await take(officer, serviceA)).json()) as Ticket;
      const online = await x.db.tx((q) =>
        issueTicket(q, x.deps, {
          communeCode: GIA_PHU,
          serviceId: serviceA,
          source: "online",
          day,
          slotStart: new Date(now.getTime() - 60_000),
          phone: "+84912345678",
          actor: SYSTEM_ACTOR,
          requestId: null,
        }),
      );
      const later = await x.db.tx((q) =>
        issueTicket(q, x.deps, {
          communeCode: GIA_PHU,
          serviceId: serviceA,
          source: "online",
          day,
          slotStart: new Date(now.getTime() + 3_600_000),
          actor: SYSTEM_ACTOR,
          requestId: null,
        }),
      );
      const first = await post(officer, `/api/v1/hall/counters/${counter1}/call-next`, {});
      expect(((await first.json()) as Ticket).id).toBe(online);
      const [a, b] = await Promise.all([
        post(officer, `/api/v1/hall/counters/${counter1}/call-next`, {}),
        post(officer2, `/api/v1/hall/counters/${counter2}/call-next`, {}),
      ]);
      const called = [a, b].filter((r) => r.status === 200);
      expect(called).toHaveLength(1);
      expect(((await called[0]!.json()) as Ticket).id).toBe(walkIn.id);
      expect([a, b].filter((r) => r.status === 204)).toHaveLength(1); // the slot an hour away is not called yet
      const notYet = (await (await officer.get(`/api/v1/hall/tickets/${later}`)).json()) as Ticket;
      expect(notYet.status).toBe("waiting");
    });

    it("recalls, serves and finishes with versions; no-show only after a call", async () => {
      const t = (await (await take(officer, serviceB)).json()) as Ticket;
      const early = await post(officer, `/api/v1/hall/tickets/${t.id}/no-show`, { version: t.version });
      expect(early.status).toBe(409);
      await x.db.query("UPDATE queue_tickets SET status = 'cancelled' WHERE commune_code = $1 AND status = 'waiting' AND id <> $2", [GIA_PHU, t.id]);
      const c = (await (await post(officer, `/api/v1/hall/counters/${counter1}/call-next`, {})).json()) as Ticket;
      expect(c.id).toBe(t.id);
      expect(c.counterNumber).toBe(1);
      const r = (await (await post(officer, `/api/v1/hall/tickets/${t.id}/recall`, { version: c.version })).json()) as Ticket & { callCount: number };
      expect(r.callCount).toBe(2);
      expect((await post(officer, `/api/v1/hall/tickets/${t.id}/serve`, { version: c.version })).status).toBe(409);
      const s = (await (await post(officer, `/api/v1/hall/tickets/${t.id}/serve`, { version: r.version })).json()) as Ticket;
      expect(s.status).toBe("serving");
      expect((await post(officer, `/api/v1/hall/tickets/${t.id}/serve`, { version: "x" })).status).toBe(400);
      const d = (await (await post(officer, `/api/v1/hall/tickets/${t.id}/done`, { version: s.version })).json()) as Ticket;
      expect(d.status).toBe("done");
      const n = (await (await take(officer, serviceB)).json()) as Ticket;
      const nc = (await (await post(officer, `/api/v1/hall/counters/${counter1}/call-next`, {})).json()) as Ticket;
      expect(nc.id).toBe(n.id);
      const ns = (await (await post(officer, `/api/v1/hall/tickets/${n.id}/no-show`, { version: nc.version })).json()) as Ticket;
      expect(ns.status).toBe("no_show");
      const audit = await x.db.query("SELECT 1 FROM audit_log WHERE action = 'queueTicket.noShow' AND target_id = $1", [n.id]);
      expect(audit.rowCount).toBe(1);
    });

    it("links the dossier filed at the counter and records its procedure", async () => {
      await withCatalogue(x.deps);
      const team = await deskTeam(x.deps);
      const dossier = await buildDossier(x.deps, team.desk, { channel: "counter" });
      const t = (await (await take(officer, serviceA)).json()) as Ticket;
      await x.db.query("UPDATE queue_tickets SET status = 'cancelled' WHERE commune_code = $1 AND status = 'waiting' AND id <> $2", [GIA_PHU, t.id]);
      const c = (await (await post(officer, `/api/v1/hall/counters/${counter1}/call-next`, {})).json()) as Ticket;
      const unknown = await post(officer, `/api/v1/hall/tickets/${t.id}/dossier`, { version: c.version, dossierCode: "NOPE-1" });
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe("dossierCode");
      const linked = await post(officer, `/api/v1/hall/tickets/${t.id}/dossier`, { version: c.version, dossierCode: dossier.code });
      expect(linked.status).toBe(200);
      expect(((await linked.json()) as Ticket).procedureCode).toBeTruthy();
      const { rows } = await x.db.query("SELECT dossier_id FROM queue_tickets WHERE id = $1", [t.id]);
      expect(rows[0]?.dossier_id).toBe(dossier.id);
    });

    it("answers another commune's counter and ticket with 404", async () => {
      expect((await post(officer, `/api/v1/hall/counters/${foreignCounter}/call-next`, {})).status).toBe(404);
      const foreign = await x.db.tx((q) =>
        issueTicket(q, x.deps, {
          communeCode: BAO_THANG,
          serviceId: foreignService,
          source: "desk",
          day: toLocalDay(x.clock.now()),
          actor: SYSTEM_ACTOR,
          requestId: null,
        }),
      );
      expect((await post(officer, `/api/v1/hall/tickets/${foreign}/recall`, { version: 1 })).status).toBe(404);
      expect((await post(officer, `/api/v1/hall/tickets/${foreign}/dossier`, { version: 1, dossierCode: "X" })).status).toBe(404);
      expect((await officer.get(`/api/v1/hall/tickets/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });

    it("works from the counter page's forms", async () => {
      const t = (await (await take(officer, serviceA)).json()) as Ticket;
      await x.db.query("UPDATE queue_tickets SET status = 'cancelled' WHERE commune_code = $1 AND status = 'waiting' AND id <> $2", [GIA_PHU, t.id]);
      expect((await officer2.post("/office/hall/counter/action", { commune: GIA_PHU, action: "sit", counterId: counter2 })).status).toBe(303);
      expect((await officer2.post("/office/hall/counter/action", { commune: GIA_PHU, action: "next", counterId: counter2 })).status).toBe(303);
      const page = await officer2.get(`/office/hall/counter?commune=${GIA_PHU}`);
      const html = await page.text();
      expect(html).toContain(t.label);
      const stale = await officer2.post("/office/hall/counter/action", { commune: GIA_PHU, action: "serve", ticketId: t.id, version: "1" });
      expect(stale.status).toBe(409);
      const view = (await (await officer.get(`/api/v1/hall/tickets/${t.id}`)).json()) as Ticket;
      expect(
        (await officer2.post("/office/hall/counter/action", { commune: GIA_PHU, action: "serve", ticketId: t.id, version: String(view.version) })).status,
      ).toBe(303);
      const ticketPage = await new TestClient(x.app).get(`/hall/t/${t.id}`);
      expect(ticketPage.status).toBe(200);
      expect(await ticketPage.text()).toContain("Đang phục vụ");
    });
  });

  describe("SMS", () => {
    it("gives a resident a number in their commune, the same one when asked again, and explains the form otherwise", async () => {
      const village = await buildRegistryVillage(x.deps, GIA_PHU);
      await buildHousehold(x.deps, { villageCode: village, members: [{ phone: "0987654321" }] });
      const sms = (text: string, from = "+84987654321") => hallSmsKeyword.handle(x.deps, { from, text, words: text.toUpperCase().split(/\s+/) });
      const first = await sms("SO A");
      expect(first.reply).toMatch(/^So cua ban: A\d{3}\. Con \d+ nguoi truoc\. .*\/hall\/t\//);
      const again = await sms("so a");
      expect(again.reply).toBe(first.reply);
      const byName = await sms("SO CHUNG THUC");
      expect(byName.reply).toMatch(/B\d{3}/);
      expect((await sms("SO A", "+84900000001")).reply).toMatch(/SO <ma xa>/);
      const withCode = await sms(`SO ${GIA_PHU} A`, "+84900000001");
      expect(withCode.reply).toMatch(/A\d{3}/);
      expect((await sms("SO A", "+84900000001")).reply).toBe(withCode.reply); // the last commune they queued in
      expect((await sms("SO 99999 A")).reply).toMatch(/Ma xa khong dung/);
      const { rows } = await x.db.query("SELECT count(*)::int AS n FROM queue_tickets WHERE phone = '+84987654321' AND service_id = $1", [serviceA]);
      expect(rows[0]?.n).toBe(1);
    });
  });

  describe("online booking", () => {
    it("books a free slot with an SMS confirmation, once per phone, within the slot's capacity", async () => {
      const visitor = new TestClient(fromAddress(x.app, "192.0.2.44"));
      const page = await visitor.get(`/hall/${GIA_PHU}/book?service=${serviceB}`);
      expect(page.status).toBe(200);
      const slot = /name="slotStart" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      expect(new Date(slot).getTime()).toBeGreaterThan(x.clock.now().getTime());
      const bad = await visitor.post(`/hall/${GIA_PHU}/book?service=${serviceB}`, { serviceId: serviceB, slotStart: "2020-01-01T00:00:00Z", phone: "12" });
      expect(bad.status).toBe(400);
      const badText = await bad.text();
      expect(badText).toContain("Giờ hẹn");
      expect(badText).toContain("Số điện thoại");
      const ok = await visitor.post(`/hall/${GIA_PHU}/book?service=${serviceB}`, { serviceId: serviceB, slotStart: slot, phone: "0912300001" });
      expect(ok.status).toBe(303);
      const again = await visitor.post(`/hall/${GIA_PHU}/book?service=${serviceB}`, { serviceId: serviceB, slotStart: slot, phone: "0912300001" });
      expect(again.headers.get("location")).toBe(ok.headers.get("location"));
      const id = ok.headers.get("location")!.split("/").pop()!;
      const sms = await x.db.query("SELECT payload FROM outbox WHERE dedupe_key = $1", [`hall:book:${id}`]);
      expect(sms.rows[0]?.payload).toMatchObject({ to: "+84912300001", text: expect.stringMatching(/^Da dat so B\d{3} luc/) });
      expect((await visitor.post(`/hall/${GIA_PHU}/book?service=${serviceB}`, { serviceId: serviceB, slotStart: slot, phone: "0912300002" })).status).toBe(303);
      const full = await visitor.post(`/hall/${GIA_PHU}/book?service=${serviceB}`, { serviceId: serviceB, slotStart: slot, phone: "0912300003" });
      expect(full.status).toBe(409); // the slot is full: a clear conflict, nothing issued
      const { rows } = await x.db.query("SELECT count(*)::int AS n FROM queue_tickets WHERE slot_start = $1 AND service_id = $2", [slot, serviceB]);
      expect(rows[0]?.n).toBe(2);
    });

    // hall/joinup: the same use case through /api/v1: slots listed, a booking made once, bad input named.
    it("books through the API: lists the slots, books one (201, then 200 for the same phone), names bad fields", async () => {
      const visitor = new TestClient(fromAddress(x.app, "192.0.2.45"));
      const list = await visitor.get(`/api/v1/hall/${GIA_PHU}/bookings/slots?serviceId=${serviceB}`);
      expect(list.status).toBe(200);
      const items = ((await list.json()) as { items: { start: string; free: number }[] }).items;
      const slot = items.find((s) => s.free === 2)!.start;
      const book = (body: unknown) => post(visitor, `/api/v1/hall/${GIA_PHU}/bookings`, body);
      const bad = await book({ serviceId: serviceB, slotStart: "2020-01-01T00:00:00Z", phone: "12" });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort()).toEqual(["phone", "slotStart"]);
      expect((await book({ serviceId: "nope", slotStart: slot })).status).toBe(400);
      const ok = await book({ serviceId: serviceB, slotStart: slot, phone: "0912300011" });
      expect(ok.status).toBe(201);
      const ticket = (await ok.json()) as { id: string; label: string };
      expect(ticket.label).toMatch(/^B\d{3}$/);
      const again = await book({ serviceId: serviceB, slotStart: slot, phone: "0912300011" });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { id: string }).id).toBe(ticket.id);
      const sms = await x.db.query("SELECT count(*)::int AS n FROM outbox WHERE dedupe_key = $1", [`hall:book:${ticket.id}`]);
      expect(sms.rows[0]?.n).toBe(1);
      expect((await visitor.get(`/api/v1/hall/99999/bookings/slots?serviceId=${serviceB}`)).status).toBe(404);
    });
  });
});
