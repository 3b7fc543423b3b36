// GeoReport v2 at reportPaths.open311Base: discovery, services, a service's definition, requests (list and post), one
// request, request id from a token. The format is the path's extension. These routes are key-authenticated, never
// cookie-authenticated: no handler here reads the signed-in principal, and the CSRF check skips them (app.ts).
import type { Context, Hono } from "hono";
import type { Deps } from "../../../deps.ts";
import { AppError, localizeField } from "../../../platform/http/app-error.ts";
import { clientIp } from "../../../platform/http/client-ip.ts";
import type { AppEnv } from "../../../platform/http/hono-env.ts";
import { negotiateLocale, type Translate, translator } from "../../../platform/i18n/i18n.ts";
import { open311ClientOf } from "../use-cases/open311-client-key.ts";
import { open311Jurisdiction } from "../use-cases/open311-jurisdiction.ts";
import { postOpen311Request, type SubmitReportFn } from "../use-cases/open311-post.ts";
import { getOpen311Request, open311RequestFromToken } from "../use-cases/open311-request.ts";
import { listOpen311Requests } from "../use-cases/open311-requests.ts";
import { open311ServiceDefinition } from "../use-cases/open311-service-definition.ts";
import { listOpen311Services } from "../use-cases/open311-services.ts";
import { reportPaths } from "../report-paths.ts";
import { CONTENT_TYPE, type Fmt, list, serialise, type XNode } from "./open311-format.ts";
import { presentRequest, serviceNotice } from "./open311-present.ts";
import { servicesChangedAt } from "./open311.repository.ts";

type Answer = { root: string; body: XNode };
const FMT = /\.(json|xml)$/;
const base = reportPaths.open311Base;

