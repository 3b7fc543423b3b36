// What the sets pages share: the province asked for (?province=) carried from page to page.
import type { Context } from "hono";
import type { AppEnv } from "../../../../platform/http/hono-env.ts";

/** The ?province= of the request when it is a province code, else null (the use cases then pick the first grant's). */
export const provinceParam = (c: Context<AppEnv>): string | null => {
  const v = c.req.query("province");
  return v && /^\d{2}$/.test(v) ? v : null;
};

/** A path with the province carried along (only when the request named one). */
export const withProvince = (path: string, province: string | null, extra: Record<string, string> = {}): string => {
  const q = new URLSearchParams({ ...(province ? { province } : {}), ...extra }).toString();
  return q ? `${path}${path.includes("?") ? "&" : "?"}${q}` : path;
};
