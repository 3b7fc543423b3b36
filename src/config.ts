// The only reader of process.env: everything else receives a typed Config.
import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

/** A count for a throttle; 0 means "no limit". */
const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const isAddressOrCidr = (s: string) => {
  const [addr = "", prefix, extra] = s.split("/");
  const v = isIP(addr);
  if (!v || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (v === 4 ? 32 : 128));
};

const DEV_SECRET = "development-only-secret-change-me-0123456789";

const variables = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").default(DEV_SECRET),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: bool.optional(),
  SERVED_PROVINCES: z
    .string()
    .default("15")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^\d{2}$/, "each province code has 2 digits")).min(1)),
  SEED_DEMO: bool.optional(),
  TRUST_PROXY: bool.default(false),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(isAddressOrCidr, "each entry is an IP address or a CIDR range, e.g. 10.0.0.5 or 10.0.0.0/24"))),
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1_048_576),
  UPLOAD_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(30 * 1_048_576),
  SMS_GATEWAY_URL: z.url().optional(),
  /** Shared secret of the SMS gateway's callbacks (delivery reports, replies): HMAC-SHA256 of the raw body. */
  SMS_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  /** Notices: SMS per commune per Vietnam day (0: no cap), and the estimates shown before sending. */
  NOTICE_SMS_DAILY_CAP: limit(2000),
  NOTICE_SMS_PRICE_VND: z.coerce.number().int().min(0).default(800),
  NOTICE_ZALO_PRICE_VND: z.coerce.number().int().min(0).default(300),
  NOTICE_EMAIL_PRICE_VND: z.coerce.number().int().min(0).default(0),
  /** Zalo's business API (ZNS); tests point it at a local stub. Each commune's Official Account is set in the office. */
  ZALO_API_URL: z.url().default("https://business.openapi.zalo.me"),
  ZALO_OAUTH_URL: z.url().default("https://oauth.zaloapp.com"),
  /** Text-to-speech for loudspeaker bulletins: espeak-ng (local), an HTTP provider, or none (uploaded audio only). */
  TTS_ENGINE: z.enum(["espeak", "http", "none"]).default("espeak"),
  TTS_URL: z.url().optional(),
  TTS_TOKEN: z.string().optional(),
  TTS_VOICE: z.string().max(60).default("vi"),
  SMS_GATEWAY_TOKEN: z.string().optional(),
  SMS_SENDER: z.string().max(11).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("XãSố <no-reply@localhost>"),
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  PAYMENT_WEBHOOK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  FILING_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  FILING_MAX_PER_CITIZEN: limit(20),
  FILING_MAX_PER_ADDRESS: limit(60),
  FILING_MAX_PER_STAFF: limit(300),
  UPLOAD_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  UPLOAD_MAX_FILES_PER_CITIZEN: limit(60),
  UPLOAD_MAX_MB_PER_CITIZEN: limit(200),
  UPLOAD_MAX_FILES_PER_ADDRESS: limit(200),
  UPLOAD_MAX_MB_PER_ADDRESS: limit(600),
  UPLOAD_MAX_FILES_PER_STAFF: limit(1000),
  UPLOAD_MAX_MB_PER_STAFF: limit(2048),
  SMS_WINDOW_HOURS: z.coerce.number().int().min(1).max(24).default(24),
  SMS_MAX_PER_RECIPIENT: limit(10),
  SMS_MAX_PER_ACCOUNT: limit(30),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default("openid profile"),
  OIDC_ACR_VALUES: z.string().optional(),
  OIDC_REQUIRE_ACR: bool.default(false),
  OIDC_CLAIM_NAME: z.string().default("name"),
  OIDC_CLAIM_CITIZEN_ID: z.string().default("citizen_id"),
  OIDC_CLAIM_PHONE: z.string().default("phone_number"),
  OIDC_LABEL: z.string().default("VNeID"),
  OIDC_ALLOW_HTTP: bool.default(false),
  // The citizen-report map's tiles: an http(s) template with {z}, {x}, {y} (and optionally {s}), or "none" (offline).
  MAP_TILE_URL: z
    .string()
    .default("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    .refine((s) => s === "none" || mapTileOrigin(s) !== null, 'must be "none" or an http(s) address with {z}, {x} and {y}'),
  MAP_TILE_ATTRIBUTION: z.string().max(300).default("© OpenStreetMap contributors"),
});

/**
 * The origin a tile template loads from, for the CSP's img-src ("https://*.tile.example.org" for "{s}."), or null
 * when the template is not a usable http(s) address with {z}, {x} and {y}.
 */
export function mapTileOrigin(template: string): string | null {
  if (!["{z}", "{x}", "{y}"].every((p) => template.includes(p))) return null;
  const probe = template.replace(/\{s\}/g, "a").replace(/\{[a-z]+\}/g, "0");
  if (!URL.canParse(probe)) return null;
  const url = new URL(probe);
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = template.includes("{s}.") ? url.host.replace(/^a\./, "*.") : url.host;
  return `${url.protocol}//${host}`;
}

