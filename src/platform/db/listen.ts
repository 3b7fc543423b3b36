// LISTEN on one PostgreSQL channel over a connection of its own (not the pool's: a pooled client may be handed to
// another caller, and notifications only reach the session that listens). The connection is re-opened with backoff
// when it drops; onReconnect then tells the caller that notifications may have been missed meanwhile.
import pg from "pg";

export type ChannelListener = {
  /** Resolves once the first LISTEN is in place (or rejects if the first connection fails and close() was called). */
  ready: Promise<void>;
  readonly connected: boolean;
  close(): Promise<void>;
};

export type ListenOptions = {
  /** Called after a dropped connection is listening again (not after the first connect). */
  onReconnect?: () => void;
  onError?: (err: Error) => void;
  /** First retry delay; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  applicationName?: string;
};

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function listen(url: string, channel: string, onMessage: (payload: string) => void, opts: ListenOptions = {}): ChannelListener {
  const firstDelay = opts.retryMs ?? 500;
  const maxDelay = opts.maxRetryMs ?? 30_000;
  let client: pg.Client | null = null;
  let closed = false;
  let connected = false;
  let everConnected = false;
  let delay = firstDelay;
  let timer: NodeJS.Timeout | undefined;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => {
    resolveReady = r;
  });

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void open();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, maxDelay);
  };

  async function open(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: opts.applicationName ?? "xaso-listen", keepAlive: true });
    client = c;
    const dropped = (err?: Error) => {
      if (client !== c) return;
      client = null;
      connected = false;
      if (err) opts.onError?.(err);
      c.end().catch(() => undefined);
      retry();
    };
    c.on("error", (err) => dropped(err));
    c.on("end", () => dropped());
    c.on("notification", (n) => {
      if (n.channel === channel) onMessage(n.payload ?? "");
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      dropped(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    connected = true;
    delay = firstDelay;
    if (everConnected) opts.onReconnect?.();
    everConnected = true;
    resolveReady();
  }

  void open();
  return {
    ready,
    get connected() {
      return connected;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      const c = client;
      client = null;
      connected = false;
      resolveReady();
      if (c) await c.end().catch(() => undefined);
    },
  };
}
