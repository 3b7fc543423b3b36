// SMS senders: a development sink that only logs, and a generic HTTP gateway (most Vietnamese brandname
// SMS providers offer a JSON API; a provider with another shape gets its own small adapter).
import type { Logger } from "pino";
import { systemClock, type Clock } from "../../deps.ts";
import { countSmsSegments } from "./sms-text.ts";

export type SmsSender = {
  /** to is E.164 (+84…); text is already GSM-7 (see toSmsText). Rejects when the provider refuses. */
  send(to: string, text: string): Promise<{ providerId?: string }>;
};

export type SentSms = { to: string; text: string; at: Date };
export type DevSmsSink = SmsSender & { sent(): SentSms[] };

const KEEP_LAST = 100;

/** Logs each message instead of sending it; keeps the last 100 for tests and a development page. */
export function createDevSmsSink(log: Logger, clock: Clock = systemClock): DevSmsSink {
  const kept: SentSms[] = [];
  let n = 0;
  return {
    async send(to, text) {
      const { segments } = countSmsSegments(text);
      log.info({ to, text, segments }, "SMS (development sink, not sent)");
      kept.push({ to, text, at: clock.now() });
      if (kept.length > KEEP_LAST) kept.shift();
      return { providerId: `dev-${++n}` };
    },
    sent: () => [...kept],
  };
}

export type HttpSmsGatewayOptions = {
  url: string;
  token: string;
  /** Registered brandname, if the provider needs it in each request. */
  sender?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
};

/** POSTs { to, text, sender } as JSON with a Bearer token; any non-2xx answer is an error naming the status. */
export function createHttpSmsGateway(opts: HttpSmsGatewayOptions): SmsSender {
  const doFetch = opts.fetchImpl ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async send(to, text) {
      const res = await doFetch(opts.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${opts.token}` },
        body: JSON.stringify({ to, text, sender: opts.sender }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = await res.text().catch(() => "");
      if (!res.ok) {
        // The status and the start of the provider's answer end up in outbox.last_error; never the token.
        throw new Error(`SMS gateway answered ${res.status}${body ? `: ${body.slice(0, 200)}` : ""}`);
      }
      return { providerId: providerIdFrom(body) };
    },
  };
}

function providerIdFrom(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const id = json.id ?? json.messageId ?? json.providerId;
    return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A Vietnamese mobile number in any usual spelling (0912 345 678, 84912345678, +84 (0)912…, 0084…) as
 * E.164, else null. Same rules as citizens/phone.ts, which stores the national form.
 */
export function toE164Vn(phone: string): string | null {
  const s = phone.trim().replace(/[\s.\-()]/g, "");
  const intl = /^(?:\+|00)(84\d+)$/.exec(s)?.[1];
  const subscriber = intl ? intl.slice(2).replace(/^0(?=\d{9}$)/, "") : /^84\d{9}$/.test(s) ? s.slice(2) : /^0\d{9}$/.test(s) ? s.slice(1) : null;
  // Mobile ranges after the 2018 renumbering: 03x, 05x, 07x, 08x, 09x (landlines are 02x).
  return subscriber && /^[35789]\d{8}$/.test(subscriber) ? `+84${subscriber}` : null;
}
