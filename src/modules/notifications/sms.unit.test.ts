import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevSmsSink, createHttpSmsGateway, toE164Vn } from "./sms.ts";

describe("development SMS sink", () => {
  it("logs each message with its segment count and keeps the last 100", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: "info" }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
    const at = new Date("2026-01-02T03:04:05Z");
    const sink = createDevSmsSink(log, { now: () => at });
    expect(await sink.send("+84912345678", "a".repeat(161))).toEqual({ providerId: "dev-1" });
    expect(lines[0]).toMatchObject({ level: 30, to: "+84912345678", text: "a".repeat(161), segments: 2 });
    for (let i = 0; i < 120; i++) await sink.send("+84912345678", `m${i}`);
    const kept = sink.sent();
    expect(kept).toHaveLength(100);
    expect(kept[0]).toEqual({ to: "+84912345678", text: "m20", at });
    expect(kept[99]?.text).toBe("m119");
  });
});

describe("HTTP SMS gateway", () => {
  let server: Server;
  let url: string;
  const received: Array<{ method?: string; headers: IncomingHttpHeaders; body: string }> = [];
  let answer: { status: number; body: string } = { status: 200, body: "{}" };
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        received.push({ method: req.method, headers: req.headers, body });
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("POSTs the message as JSON with the bearer token and returns the provider's id", async () => {
    answer = { status: 202, body: JSON.stringify({ messageId: 4711 }) };
    const gw = createHttpSmsGateway({ url, token: "s3cret", sender: "UBND-GIAPHU" });
    expect(await gw.send("+84912345678", "Ho so H15-0001 da tiep nhan")).toEqual({ providerId: "4711" });
    const req = received.at(-1);
    expect(req?.method).toBe("POST");
    expect(req?.headers.authorization).toBe("Bearer s3cret");
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body ?? "")).toEqual({ to: "+84912345678", text: "Ho so H15-0001 da tiep nhan", sender: "UBND-GIAPHU" });
  });

  it("treats a non-2xx answer as an error naming the status, without the token", async () => {
    answer = { status: 429, body: '{"error":"rate limited"}' };
    const gw = createHttpSmsGateway({ url, token: "s3cret" });
    const err = await gw.send("+84912345678", "x").catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('SMS gateway answered 429: {"error":"rate limited"}');
    expect((err as Error).message).not.toContain("s3cret");
  });

  it("uses an injected fetch", async () => {
    const calls: string[] = [];
    const gw = createHttpSmsGateway({
      url: "https://sms.example.vn/send",
      token: "t",
      fetchImpl: async (u) => {
        calls.push(String(u));
        return new Response("ok", { status: 200 });
      },
    });
    expect(await gw.send("+84912345678", "x")).toEqual({ providerId: undefined });
    expect(calls).toEqual(["https://sms.example.vn/send"]);
  });
});

describe("toE164Vn", () => {
  it("accepts the usual spellings of a Vietnamese mobile number", () => {
    for (const p of ["0912345678", "0912 345 678", "091.234.5678", "+84912345678", "84912345678", "+84 912-345-678", "0084912345678", "+84 (0)912 345 678"])
      expect(toE164Vn(p)).toBe("+84912345678");
    expect(toE164Vn("0387654321")).toBe("+84387654321");
  });
  it("refuses landlines, short numbers and foreign numbers", () => {
    for (const p of ["02143812345", "+842143812345", "091234567", "+33612345678", "0033612345678", "", "abc"]) expect(toE164Vn(p)).toBeNull();
  });
});
