import type { Context } from "hono";

/** The client's address: for throttles and the session record. */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  // Behind a reverse proxy (TRUST_PROXY=true) the proxy's X-Real-IP names the client; otherwise it could be forged.
  const real = trustProxy ? c.req.header("x-real-ip") : undefined;
  if (real && /^[0-9a-fA-F:.]{2,45}$/.test(real)) return real;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}