/** Every variable XãSố reads; .env.example must document each (a test checks). */
export const CONFIG_VARIABLES = Object.keys(variables.shape);

/** Bits of entropy estimated from the string itself: its length × the Shannon entropy of its characters. */
export function estimatedEntropyBits(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...s].length;
  let perChar = 0;
  for (const k of counts.values()) perChar -= (k / n) * Math.log2(k / n);
  return n * perChar;
}

/** 32 random bytes in base64url or hex estimate at 200+ bits; "x" × 40 at 0, a word repeated far below 128. */
export const MIN_SECRET_BITS = 128;
const PLACEHOLDER = /change.?me|placeholder|example/i;

const schema = variables.superRefine((c, ctx) => {
  if (c.NODE_ENV === "production") {
    const issue = (name: string, message: string) => ctx.addIssue({ code: "custom", path: [name], message });
    if (c.SESSION_SECRET === DEV_SECRET) issue("SESSION_SECRET", "must be set in production");
    else if (PLACEHOLDER.test(c.SESSION_SECRET)) issue("SESSION_SECRET", "is a placeholder: generate a random one (see .env.example)");
    else if (estimatedEntropyBits(c.SESSION_SECRET) < MIN_SECRET_BITS)
      issue("SESSION_SECRET", `is not random enough (under ${MIN_SECRET_BITS} bits estimated): generate one as .env.example shows`);
    if (!c.PUBLIC_URL) issue("PUBLIC_URL", "must be set in production");
    else if (!c.PUBLIC_URL.startsWith("https://")) issue("PUBLIC_URL", "must be an https:// address in production");
    if (c.COOKIE_SECURE === false) issue("COOKIE_SECURE", "must not be false in production (cookies travel only over HTTPS)");
    if (c.SEED_DEMO === true) issue("SEED_DEMO", "must not be true in production (the demo accounts share a published password)");
    if (c.OIDC_ALLOW_HTTP) issue("OIDC_ALLOW_HTTP", "must be false in production");
  }
  if (c.OIDC_REQUIRE_ACR && !c.OIDC_ACR_VALUES)
    ctx.addIssue({ code: "custom", path: ["OIDC_ACR_VALUES"], message: "is required when OIDC_REQUIRE_ACR is true" });
  if (c.OIDC_ISSUER && !c.OIDC_CLIENT_ID) ctx.addIssue({ code: "custom", path: ["OIDC_CLIENT_ID"], message: "is required when OIDC_ISSUER is set" });
});

export type Config = {
  env: "development" | "test" | "production";
  host: string;
  port: number;
  publicUrl: string | undefined;
  logLevel: string;
  databaseUrl: string | undefined;
  poolSize: number;
  dataDir: string;
  embeddedPgPort: number;
  sessionSecret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  servedProvinces: string[];
  seedDemo: boolean;
  /** Peers whose X-Forwarded-For / X-Real-IP name the client (TRUSTED_PROXIES, plus loopback with TRUST_PROXY). */
  trustedProxies: string[];
  metricsToken: string | undefined;
  maxBodyBytes: number;
  /** Largest file accepted, and largest request that carries files (a dossier with several scans). */
  uploadMaxBytes: number;
  uploadMaxBodyBytes: number;
  sms: {
    gatewayUrl: string | undefined;
    gatewayToken: string | undefined;
    sender: string | undefined;
    /** SMS that a citizen's own filing sends, per recipient number and per citizen account (Infinity: no limit). */
    limits: { windowHours: number; perRecipient: number; perAccount: number };
  };
  mail: { smtpUrl: string | undefined; from: string };
  /** Notices to residents (docs/notices.md): callbacks, caps, price estimates, Zalo's API, text-to-speech. */
  notices: {
    smsWebhookSecret: string | undefined;
    smsDailyCap: number;
    priceVnd: { sms: number; zalo: number; email: number };
    zaloApiUrl: string;
    zaloOauthUrl: string;
    tts: { engine: "espeak" | "http" | "none"; url: string | undefined; token: string | undefined; voice: string };
  };
  outboxPollMs: number;
  paymentWebhookSecret: string | undefined;
  signIn: { maxFailures: number; windowMinutes: number };
  /** Submissions (and, counted apart, new drafts) per window; Infinity: no limit. */
  filing: { windowMinutes: number; perCitizen: number; perAddress: number; perStaff: number };
  /** Files stored, and megabytes (each file counted in started MB), per window; Infinity: no limit. */
  uploads: { windowMinutes: number; perCitizen: UploadCeiling; perAddress: UploadCeiling; perStaff: UploadCeiling };
  /** The report map's tiles: null when the installation has none (MAP_TILE_URL=none): the map is then not offered. */
  map: { tileUrl: string | null; tileOrigin: string | null; attribution: string };
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        scopes: string;
        acrValues: string | undefined;
        requireAcr: boolean;
        claims: { name: string; citizenId: string; phone: string };
        label: string;
        allowHttp: boolean;
      }
    | undefined;
};

