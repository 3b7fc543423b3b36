// The security headers of every answer, worked out once. Hono's secureHeaders() writes them onto the finished
// response, which makes @hono/node-server build a Headers object for every request; set before the handler, they
// travel in the context's plain header list instead. security-headers.unit.test.ts checks that the list is
// exactly what secureHeaders() would send with the same options.
import type { MiddlewareHandler } from "hono";

export type CspDirectives = Record<string, readonly string[]>;

export type SecurityHeaderOptions = {
  csp: CspDirectives;
  /** Only over HTTPS: browsers then refuse plain HTTP to this host for a year. */
  hsts: boolean;
  /** Features the pages never use, switched off (Permissions-Policy). */
  deniedFeatures: readonly string[];
  /** Features allowed to this origin only, not to frames of others (Permissions-Policy `feature=(self)`). */
  selfFeatures?: readonly string[];
};

const kebab = (s: string) => s.replace(/[A-Z]+(?![a-z])|[A-Z]/g, (m, offset: number) => (offset ? `-${m.toLowerCase()}` : m.toLowerCase()));

export function securityHeaderList(o: SecurityHeaderOptions): [string, string][] {
  const csp = Object.entries(o.csp)
    .map(([directive, values]) => [kebab(directive), ...values].join(" "))
    .join("; ");
  return [
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Origin-Agent-Cluster", "?1"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ...(o.hsts ? ([["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]] as [string, string][]) : []),
    ["X-Content-Type-Options", "nosniff"],
    ["X-DNS-Prefetch-Control", "off"],
    ["X-Download-Options", "noopen"],
    ["X-Frame-Options", "DENY"],
    ["X-Permitted-Cross-Domain-Policies", "none"],
    ["X-XSS-Protection", "0"],
    ["Content-Security-Policy", csp],
    ["Permissions-Policy", [...o.deniedFeatures.map((f) => `${kebab(f)}=()`), ...(o.selfFeatures ?? []).map((f) => `${kebab(f)}=(self)`)].join(", ")],
  ];
}

export function securityHeaders(o: SecurityHeaderOptions): MiddlewareHandler {
  const list = securityHeaderList(o);
  return async (c, next) => {
    for (const [name, value] of list) c.header(name, value);
    await next();
  };
}
