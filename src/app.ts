// createApp(deps): mounts the three faces over the same use cases. No side effects, so tests build it freely.
import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import type { Deps } from "./deps.ts";
import { registerModuleMessages } from "./module-messages.ts";
import { moduleMounts } from "./modules.ts";
import { resolveApiToken, resolveSession } from "./modules/identity/index.ts";
import type { OidcClient } from "./modules/identity/index.ts";
import { isStationDevicePath } from "./modules/notices/index.ts";
import { AppError, validationError } from "./platform/http/app-error.ts";
import type { AppEnv } from "./platform/http/hono-env.ts";
import {
  addVary,
  csrfMiddleware,
  errorHandler,
  localeMiddleware,
  principalMiddleware,
  requestContext,
  requireJsonBody,
  sessionCookieName,
  userLocaleMiddleware,
} from "./platform/http/middleware.ts";
import { inputGuard } from "./platform/http/input-guard.ts";
import { createPageCache } from "./platform/http/page-cache.ts";
import { FLASH_COOKIE } from "./platform/views/page-context.ts";
import { securityHeaders } from "./platform/http/security-headers.ts";
import { loadStaticAssets, type StaticAssets } from "./platform/http/static-assets.ts";
import type { WebContext } from "./platform/http/web-context.ts";
import { createMetrics, type Metrics } from "./platform/observability/metrics.ts";
import { registerOpsRoutes } from "./platform/http/ops.routes.ts";
import { registerApiDocs } from "./platform/http/api-docs.tsx";
import { registerHomePages, renderErrorPage } from "./web/home.pages.tsx";

export type AppDeps = Deps & { metrics?: Metrics; assets?: StaticAssets; oidc?: OidcClient | null };

export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** The site's CSP, with the report map's tile host (MAP_TILE_URL) allowed for images, and only it. */
export function cspFor(config: AppDeps["config"]): typeof CSP {
  return config.map.tileOrigin ? { ...CSP, imgSrc: [...CSP.imgSrc, config.map.tileOrigin] } : CSP;
}

export function createApp(deps: AppDeps) {
  const metrics = deps.metrics ?? createMetrics();
  const assets = deps.assets ?? loadStaticAssets();
  const web: WebContext = { deps, assets };
  const modules = moduleMounts({ oidc: deps.oidc ?? null });
  registerModuleMessages();
  const app = new Hono<AppEnv>();
  const pageCache = createPageCache({
    paths: ["/", "/procedures", "/reports"],
    // A commune's public reports and their map (reports' public part): the same for every anonymous visitor.
    patterns: [/^\/reports\/\d{5}(\/map)?$/],
    personalCookies: [sessionCookieName(deps.config.cookieSecure), FLASH_COOKIE],
    ttlMs: 30_000,
    maxEntries: 200,
  });

  app.use(requestContext(deps.log, metrics));
  app.use(localeMiddleware());
  // Geolocation stays for our own pages only: the report form's "use my location" (reports' map picker).
  app.use(
    securityHeaders({ csp: cspFor(deps.config), hsts: deps.config.cookieSecure, deniedFeatures: ["camera", "microphone"], selfFeatures: ["geolocation"] }),
  );
  app.get("/assets/*", (c) => assets.serve(c));
  registerOpsRoutes(app, deps, metrics);

  // Requests that carry files (multipart forms, or the API's JSON with base64 content) get the larger limit.
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError("payload_too_large", "error.payloadTooLarge", [], { max: Math.round(maxSize / 1024) });
      },
    });
  const smallBody = limit(deps.config.maxBodyBytes);
  const uploadBody = limit(deps.config.uploadMaxBodyBytes);
  app.use((c, next) => {
    // A GET has no body to limit; asking for one would build the full fetch Request for nothing.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const type = c.req.header("content-type") ?? "";
    const carriesFiles = type.startsWith("multipart/form-data") || UPLOAD_API_PATHS.test(c.req.path);
    return (carriesFiles ? uploadBody : smallBody)(c, next);
  });
  // Only a client that accepts an encoding goes through compress(), which otherwise still rewrites every answer.
  const compressed = compress();
  app.use(async (c, next) => {
    if (c.req.header("accept-encoding")) return compressed(c, next);
    await next();
    addVary(c, "Accept-Encoding");
  });
  app.use(pageCache.middleware);
  app.use(
    principalMiddleware(
      { fromSession: (t) => resolveSession(deps, t), fromApiToken: (t) => resolveApiToken(deps, t) },
      deps.config.cookieSecure,
      isStationDevicePath,
    ),
  );
  // What a signed-in person is shown may hold personal data (theirs or, in the office, others'): no cache keeps it.
  // Set before the handler (no rewrite of the answer); anonymous public pages stay cacheable (the page cache's ETag).
  app.use(async (c, next) => {
    if (c.get("principal")) c.header("cache-control", "private, no-store");
    await next();
  });
  app.use(userLocaleMiddleware());
  // Text the database cannot store is a 400 naming the field, before any handler (or the CSRF check) reads it.
  app.use(inputGuard());
  // The language switch of an anonymous visitor writes only their own language cookie: its form carries no token,
  // so that anonymous pages hold none and can be kept (a signed-in user's switch saves their profile: token checked).
  // Open311 GeoReport v2 (reports module) authenticates posts by their api_key and never acts as the cookie's user;
  // the notices' delivery callbacks (SMS gateway, Zalo) by their body's signature.
  app.use(
    csrfMiddleware(deps.config.sessionSecret, deps.config.cookieSecure, {
      anonymousPaths: ["/language"],
      keyAuthenticatedPrefixes: ["/open311/", "/api/v1/notices/delivery-reports/"],
    }),
  );
  const jsonOnly = requireJsonBody();
  // The catalogue import takes the file itself as the body (xlsx or csv); the registry import, a training's material
  // and a field photo (the device's Blob, no base64) come as multipart. Their handlers check the media type.
  const notJson = new Set(["/api/v1/procedures/import", "/api/v1/registry/imports", "/api/v1/field/photos"]);
  // A loudspeaker slot carries its audio file (multipart): notices/loudspeakers.
  const fileBody = (path: string) =>
    notJson.has(path) || /^\/api\/v1\/trainings\/[^/]+\/materials$/.test(path) || /^\/api\/v1\/radio-stations\/[^/]+\/slots(\/[^/]+)?$/.test(path);
  app.use("/api/v1/*", (c, next) => (fileBody(c.req.path) ? next() : jsonOnly(c, next)));
  // Set before the handler, so it costs no rewrite of the answer; a handler may only make it stricter.
  app.use("/api/*", async (c, next) => {
    c.header("cache-control", "no-store");
    await next();
  });

  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues);
    },
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "API token created in the office face",
  });
  for (const m of modules) m.api?.(api, deps);
  app.route("/", api);
  registerApiDocs(app, api, web);

  registerHomePages(app, web);
  for (const m of modules) m.pages?.(app, web);

  app.notFound(() => {
    throw new AppError("not_found", "error.notFound");
  });
  app.onError(errorHandler(metrics, (c, status, title, detail) => renderErrorPage(c, web, status, title, detail)));
  return Object.assign(app, { openapi: api, metrics, pageCache });
}

/** API routes whose JSON bodies may carry base64 files (a citizen report's or its answer's photos too; and the field sync, up to 1,000 queued items). */
const UPLOAD_API_PATHS =
  /^\/api\/v1\/(files|me\/vault|procedures\/import|field\/sync|reports|dossiers(\/[^/]+\/actions\/[^/]+)?|reports\/[^/]+\/actions\/resolve)$/;

export type App = ReturnType<typeof createApp>;
