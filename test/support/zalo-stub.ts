// A local stand-in for Zalo's ZNS and OAuth endpoints (node:http on 127.0.0.1, no network), following the request and
// answer formats recorded in docs/notices/channels.md: POST /message/template (header access_token; JSON phone,
// template_id, template_data, tracking_id → {error, message, data: {msg_id, sent_time, quota}}) and POST
// /v4/oa/access_token (header secret_key; form app_id, grant_type=refresh_token, refresh_token → new tokens). It can
// be told to refuse a number, expire the token, and post signed user_received_message callbacks to our app.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { zaloMac } from "../../src/modules/notices/channels/delivery-reports.ts";

export type ZnsRequest = { accessToken: string | undefined; body: Record<string, unknown> };
export type ZaloStub = {
  url: string;
  /** Every template request received, in order. */
  sent: ZnsRequest[];
  refreshes: number;
  /** The token the stub accepts now, and the refresh token it will take (single-use). */
  tokens: { access: string; refresh: string };
  appSecret: string;
  /** This number (84…) gets this error instead of a msg_id. */
  failNumber(phone: string, error: number, message: string): void;
  /** The current access token stops working (as after its 25 hours). */
  expireToken(): void;
  /** A signed user_received_message for a msg_id, posted through `post` (the app's request function). */
  deliver(
    post: (path: string, init: RequestInit) => Response | Promise<Response>,
    a: { path: string; appId: string; oaId: string; oaSecretKey: string; msgId: string; at: Date; trackingId?: string },
  ): Promise<Response>;
  close(): Promise<void>;
};

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => {
      data += c;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });

export async function startZaloStub(opts: { accessToken: string; refreshToken: string; appSecret: string; remainingQuota?: number }): Promise<ZaloStub> {
  const tokens = { access: opts.accessToken, refresh: opts.refreshToken };
  const failing = new Map<string, { error: number; message: string }>();
  const sent: ZnsRequest[] = [];
  let quota = opts.remainingQuota ?? 5000;
  const stub = { refreshes: 0 };

  const server = createServer(async (req, res) => {
    const raw = await read(req);
    const reply = (body: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "POST" && req.url === "/message/template") {
      const token = req.headers.access_token as string | undefined;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return reply({ error: -112, message: "Parameter invalid" });
      }
      sent.push({ accessToken: token, body });
      if (token !== tokens.access) return reply({ error: -124, message: "Access token invalid" });
      const data = body.template_data;
      if (typeof body.phone !== "string" || !/^84\d{9}$/.test(body.phone)) return reply({ error: -108, message: "Phone number invalid" });
      if (typeof body.template_id !== "string" || !/^\d+$/.test(body.template_id)) return reply({ error: -107, message: "Template ID invalid" });
      if (!data || typeof data !== "object" || Object.values(data).some((v) => typeof v !== "string"))
        return reply({ error: -113, message: "Template data invalid" });
      const fail = failing.get(body.phone);
      if (fail) return reply(fail);
      quota--;
      return reply({
        error: 0,
        message: "Success",
        data: { msg_id: randomBytes(10).toString("hex"), sent_time: String(Date.now()), quota: { dailyQuota: "5000", remainingQuota: String(quota) } },
      });
    }
    if (req.method === "POST" && req.url === "/v4/oa/access_token") {
      const form = new URLSearchParams(raw);
      if (req.headers.secret_key !== opts.appSecret) return reply({ error: -14002, error_name: "Invalid app secret", error_description: "Invalid secret key" });
      if (form.get("grant_type") !== "refresh_token" || form.get("refresh_token") !== tokens.refresh)
        return reply({ error: -14020, error_name: "Invalid refresh token", error_description: "Refresh token is invalid or expired" });
      stub.refreshes++;
      tokens.access = `access-${randomBytes(8).toString("hex")}`;
      tokens.refresh = `refresh-${randomBytes(8).toString("hex")}`;
      return reply({ access_token: tokens.access, refresh_token: tokens.refresh, expires_in: "90000" });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    get refreshes() {
      return stub.refreshes;
    },
    tokens,
    appSecret: opts.appSecret,
    failNumber: (phone, error, message) => void failing.set(phone, { error, message }),
    expireToken: () => {
      tokens.access = `revoked-${randomBytes(4).toString("hex")}`;
    },
    deliver: async (post, a) => {
      const timestamp = String(a.at.getTime());
      const raw = JSON.stringify({
        app_id: a.appId,
        oa_id: a.oaId,
        event_name: "user_received_message",
        sender: { id: a.oaId },
        recipient: { id: "8715200117183829" },
        message: { msg_id: a.msgId, delivery_time: timestamp, ...(a.trackingId ? { tracking_id: a.trackingId } : {}) },
        timestamp,
      });
      const mac = zaloMac(a.appId, raw, timestamp, a.oaSecretKey);
      return post(a.path, { method: "POST", headers: { "content-type": "application/json", "X-ZEvent-Signature": `mac=${mac}` }, body: raw });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
