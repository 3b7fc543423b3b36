// Email senders: a development sink that only logs, and SMTP through nodemailer. Plain text only: it
// reads the same in every client and cannot carry tracking.
import type { Transporter } from "nodemailer";
import type { Logger } from "pino";
import { systemClock, type Clock } from "../../deps.ts";
import { lazyImport } from "../../platform/lazy-import.ts";

// Loaded with the first SMTP sender, not with the app (lazy-import.ts).
const loadNodemailer = lazyImport(async () => (await import("nodemailer")).default);

export type EmailMessage = { to: string; subject: string; text: string };
export type EmailSender = { send(msg: EmailMessage): Promise<void> };

export type SentEmail = EmailMessage & { at: Date };
export type DevEmailSink = EmailSender & { sent(): SentEmail[] };

const KEEP_LAST = 100;

/** Logs each message instead of sending it; keeps the last 100 for tests and a development page. */
export function createDevEmailSink(log: Logger, clock: Clock = systemClock): DevEmailSink {
  const kept: SentEmail[] = [];
  return {
    async send(msg) {
      log.info({ to: msg.to, subject: msg.subject, text: msg.text }, "email (development sink, not sent)");
      kept.push({ ...msg, at: clock.now() });
      if (kept.length > KEEP_LAST) kept.shift();
    },
    sent: () => [...kept],
  };
}

export type SmtpSender = EmailSender & { close(): void };

/**
 * Sends through the SMTP server in url (smtp://user:pass@host:587 upgrades with STARTTLS when offered;
 * smtps://…:465 is TLS from the start; nodemailer's query options such as ?tls.rejectUnauthorized=false
 * pass through). Timeouts are bounded, unless the URL sets them, so a stuck server fails the outbox
 * attempt instead of hanging it.
 */
export function createSmtpSender(opts: { url: string; from: string }): SmtpSender {
  const url = new URL(opts.url);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") throw new Error("SMTP URL must start with smtp:// or smtps://");
  for (const [k, v] of [
    ["connectionTimeout", "10000"],
    ["greetingTimeout", "10000"],
    ["socketTimeout", "30000"],
  ] as const) {
    if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  }
  // The second argument holds message defaults; with a URL, transport options come only from the URL.
  // Made on the first message: a transport opens no connection before it sends, so nothing is lost by waiting.
  let transport: Transporter | undefined;
  return {
    async send(msg) {
      transport ??= (await loadNodemailer()).createTransport(url.toString(), { from: opts.from });
      await transport.sendMail({ to: msg.to, subject: msg.subject, text: msg.text });
    },
    close: () => transport?.close(),
  };
}
