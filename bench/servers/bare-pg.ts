// Baseline (d): Hono on @hono/node-server with one bare `pg` pool. GET /units runs one primary-key query that
// selects the rows XãSố's search returned (codes passed in BENCH_CODES), as JSON with the API's field names.
// GET /search-sql runs XãSố's own repository search (the exact SQL the API issues) on the bare pool, with none of
// the HTTP stack, to separate the SQL cost from the application's cost.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import pg from "pg";
import { search } from "../../src/modules/admin-units/admin-units.repository.ts";

const port = Number(process.env.BENCH_PORT);
const codes = (process.env.BENCH_CODES ?? "").split(",").filter(Boolean);
const text = process.env.BENCH_QUERY ?? "gia phu";
const served = (process.env.BENCH_SERVED ?? "15").split(",");
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
pool.on("error", () => undefined);

const UNITS_SQL = `SELECT code, parent_code AS "parentCode", level, unit_type AS "unitType", name, full_name AS "fullName",
  name_en AS "nameEn", full_name_en AS "fullNameEn" FROM admin_units WHERE code = ANY($1::text[])`;

type Row = {
  code: string;
  parentCode: string | null;
  level: string;
  unitType: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
};
const present = (u: Row) => ({
  code: u.code,
  parentCode: u.parentCode,
  level: u.level,
  unitType: u.unitType,
  name: u.name,
  fullName: u.fullName,
  nameEn: u.nameEn,
  fullNameEn: u.fullNameEn,
});

const app = new Hono();
app.get("/units", async (c) => c.json({ items: (await pool.query<Row>(UNITS_SQL, [codes])).rows, nextCursor: null }));
app.get("/search-sql", async (c) => {
  const rows = await search({ query: (sql, values) => pool.query(sql, values) }, { text, served, after: null, limit: 21 });
  return c.json({ items: rows.slice(0, 20).map(present), nextCursor: null });
});

const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port }, (info) => {
  process.stdout.write(`bench-bare-pg listening on ${info.port}\n`);
});
const stop = () => server.close(() => void pool.end().finally(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
