// The Zalo ZNS HTTP API, as far as it was verified (docs/notices/channels.md "What was checked"): sending a template
// message, refreshing an Official Account's access token, and what an answer's error code means for a retry.
// Plain fetch against configurable base URLs, so tests point it at the local stub (test/support/zalo-stub.ts).

/** The send request: POST {api}/message/template with the header `access_token`. */
export type ZnsSendBody = { phone: string; template_id: string; template_data: Record<string, string>; tracking_id: string };

export type ZnsSendResult = { ok: true; msgId: string; remainingQuota: number | null } | { ok: false; code: number; message: string; kind: ZnsErrorKind };

/** token: refresh and try again; permanent: never retry (the number or the template cannot work); retry: later. */
export type ZnsErrorKind = "token" | "permanent" | "retry";

/** Access token refused or expired (-124 "Access token invalid"; -216, -220 "access_token is expired or removed"). */
const TOKEN_CODES = new Set([-124, -216, -220]);
/**
 * Errors a retry cannot fix: -118 "Zalo account not existed", -101 phone invalid, -106/-107 template id unknown or
 * invalid, -108 template data empty, -112 parameter invalid, -113 template data invalid.
 */
const PERMANENT_CODES = new Set([-101, -106, -107, -108, -112, -113, -118]);

export function classifyZnsError(code: number): ZnsErrorKind {
  if (TOKEN_CODES.has(code)) return "token";
  if (PERMANENT_CODES.has(code)) return "permanent";
  return "retry";
}

/** "+84912345678" or "0912345678" → "84912345678", the form ZNS takes. */
export function znsPhone(e164: string): string {
  const digits = e164.replace(/\D/g, "");
  return digits.startsWith("0") ? `84${digits.slice(1)}` : digits;
}

const TIMEOUT_MS = 15_000;

async function postJson(url: string, init: RequestInit): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const text = await res.text();
  try {
    return { status: res.status, json: JSON.parse(text) };
  } catch {
    return { status: res.status, json: null };
  }
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : null);

/** Sends one template message. Network failures and non-JSON answers throw (the outbox retries them). */
export async function sendZnsTemplate(apiUrl: string, accessToken: string, body: ZnsSendBody): Promise<ZnsSendResult> {
  const { status, json } = await postJson(`${apiUrl.replace(/\/$/, "")}/message/template`, {
    method: "POST",
    headers: { "content-type": "application/json", access_token: accessToken },
    body: JSON.stringify(body),
  });
  const o = json && typeof json === "object" ? (json as Record<string, unknown>) : null;
  const code = o ? num(o.error) : null;
  if (!o || code === null) throw new Error(`zalo: unexpected answer (HTTP ${status})`);
  const message = typeof o.message === "string" ? o.message.slice(0, 200) : "";
  if (code !== 0) return { ok: false, code, message, kind: classifyZnsError(code) };
  const data = o.data && typeof o.data === "object" ? (o.data as Record<string, unknown>) : {};
  const msgId = typeof data.msg_id === "string" ? data.msg_id : typeof data.msg_id === "number" ? String(data.msg_id) : null;
  if (!msgId) throw new Error("zalo: success without msg_id");
  const quota = data.quota && typeof data.quota === "object" ? (data.quota as Record<string, unknown>) : {};
  return { ok: true, msgId, remainingQuota: num(quota.remainingQuota) };
}

export type ZaloTokens = { accessToken: string; refreshToken: string; expiresAt: Date };

/**
 * POST {oauth}/v4/oa/access_token (form: app_id, grant_type=refresh_token, refresh_token; header secret_key). The
 * refresh token is single-use: the answer's new one must be stored at once.
 */
export async function refreshZaloToken(
  oauthUrl: string,
  a: { appId: string; appSecret: string; refreshToken: string },
  now: Date,
): Promise<ZaloTokens | { error: string }> {
  const { status, json } = await postJson(`${oauthUrl.replace(/\/$/, "")}/v4/oa/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", secret_key: a.appSecret },
    body: new URLSearchParams({ app_id: a.appId, grant_type: "refresh_token", refresh_token: a.refreshToken }).toString(),
  });
  const o = json && typeof json === "object" ? (json as Record<string, unknown>) : {};
  if (typeof o.access_token !== "string" || typeof o.refresh_token !== "string") {
    const why = typeof o.error_description === "string" ? o.error_description : typeof o.message === "string" ? o.message : `HTTP ${status}`;
    return { error: `${num(o.error) ?? status}: ${why}`.slice(0, 200) };
  }
  const seconds = num(o.expires_in) ?? 90_000; // 25 hours, the documented lifetime
  return { accessToken: o.access_token, refreshToken: o.refresh_token, expiresAt: new Date(now.getTime() + seconds * 1000) };
}
