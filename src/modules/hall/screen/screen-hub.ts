// The big screens' live stream, one hub per process: ONE LISTEN connection for every screen, changes debounced and
// each commune's state computed once per change, then written to every screen of that commune. A screen that
// connects gets the last state computed (or the one being computed) — 200 screens cost one query, not 200.
import type { ChannelListener } from "../../../platform/db/listen.ts";

export type ScreenClient = {
  /** Queues one chunk of the event stream; false when the client is too far behind (it is then dropped). */
  write(chunk: string): boolean;
  close(): void;
};

export type ScreenHubOptions<S> = {
  /** Starts listening; the hub calls it when the first screen connects and closes it when the last one leaves. */
  listen: (onMessage: (communeCode: string) => void, onReconnect: () => void) => ChannelListener;
  compute: (communeCode: string) => Promise<S>;
  onError?: (err: unknown, communeCode: string) => void;
  debounceMs?: number;
  heartbeatMs?: number;
  maxPerAddress?: number;
};

type Commune<S> = {
  clients: Set<ScreenClient>;
  state: S | null;
  /** The state being computed; screens that connect meanwhile wait for it instead of computing their own. */
  pending: Promise<S> | null;
  timer: NodeJS.Timeout | undefined;
  /** A change arrived while computing: compute once more afterwards. */
  dirty: boolean;
};

export const SSE_RETRY_MS = 5_000;
export const stateEvent = (state: unknown) => `event: state\ndata: ${JSON.stringify(state)}\n\n`;

export class ScreenHub<S> {
  private readonly communes = new Map<string, Commune<S>>();
  private readonly perAddress = new Map<string, number>();
  private listener: ChannelListener | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly debounceMs: number;
  private readonly heartbeatMs: number;
  readonly maxPerAddress: number;
  /** State computations so far (the test and the benchmark check one per change, whatever the number of screens). */
  computations = 0;
  /** Events written to screens so far. */
  eventsWritten = 0;

  constructor(private readonly opts: ScreenHubOptions<S>) {
    this.debounceMs = opts.debounceMs ?? 200;
    this.heartbeatMs = opts.heartbeatMs ?? 20_000;
    this.maxPerAddress = opts.maxPerAddress ?? 20;
  }

  get connections(): number {
    let n = 0;
    for (const c of this.communes.values()) n += c.clients.size;
    return n;
  }

  /** Resolves when the LISTEN connection is in place (tests wait for it before signalling a change). */
  async listening(): Promise<void> {
    await this.listener?.ready;
  }

  /**
   * Adds a screen: it receives the retry hint and the current state, then every change. Returns the function that
   * removes it, or null when its address already holds maxPerAddress streams.
   */
  connect(communeCode: string, address: string, client: ScreenClient): (() => void) | null {
    const held = this.perAddress.get(address) ?? 0;
    if (held >= this.maxPerAddress) return null;
    this.perAddress.set(address, held + 1);
    let commune = this.communes.get(communeCode);
    if (!commune) {
      commune = { clients: new Set(), state: null, pending: null, timer: undefined, dirty: false };
      this.communes.set(communeCode, commune);
    }
    commune.clients.add(client);
    this.start();
    client.write(`retry: ${SSE_RETRY_MS}\n\n`);
    const c = commune;
    // The cached state is current only while the LISTEN connection is up (a change could be missed otherwise), and a
    // first state is computed only once the LISTEN is in place: a change committed between the two would be lost.
    const l = this.listener;
    const initial =
      c.state !== null && l?.connected
        ? Promise.resolve(c.state)
        : (l?.ready ?? Promise.resolve()).then(() => (c.clients.has(client) ? this.refresh(communeCode, c) : Promise.reject(new Error("gone"))));
    initial.then(
      (state) => {
        if (c.clients.has(client)) this.send(c, client, stateEvent(state));
      },
      () => undefined,
    );
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      c.clients.delete(client);
      const n = (this.perAddress.get(address) ?? 1) - 1;
      if (n > 0) this.perAddress.set(address, n);
      else this.perAddress.delete(address);
      if (c.clients.size === 0) {
        clearTimeout(c.timer);
        this.communes.delete(communeCode);
      }
      if (this.communes.size === 0) void this.stop();
    };
  }

  /** A NOTIFY for a commune: debounced, then one computation for all its screens. */
  changed(communeCode: string): void {
    const c = this.communes.get(communeCode);
    if (!c) return;
    if (c.timer) return;
    c.timer = setTimeout(() => {
      c.timer = undefined;
      if (c.pending) {
        c.dirty = true;
        return;
      }
      void this.broadcast(communeCode, c);
    }, this.debounceMs);
  }

  async close(): Promise<void> {
    for (const c of this.communes.values()) {
      clearTimeout(c.timer);
      for (const client of c.clients) client.close();
    }
    this.communes.clear();
    this.perAddress.clear();
    await this.stop();
  }

  private async broadcast(communeCode: string, c: Commune<S>): Promise<void> {
    let state: S;
    try {
      state = await this.refresh(communeCode, c);
    } catch {
      return;
    }
    const chunk = stateEvent(state);
    for (const client of c.clients) this.send(c, client, chunk);
  }

  private refresh(communeCode: string, c: Commune<S>): Promise<S> {
    if (c.pending) return c.pending;
    this.computations += 1;
    const p = this.opts.compute(communeCode).then(
      (state) => {
        c.state = state;
        return state;
      },
      (err: unknown) => {
        this.opts.onError?.(err, communeCode);
        throw err;
      },
    );
    c.pending = p;
    const settle = () => {
      c.pending = null;
      if (c.dirty && this.communes.get(communeCode) === c) {
        c.dirty = false;
        void this.broadcast(communeCode, c);
      }
    };
    p.then(settle, settle);
    return p;
  }

  private send(c: Commune<S>, client: ScreenClient, chunk: string): void {
    this.eventsWritten += 1;
    if (!client.write(chunk)) {
      c.clients.delete(client);
      client.close();
    }
  }

  private start(): void {
    if (this.listener) return;
    this.listener = this.opts.listen(
      (communeCode) => this.changed(communeCode),
      // Changes may have been missed while the connection was down: every commune watched is computed again.
      () => {
        for (const code of this.communes.keys()) this.changed(code);
      },
    );
    this.heartbeat = setInterval(() => {
      for (const c of this.communes.values()) for (const client of c.clients) this.send(c, client, ": ping\n\n");
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  private async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const l = this.listener;
    this.listener = null;
    await l?.close();
  }
}
