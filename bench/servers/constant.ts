// Baseline (c): the same framework as XãSố (Hono on @hono/node-server), one route returning a constant.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const port = Number(process.env.BENCH_PORT);
const app = new Hono();
app.get("/", (c) => c.text("ok"));

const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port }, (info) => {
  process.stdout.write(`bench-constant listening on ${info.port}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
