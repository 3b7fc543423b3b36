import { createServer, type AddressInfo, type Server } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDevEmailSink, createSmtpSender } from "./email.ts";

describe("development email sink", () => {
  it("logs each message and keeps the last 100", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = pino({ level: "info" }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
    const at = new Date("2026-01-02T03:04:05Z");
    const sink = createDevEmailSink(log, { now: () => at });
    for (let i = 0; i < 101; i++) await sink.send({ to: "dan@example.vn", subject: `Hồ sơ ${i}`, text: "Nội dung" });
    expect(lines[0]).toMatchObject({ level: 30, to: "dan@example.vn", subject: "Hồ sơ 0", text: "Nội dung" });
    expect(sink.sent()).toHaveLength(100);
    expect(sink.sent()[0]).toEqual({ to: "dan@example.vn", subject: "Hồ sơ 1", text: "Nội dung", at });
  });
});

// A minimal SMTP server: enough of RFC 5321 for nodemailer, recording each transaction.
type Received = { auth?: string; from?: string; to: string[]; data: string };
function fakeSmtp(opts: { rejectRcpt?: boolean }) {
  const received: Received[] = [];
  const server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let current: Received = { to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 fake ESMTP");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (let i = buffer.indexOf("\r\n"); i >= 0; i = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { to: [], data: "" };
            reply("250 queued");
          } else current.data += `${line.startsWith("..") ? line.slice(1) : line}\r\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-fake\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n");
        else if (verb === "AUTH") {
          current.auth = Buffer.from(line.split(" ")[2] ?? "", "base64")
            .toString("utf8")
            .split("\0")
            .slice(1)
            .join(":");
          reply("235 accepted");
        } else if (verb === "MAIL") {
          current.from = /<(.*)>/.exec(line)?.[1];
          reply("250 ok");
        } else if (verb === "RCPT") {
          if (opts.rejectRcpt) reply("550 no such mailbox");
          else {
            current.to.push(/<(.*)>/.exec(line)?.[1] ?? "");
            reply("250 ok");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 go ahead");
        } else if (verb === "RSET") reply("250 ok");
        else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else reply("502 command unsupported by this fake");
      }
    });
  });
  return { server, received };
}

// Decodes RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) of an unfolded header.
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([QB])\?(.*?)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

describe("SMTP sender", () => {
  const ok = fakeSmtp({});
  const refusing = fakeSmtp({ rejectRcpt: true });
  const port = (s: Server) => (s.address() as AddressInfo).port;
  beforeAll(async () => {
    await Promise.all([ok.server, refusing.server].map((s) => new Promise<void>((r) => s.listen(0, "127.0.0.1", r))));
  });
  afterAll(async () => {
    await Promise.all([ok.server, refusing.server].map((s) => new Promise<void>((r) => s.close(() => r()))));
  });

  it("sends a plain-text message with the configured sender, credentials from the URL and a Vietnamese subject", async () => {
    const smtp = createSmtpSender({ url: `smtp://xaso:p%40ss@127.0.0.1:${port(ok.server)}`, from: "XãSố Gia Phú <khong-tra-loi@giaphu.vn>" });
    try {
      await smtp.send({ to: "dan@example.vn", subject: "Hồ sơ H15-0001 đã có kết quả", text: "Kính gửi Ông/Bà" });
    } finally {
      smtp.close();
    }
    const [m] = ok.received;
    expect(m).toMatchObject({ auth: "xaso:p@ss", from: "khong-tra-loi@giaphu.vn", to: ["dan@example.vn"] });
    const headers = (m?.data ?? "").split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
    expect(decodeHeader(/^Subject: (.*)$/m.exec(headers)?.[1] ?? "")).toBe("Hồ sơ H15-0001 đã có kết quả");
    expect(decodeHeader(/^From: (.*)$/m.exec(headers)?.[1] ?? "")).toBe("XãSố Gia Phú <khong-tra-loi@giaphu.vn>");
    expect(headers).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
  });

  it("rejects when the server refuses the recipient, so the outbox retries", async () => {
    const smtp = createSmtpSender({ url: `smtp://127.0.0.1:${port(refusing.server)}`, from: "a@giaphu.vn" });
    try {
      await expect(smtp.send({ to: "nobody@example.vn", subject: "x", text: "x" })).rejects.toThrow(/550/);
    } finally {
      smtp.close();
    }
    expect(refusing.received).toEqual([]);
  });

  it("refuses a URL that is not smtp:// or smtps://", () => {
    expect(() => createSmtpSender({ url: "http://mail.example.vn", from: "a@b.vn" })).toThrow(/smtp:\/\//);
  });
});
