import pino from "pino";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createTestDatabase, describeDb, type TestDatabase } from "../../../test/support/test-db.ts";
import { createOutboxWorker, enqueue } from "../../platform/jobs/outbox.ts";
import { createDevEmailSink, createDevSmsSink, enqueueNotification, notificationHandlers, type NotificationInput } from "./index.ts";

const log = pino({ level: "silent" });
const clock = { now: () => new Date(Date.now() + 60_000) };

const input: NotificationInput = {
  kind: "dossierReceived",
  data: { dossierCode: "H15-0007", procedureName: "Đăng ký khai sinh", dueAt: new Date("2026-01-20T03:00:00Z"), statusUrl: "https://x.vn/t/7K" },
  locale: "vi",
  to: { phone: "0912 345 678", email: " dan@example.vn " },
  dedupeKey: "dossier:7:received",
};

describeDb("notifications through the outbox", () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());
  beforeEach(async () => {
    await tdb.db.query("DELETE FROM outbox");
  });

  const setup = () => {
    const sms = createDevSmsSink(log);
    const email = createDevEmailSink(log);
    const worker = createOutboxWorker({ db: tdb.db, log, clock, handlers: notificationHandlers({ sms, email }), maxAttempts: 1 });
    return { sms, email, worker };
  };

  it("queues a GSM-7 SMS and an email once per dedupe key, and the worker delivers both", async () => {
    const { sms, email, worker } = setup();
    expect(await tdb.db.tx((q) => enqueueNotification(q, input))).toEqual({ sms: true, email: true });
    expect(await tdb.db.tx((q) => enqueueNotification(q, input))).toEqual({ sms: false, email: false });
    const keys = await tdb.db.query("SELECT topic, dedupe_key FROM outbox ORDER BY id");
    expect(keys.rows).toEqual([
      { topic: "sms", dedupe_key: "dossier:7:received:sms" },
      { topic: "email", dedupe_key: "dossier:7:received:email" },
    ]);

    expect(await worker.runOnce()).toEqual({ sent: 2, failed: 0, dead: 0 });
    expect(sms.sent().map(({ to, text }) => ({ to, text }))).toEqual([
      { to: "+84912345678", text: "Ho so H15-0007\nhttps://x.vn/t/7K\nDa tiep nhan ho so Dang ky khai sinh. Hen tra ket qua ngay 20/01/2026." },
    ]);
    expect(email.sent()).toHaveLength(1);
    expect(email.sent()[0]).toMatchObject({ to: "dan@example.vn", subject: "Hồ sơ H15-0007 đã được tiếp nhận" });
  });

  it("sends nothing when the change that queued it is rolled back", async () => {
    const { sms, email, worker } = setup();
    await expect(
      tdb.db.tx(async (q) => {
        await enqueueNotification(q, input);
        throw new Error("reception failed");
      }),
    ).rejects.toThrow("reception failed");
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect(sms.sent()).toEqual([]);
    expect(email.sent()).toEqual([]);
  });

  it("skips a channel without a usable address instead of failing the caller", async () => {
    expect(await enqueueNotification(tdb.db, { ...input, to: { phone: "0214 3812 345", email: null } })).toEqual({ sms: false, email: false });
    expect(await enqueueNotification(tdb.db, { ...input, dedupeKey: "k2", to: { phone: null, email: "dan@example.vn" } })).toEqual({ sms: false, email: true });
    const { rows } = await tdb.db.query("SELECT topic FROM outbox");
    expect(rows).toEqual([{ topic: "email" }]);
  });

  it("fails a malformed payload instead of sending it", async () => {
    const { sms, worker } = setup();
    await enqueue(tdb.db, { topic: "sms", payload: { to: "0912345678", text: "not E.164" } });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect(sms.sent()).toEqual([]);
  });
});