export function registerOpen311Routes(app: Hono<AppEnv>, deps: Deps, submit: SubmitReportFn): void {
  const localeOf = (c: Context<AppEnv>) => negotiateLocale(undefined, c.req.header("accept-language"), { api: true });
  const origin = (c: Context<AppEnv>) => deps.config.publicUrl?.replace(/\/$/, "") ?? new URL(c.req.url).origin;

  // Browsers' Open311 clients may read every answer: nothing here rides on cookies, so `*` lends no authority.
  // Public reads may be kept a minute; a read with an api_key may hold the client's own unpublished requests.
  app.use(`${base}/*`, async (c, next) => {
    c.header("access-control-allow-origin", "*");
    c.header("vary", "Accept-Language", { append: true });
    const keyed = c.req.method !== "GET" || c.req.query("api_key") !== undefined;
    c.header("cache-control", keyed ? "no-store" : "public, max-age=60");
    await next();
  });
  app.options(`${base}/*`, (c) => {
    c.header("access-control-allow-methods", "GET, POST, OPTIONS");
    c.header("access-control-allow-headers", "Content-Type, Accept-Language");
    c.header("access-control-max-age", "86400");
    return c.body(null, 204);
  });

  const errorBody = (err: AppError, t: Translate): XNode =>
    list(
      "error",
      err.fields.length
        ? err.fields.map((f) => ({ code: err.status, description: localizeField(f, t) }))
        : [{ code: err.status, description: t(err.messageKey, err.params) }],
    );

  const send = (c: Context<AppEnv>, fmt: Fmt, root: string, body: XNode, status: number) =>
    c.body(serialise(fmt, root, body), status as 200, { "content-type": CONTENT_TYPE[fmt] });

  /** Runs a handler; an expected failure becomes Open311's own error list in the asked format. */
  const route =
    (fn: (c: Context<AppEnv>, fmt: Fmt, stem: string) => Promise<Answer>) =>
    async (c: Context<AppEnv>): Promise<Response> => {
      const file = c.req.param("file") ?? "";
      const fmt = (FMT.exec(file)?.[1] ?? "json") as Fmt;
      try {
        const a = await fn(c, fmt, decodeURIComponent(file.replace(FMT, "")));
        return send(c, fmt, a.root, a.body, 200);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.retryAfterSeconds) c.header("retry-after", String(err.retryAfterSeconds));
        // Spec: 404 for what does not exist, 403 for a bad api_key, 400 for everything else.
        const status = err.status === 403 || err.status === 404 || err.status === 429 ? err.status : 400;
        return send(c, fmt, "errors", errorBody(err, translator(localeOf(c))), status);
      }
    };

  const jurisdiction = (c: Context<AppEnv>, form?: URLSearchParams) =>
    open311Jurisdiction(deps, form?.get("jurisdiction_id") ?? c.req.query("jurisdiction_id"));

  app.get(
    `${base}/:file{discovery\\.(?:json|xml)}`,
    route(async (c) => {
      const t = translator(localeOf(c));
      const at = await servicesChangedAt(deps.db);
      const changeset = at ? at.toISOString().slice(0, 16).replace("T", " ") : "2026-12-06 00:00";
      return {
        root: "discovery",
        body: {
          changeset,
          contact: t("reports.open311.discoveryContact", { url: `${origin(c)}${reportPaths.index}` }),
          key_service: t("reports.open311.keyService"),
          endpoints: list("endpoint", [
            {
              specification: "http://wiki.open311.org/GeoReport_v2",
              url: `${origin(c)}${base}`,
              changeset,
              type: "production",
              formats: list("format", ["text/xml", "application/json"]),
            },
          ]),
        },
      };
    }),
  );

  app.get(
    `${base}/:file{services\\.(?:json|xml)}`,
    route(async (c) => ({ root: "services", body: list("service", await listOpen311Services(deps, await jurisdiction(c), localeOf(c))) })),
  );

  app.get(
    `${base}/services/:file{[^/]+\\.(?:json|xml)}`,
    route(async (c, _fmt, code) => ({
      root: "service_definition",
      body: await open311ServiceDefinition(deps, await jurisdiction(c), code, localeOf(c)),
    })),
  );

  app.get(
    `${base}/:file{requests\\.(?:json|xml)}`,
    route(async (c) => {
      const locale = localeOf(c);
      const commune = await jurisdiction(c);
      const client = await open311ClientOf(deps, c.req.query("api_key"));
      const rows = await listOpen311Requests(deps, commune, client?.id ?? null, c.req.query());
      const t = translator(locale);
      return {
        root: "service_requests",
        body: list(
          "request",
          rows.map((r) => presentRequest(r, t, locale, origin(c))),
        ),
      };
    }),
  );

  app.post(
    `${base}/:file{requests\\.(?:json|xml)}`,
    route(async (c) => {
      const type = c.req.header("content-type") ?? "";
      if (!type.startsWith("application/x-www-form-urlencoded")) throw new AppError("validation", "reports.open311.error.body");
      const form = new URLSearchParams(await c.req.text());
      // Some clients (node-open311) send jurisdiction_id and api_key in the query string: the form wins.
      for (const name of ["jurisdiction_id", "api_key"]) {
        const q = c.req.query(name);
        if (!form.has(name) && q !== undefined) form.set(name, q);
      }
      const locale = localeOf(c);
      const commune = await jurisdiction(c, form);
      const posted = await postOpen311Request(
        deps,
        { form, clientIp: clientIp(c, deps.config.trustedProxies), requestId: c.get("requestId"), locale, submit },
        commune,
      );
      const accountId = form.get("account_id")?.trim().slice(0, 100) || null;
      return {
        // 200, not 201: the specification shows none, and clients written against its examples expect 200.
        root: "service_requests",
        body: list("request", [
          {
            service_request_id: posted.code,
            token: posted.token,
            service_notice: serviceNotice(translator(locale), posted.serviceNotice),
            account_id: accountId,
          },
        ]),
      };
    }),
  );

  app.get(
    `${base}/requests/:file{[^/]+\\.(?:json|xml)}`,
    route(async (c, _fmt, id) => {
      const locale = localeOf(c);
      const commune = await jurisdiction(c);
      const client = await open311ClientOf(deps, c.req.query("api_key"));
      const row = await getOpen311Request(deps, commune, id, client?.id ?? null);
      return { root: "service_requests", body: list("request", [presentRequest(row, translator(locale), locale, origin(c))]) };
    }),
  );

  app.get(
    `${base}/tokens/:file{[^/]+\\.(?:json|xml)}`,
    route(async (c, _fmt, token) => {
      const found = await open311RequestFromToken(deps, await jurisdiction(c), token);
      return { root: "service_requests", body: list("request", [{ service_request_id: found.code, token: found.token }]) };
    }),
  );

  // Anything else under the base: Open311's 404, in the format the path asks for.
  app.all(
    `${base}/:file{.*}`,
    route(async () => {
      throw new AppError("not_found", "reports.open311.error.notFound");
    }),
  );
}
