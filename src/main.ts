// Entry: load config → open database → migrate → listen. Stops cleanly on SIGINT/SIGTERM.
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { startRuntime } from "./bootstrap.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { seedDemo } from "./demo/seed-demo.ts";
import { seedCommunityDemo } from "./demo/seed-community.ts";
import { seedPublicServicesDemo } from "./demo/seed-public-services.ts";
import { seedNoticesDemo } from "./demo/seed-notices.ts";
import { seedIndicatorsEntryDemo } from "./demo/seed-indicators-entry.ts";
import { seedReportsDemo } from "./demo/seed-reports.ts";
import { refreshFacts } from "./modules/indicators/index.ts";
import { createOidcClient } from "./modules/identity/index.ts";
import { purgeExpired } from "./modules/identity/use-cases/purge-expired.ts";
import pino from "pino";
import { createLogger } from "./platform/observability/logger.ts";
import { createOutboxWorker, purgeSent } from "./platform/jobs/outbox.ts";
import { runJobQueue } from "./platform/jobs/job-queue.ts";
import { moduleMounts } from "./modules.ts";
import { createChannelTransports, noticeOutboxHandlers } from "./modules/notices/index.ts";
import { createDevEmailSink, createDevSmsSink, createHttpSmsGateway, createSmtpSender, notificationHandlers } from "./modules/notifications/index.ts";
import { purgeThrottleHits } from "./platform/throttle/throttle.ts";
import { sealAudit } from "./platform/audit/index.ts";
import { isProductionDatabase } from "./platform/db/production-mark.ts";

const startedAt = performance.now();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}
// Log lines are buffered (4 KB, flushed every second and on shutdown): one write per line was a measurable
// share of each request's CPU on a small server.
const log = createLogger(config.logLevel, pino.destination({ dest: 1, sync: false, minLength: 4096 }));
const logFlusher = setInterval(() => log.flush(), 1000);
logFlusher.unref();
const runtime = await startRuntime(config, log);
if (config.seedDemo && (await isProductionDatabase(runtime.db))) {
  // A development-mode server pointed at a production database: no demo accounts there, and no start.
  const refused = new ConfigError(["SEED_DEMO: the database is marked as a production database; start with SEED_DEMO=false (see docs/operations.md)"]);
  process.stderr.write(`${refused.message}\n`);
  await runtime.close();
  process.exit(78); // EX_CONFIG
}
if (config.seedDemo) {
  const seeded = await seedDemo(runtime);
  if (seeded.created) log.info({ users: seeded.users }, "demo data loaded");
  const services = await seedPublicServicesDemo(runtime);
  if (services.procedures || services.dossiers) log.info(services, "demo public services loaded");
  await seedCommunityDemo(runtime);
  await seedReportsDemo(runtime);
  await seedNoticesDemo(runtime);
  await seedIndicatorsEntryDemo(runtime);
  // The indicators read daily facts: compute them once so the demo dashboards show figures at once.
  await refreshFacts(runtime);
}
const app = createApp({ ...runtime, oidc: config.oidc ? createOidcClient(config.oidc) : null });
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  log.info(
    {
      url: `http://${info.address === "::" ? "localhost" : info.address}:${info.port}`,
      engine: runtime.engine,
      startupMs: Math.round(performance.now() - startedAt),
    },
    "XãSố is listening",
  );
  log.flush(); // supervisors and tests wait for this line
});

// Notifications leave through the database outbox; unconfigured channels go to the log (development sinks).
const sms = config.sms.gatewayUrl
  ? createHttpSmsGateway({ url: config.sms.gatewayUrl, token: config.sms.gatewayToken ?? "", sender: config.sms.sender })
  : createDevSmsSink(log.child({ component: "sms" }));
const smtp = config.mail.smtpUrl ? createSmtpSender({ url: config.mail.smtpUrl, from: config.mail.from }) : null;
if (config.env === "production" && (!config.sms.gatewayUrl || !smtp)) {
  log.warn({ sms: !!config.sms.gatewayUrl, email: !!smtp }, "notifications not fully configured: unconfigured channels are only logged");
}
const email = smtp ?? createDevEmailSink(log.child({ component: "email" }));
const outbox = createOutboxWorker({
  db: runtime.db,
  log: log.child({ component: "outbox" }),
  clock: runtime.clock,
  handlers: {
    ...notificationHandlers({ sms, email }),
    // Notices to residents: the fan-out of an approved notice, then each channel's messages (docs/notices.md).
    ...noticeOutboxHandlers(runtime, createChannelTransports(runtime, { sms, email })),
  },
});
outbox.start({ pollMs: config.outboxPollMs });

// Scheduled and background tasks of the modules (reminders, auto-close) on pg-boss, in the database's `pgboss` schema.
// Started in the background (retried while the database is unreachable): the server does not wait for it.
const jobs = runJobQueue({
  db: runtime.db,
  log: log.child({ component: "jobs" }),
  tasks: moduleMounts({ oidc: null }).flatMap((m) => m.jobs?.(runtime) ?? []),
});

// Audit entries are written without a lock and joined to the hash chain here, about once a second.
let sealing = false;
const sealer = setInterval(() => {
  if (sealing) return;
  sealing = true;
  void sealAudit(runtime.db)
    .catch((err) => log.warn({ err }, "audit sealing failed"))
    .finally(() => (sealing = false));
}, 1000);
sealer.unref();

const OUTBOX_RETENTION_MS = 30 * 86_400_000;
const housekeeping = setInterval(() => {
  const now = runtime.clock.now();
  void Promise.all([
    purgeExpired(runtime),
    purgeSent(runtime.db, new Date(now.getTime() - OUTBOX_RETENTION_MS)),
    // Every throttle window is at most a day, except a longer sign-in window if one is configured.
    purgeThrottleHits(runtime.db, new Date(now.getTime() - Math.max(86_400_000, config.signIn.windowMinutes * 60_000))),
  ]).catch((err) => log.warn({ err }, "housekeeping failed"));
}, 10 * 60_000);
housekeeping.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down");
  clearInterval(housekeeping);
  clearInterval(sealer);
  // Stop accepting, let in-flight requests finish (bounded), then close the database.
  const force = setTimeout(() => {
    log.warn("in-flight requests did not finish in 10 s; closing anyway");
    (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
  }, 10_000);
  force.unref();
  await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), outbox.stop(), jobs.stop()]);
  clearTimeout(force);
  smtp?.close();
  await runtime.close();
  log.info("stopped");
  clearInterval(logFlusher);
  log.flush(() => process.exit(0));
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
