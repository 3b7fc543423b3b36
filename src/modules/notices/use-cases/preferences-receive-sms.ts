// The SMS gateway hands us a resident's reply. STOP / HUY / TU CHOI turn SMS off for that phone, DK / START turn it
// on again, either optionally for one category ("STOP Y TE"); other first words go to the keyword handlers other
// modules add (the hall's "SO A"); anything else gets a short help. Each message is answered once: a gateway retry
// with the same id finds the first answer and nothing runs again. The reply goes through the outbox.
import { createHash } from "node:crypto";
import type { Deps } from "../../../deps.ts";
import type { Actor } from "../../../platform/events/domain-events.ts";
import { AppError, tooManyRequests, validationError } from "../../../platform/http/app-error.ts";
import { translator } from "../../../platform/i18n/i18n.ts";
import { enqueue } from "../../../platform/jobs/outbox.ts";
import { reserve } from "../../../platform/throttle/throttle.ts";
import { SMS_TOPIC, toE164Vn, toSmsText } from "../../notifications/index.ts";
import type { SmsKeywordHandler } from "../inbound-sms.ts";
import type { NoticeCategory } from "../notices.model.ts";
import { choiceOf } from "../preferences/choice.ts";
import { InboundSmsBody } from "../preferences/preferences.contract.ts";
import * as repo from "../preferences/preferences.repository.ts";
import { CATEGORY_SMS_WORD, foldSmsWords, parseSmsCommand, smsSignatureValid } from "../preferences/sms-command.ts";
import { recordPreferenceChoice } from "./preferences-record.ts";

export type InboundOutcome = { outcome: "stop" | "start" | "keyword" | "help"; reply: string | null; duplicate: boolean };

/** Messages from one number per window: enough for a person, not for an auto-responder ping-ponging with us. */
export const INBOUND_LIMIT = { perPhone: 10, windowMs: 10 * 60_000 } as const;

const GATEWAY: Actor = { userId: null, label: "sms-gateway" };

export async function receiveInboundSms(
  deps: Deps,
  keywords: readonly SmsKeywordHandler[],
  req: { rawBody: string; signature: string | null | undefined; requestId: string | null },
): Promise<InboundOutcome> {
  const secret = deps.config.notices.smsWebhookSecret;
  // No secret configured: nothing unsigned may change anyone's choice.
  if (!secret || !smsSignatureValid(secret, req.signature, req.rawBody)) throw new AppError("unauthenticated", "notices.preferences.error.signature");
  let json: unknown;
  try {
    json = JSON.parse(req.rawBody);
  } catch {
    throw new AppError("bad_json", "error.badJson");
  }
  const parsed = InboundSmsBody.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const msg = parsed.data;
  const phone = toE164Vn(msg.from);
  if (!phone) throw new AppError("validation", "error.validation", [{ field: "from", code: "format", message: "notices.preferences.error.phone" }]);
  const now = deps.clock.now();
  const dedupeKey = msg.id
    ? `id:${msg.id}`
    : msg.at
      ? `h:${createHash("sha256").update(`${phone}\n${msg.at}\n${msg.text}`).digest("hex")}`
      : `n:${now.toISOString()}:${createHash("sha256").update(`${phone}\n${msg.text}\n${Math.random()}`).digest("hex")}`;
  const words = foldSmsWords(msg.text);
  const command = parseSmsCommand(words);
  const t = translator("vi");
  const reply = (text: string) => toSmsText(text, { maxSegments: 2 }).text;

  const replyIn = async (q: Parameters<typeof enqueue>[0], claimId: string, text: string | null) => {
    if (text) await enqueue(q, { topic: SMS_TOPIC, payload: { to: phone, text }, dedupeKey: `notices:sms-reply:${claimId}` });
  };

  // The claim: a retry of a message already received answers as the first time, and runs nothing.
  const claimed = await deps.db.tx(async (q) => {
    const earlier = await repo.findInbound(q, dedupeKey);
    if (earlier) return { earlier };
    const held = await reserve(q, "sms-inbound", [{ key: phone, limit: INBOUND_LIMIT.perPhone, windowMs: INBOUND_LIMIT.windowMs }], now);
    if (!held.allowed) return { limited: held.retryAfterSeconds };
    const id = await repo.claimInbound(q, { dedupeKey, phone, text: msg.text, at: msg.at ? new Date(msg.at) : now });
    if (!id) return { earlier: await repo.findInbound(q, dedupeKey) };
    if (command.kind === "other") return { id };

    // STOP / DK: the change, its consent entry and the reply commit together.
    let outcome: InboundOutcome["outcome"] = "help";
    let text: string;
    if (command.kind === "unknownCategory") text = t("notices.preferences.sms.help");
    else if (command.category === "emergency") text = t("notices.preferences.sms.emergency");
    else {
      const before = choiceOf(await repo.matchingRows(q, { phone }, { lock: true }));
      const category = command.category;
      const on = command.kind === "start";
      const categoriesOff: NoticeCategory[] = category
        ? on
          ? before.categoriesOff.filter((c) => c !== category)
          : [...before.categoriesOff, category]
        : before.categoriesOff;
      await recordPreferenceChoice(q, {
        keys: { phone, userId: null, residentId: null },
        primary: "phone",
        choice: { ...before, sms: category ? before.sms || on : on, categoriesOff },
        method: "sms",
        recordedBy: null,
        note: msg.text.slice(0, 160),
        now,
        audit: { events: deps.events, actor: GATEWAY, requestId: req.requestId, adminUnitCode: null },
      });
      outcome = command.kind;
      const word = category ? CATEGORY_SMS_WORD[category] : "";
      text = category
        ? t(on ? "notices.preferences.sms.startedCategory" : "notices.preferences.sms.stoppedCategory", { category: word })
        : t(on ? "notices.preferences.sms.started" : "notices.preferences.sms.stopped");
    }
    const out = reply(text);
    await repo.finishInbound(q, id, outcome, out);
    await replyIn(q, id, out);
    return { done: { outcome, reply: out, duplicate: false } satisfies InboundOutcome };
  });

  if ("limited" in claimed) throw tooManyRequests("notices.preferences.error.tooMany", claimed.limited ?? 60);
  if ("earlier" in claimed) {
    const e = claimed.earlier;
    return { outcome: (e?.outcome as InboundOutcome["outcome"] | null) ?? "keyword", reply: e?.reply ?? null, duplicate: true };
  }
  if ("done" in claimed && claimed.done) return claimed.done;

  // Another module's keyword, or help. The handler runs outside our transaction (it keeps its own); if it fails,
  // the claim goes so that the gateway's retry runs it again.
  const claimId = claimed.id;
  const handler = keywords.find((h) => words[0] !== undefined && h.keywords.includes(words[0]));
  let outcome: InboundOutcome["outcome"] = "help";
  let text: string | null = t("notices.preferences.sms.help");
  if (handler) {
    try {
      text = (await handler.handle(deps, { from: phone, text: msg.text, words })).reply;
    } catch (err) {
      await repo.releaseInbound(deps.db, claimId);
      throw err;
    }
    outcome = "keyword";
  }
  const out = text ? reply(text) : null;
  await deps.db.tx(async (q) => {
    await repo.finishInbound(q, claimId, outcome, out);
    await replyIn(q, claimId, out);
  });
  return { outcome, reply: out, duplicate: false };
}