/** How many files and how many megabytes one key may store per window. */
export type UploadCeiling = { files: number; megabytes: number };

const orNone = (n: number) => (n === 0 ? Number.POSITIVE_INFINITY : n);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws ConfigError listing every bad value at once. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    publicUrl: c.PUBLIC_URL,
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL,
    poolSize: c.DATABASE_POOL_SIZE,
    dataDir: path.resolve(c.DATA_DIR),
    embeddedPgPort: c.EMBEDDED_PG_PORT,
    sessionSecret: c.SESSION_SECRET,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === "production",
    servedProvinces: c.SERVED_PROVINCES,
    seedDemo: c.SEED_DEMO ?? c.NODE_ENV !== "production",
    // TRUST_PROXY=true (older setting): a reverse proxy on this machine, as operations.md recommends.
    trustedProxies: [...new Set([...c.TRUSTED_PROXIES, ...(c.TRUST_PROXY ? ["127.0.0.0/8", "::1"] : [])])],
    metricsToken: c.METRICS_TOKEN,
    maxBodyBytes: c.MAX_BODY_BYTES,
    uploadMaxBytes: c.UPLOAD_MAX_BYTES,
    uploadMaxBodyBytes: Math.max(c.UPLOAD_MAX_BODY_BYTES, c.MAX_BODY_BYTES),
    sms: {
      gatewayUrl: c.SMS_GATEWAY_URL,
      gatewayToken: c.SMS_GATEWAY_TOKEN,
      sender: c.SMS_SENDER,
      limits: { windowHours: c.SMS_WINDOW_HOURS, perRecipient: orNone(c.SMS_MAX_PER_RECIPIENT), perAccount: orNone(c.SMS_MAX_PER_ACCOUNT) },
    },
    mail: { smtpUrl: c.SMTP_URL, from: c.MAIL_FROM },
    notices: {
      smsWebhookSecret: c.SMS_WEBHOOK_SECRET,
      smsDailyCap: orNone(c.NOTICE_SMS_DAILY_CAP),
      priceVnd: { sms: c.NOTICE_SMS_PRICE_VND, zalo: c.NOTICE_ZALO_PRICE_VND, email: c.NOTICE_EMAIL_PRICE_VND },
      zaloApiUrl: c.ZALO_API_URL,
      zaloOauthUrl: c.ZALO_OAUTH_URL,
      tts: { engine: c.TTS_ENGINE, url: c.TTS_URL, token: c.TTS_TOKEN, voice: c.TTS_VOICE },
    },
    outboxPollMs: c.OUTBOX_POLL_MS,
    paymentWebhookSecret: c.PAYMENT_WEBHOOK_SECRET,
    signIn: { maxFailures: c.SIGNIN_MAX_FAILURES, windowMinutes: c.SIGNIN_WINDOW_MINUTES },
    filing: {
      windowMinutes: c.FILING_WINDOW_MINUTES,
      perCitizen: orNone(c.FILING_MAX_PER_CITIZEN),
      perAddress: orNone(c.FILING_MAX_PER_ADDRESS),
      perStaff: orNone(c.FILING_MAX_PER_STAFF),
    },
    uploads: {
      windowMinutes: c.UPLOAD_WINDOW_MINUTES,
      perCitizen: { files: orNone(c.UPLOAD_MAX_FILES_PER_CITIZEN), megabytes: orNone(c.UPLOAD_MAX_MB_PER_CITIZEN) },
      perAddress: { files: orNone(c.UPLOAD_MAX_FILES_PER_ADDRESS), megabytes: orNone(c.UPLOAD_MAX_MB_PER_ADDRESS) },
      perStaff: { files: orNone(c.UPLOAD_MAX_FILES_PER_STAFF), megabytes: orNone(c.UPLOAD_MAX_MB_PER_STAFF) },
    },
    map:
      c.MAP_TILE_URL === "none"
        ? { tileUrl: null, tileOrigin: null, attribution: c.MAP_TILE_ATTRIBUTION }
        : { tileUrl: c.MAP_TILE_URL, tileOrigin: mapTileOrigin(c.MAP_TILE_URL), attribution: c.MAP_TILE_ATTRIBUTION },
    oidc: c.OIDC_ISSUER
      ? {
          issuer: c.OIDC_ISSUER,
          clientId: c.OIDC_CLIENT_ID ?? "",
          clientSecret: c.OIDC_CLIENT_SECRET,
          scopes: c.OIDC_SCOPES,
          acrValues: c.OIDC_ACR_VALUES,
          requireAcr: c.OIDC_REQUIRE_ACR,
          claims: { name: c.OIDC_CLAIM_NAME, citizenId: c.OIDC_CLAIM_CITIZEN_ID, phone: c.OIDC_CLAIM_PHONE },
          label: c.OIDC_LABEL,
          allowHttp: c.OIDC_ALLOW_HTTP,
        }
      : undefined,
  };
}
