// DATABASE_URL → that PostgreSQL; otherwise the embedded server in DATA_DIR. Same schema, driver and code.
import type { Logger } from "pino";
import type { Config } from "../../config.ts";
import { createDatabase, type Database } from "./database.ts";
import { startEmbeddedServer } from "./embedded-server.ts";

export type OpenedDatabase = { db: Database; engine: "embedded" | "external"; close(): Promise<void> };

export async function openDatabase(config: Config, log: Logger): Promise<OpenedDatabase> {
  // A restart, failover or idle-session timeout: the request in flight gets 503, the pool connects anew.
  const onConnectionLost = (err: Error) => log.warn({ err: err.message, code: (err as { code?: string }).code }, "database connection lost");
  if (config.databaseUrl) {
    const db = createDatabase(config.databaseUrl, { max: config.poolSize, onConnectionLost });
    return { db, engine: "external", close: () => db.close() };
  }
  const pgLog = log.child({ component: "embedded-postgres" });
  const server = await startEmbeddedServer({ dataDir: config.dataDir, port: config.embeddedPgPort, log: (m) => pgLog.debug(m) });
  const db = createDatabase(server.url, { max: config.poolSize, onConnectionLost });
  return {
    db,
    engine: "embedded",
    async close() {
      await db.close().catch(() => undefined);
      await server.stop();
    },
  };
}
