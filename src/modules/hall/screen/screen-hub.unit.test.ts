// The screen hub without a database: a fake listener and a counted compute. Debounced bursts compute once for every
// screen; a change during a computation is computed again afterwards; the per-address cap; the listener opened with
// the first screen and closed with the last (a first state waits for it); a reconnect recomputes every watched commune.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ScreenHub } from "./screen-hub.ts";

function setup(opts: { ready?: Promise<void>; connected?: boolean } = {}) {
  let notify: (code: string) => void = () => undefined;
  let reconnect: () => void = () => undefined;
  const listener = { ready: opts.ready ?? Promise.resolve(), connected: opts.connected ?? true, close: vi.fn(async () => undefined) };
  const listen = vi.fn((onMessage: (c: string) => void, onReconnect: () => void) => {
    notify = onMessage;
    reconnect = onReconnect;
    return listener;
  });
  let version = 0;
  const compute = vi.fn(async (code: string) => ({ code, version: ++version }));
  const hub = new ScreenHub({ listen, compute, debounceMs: 200, heartbeatMs: 20_000, maxPerAddress: 3 });
  const screen = () => {
    const chunks: string[] = [];
    const write = (c: string) => {
      chunks.push(c);
      return true;
    };
    return { chunks, client: { write, close: vi.fn() } };
  };
  return { hub, listen, listener, compute, screen, notify: (c: string) => notify(c), reconnect: () => reconnect() };
}

describe("screen hub", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("computes once per debounced burst and writes to every screen of the commune only", async () => {
    const s = setup();
    const a = s.screen();
    const b = s.screen();
    const other = s.screen();
    s.hub.connect("02923", "1.1.1.1", a.client);
    await vi.advanceTimersByTimeAsync(1);
    s.hub.connect("02923", "1.1.1.2", b.client);
    s.hub.connect("02905", "1.1.1.3", other.client);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.listen).toHaveBeenCalledTimes(1);
    const before = s.compute.mock.calls.length;
    s.notify("02923");
    s.notify("02923");
    s.notify("02923");
    await vi.advanceTimersByTimeAsync(250);
    expect(s.compute.mock.calls.length).toBe(before + 1);
    const last = (x: { chunks: string[] }) => x.chunks.at(-1) ?? "";
    expect(last(a)).toBe(last(b));
    expect(last(a)).toMatch(/^event: state\ndata: \{"code":"02923"/);
    expect(other.chunks.filter((c) => c.includes("02923"))).toEqual([]);
  });

  it("computes a screen's first state only once the LISTEN is in place, so a change made before it is not missed", async () => {
    let up: () => void = () => undefined;
    const s = setup({ connected: false, ready: new Promise<void>((r) => (up = r)) });
    const a = s.screen();
    s.hub.connect("02923", "1.1.1.1", a.client);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.compute).not.toHaveBeenCalled();
    up();
    await s.hub.listening();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.compute).toHaveBeenCalledTimes(1);
    expect(a.chunks.at(-1)).toMatch(/^event: state\n/);
  });

  it("sends the retry hint, then the cached state to a screen that connects later", async () => {
    const s = setup();
    const a = s.screen();
    s.hub.connect("02923", "1.1.1.1", a.client);
    await vi.advanceTimersByTimeAsync(1);
    const b = s.screen();
    s.hub.connect("02923", "1.1.1.1", b.client);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.chunks[0]).toBe("retry: 5000\n\n");
    expect(b.chunks[1]).toBe(a.chunks[1]);
    expect(s.compute).toHaveBeenCalledTimes(1);
  });

  it("computes again when a change arrives during a computation", async () => {
    const s = setup();
    let release: () => void = () => undefined;
    s.compute.mockImplementationOnce(async (code) => ({ code, version: 0 }));
    const a = s.screen();
    s.hub.connect("02923", "x", a.client);
    await vi.advanceTimersByTimeAsync(1);
    s.compute.mockImplementationOnce(
      (code) =>
        new Promise((r) => {
          release = () => r({ code, version: 100 });
        }),
    );
    s.notify("02923");
    await vi.advanceTimersByTimeAsync(250);
    s.notify("02923");
    await vi.advanceTimersByTimeAsync(250);
    release();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.compute).toHaveBeenCalledTimes(3);
    expect(a.chunks.at(-1)).toContain('"version"');
  });

  it("caps streams per address, frees the place on removal, and closes the listener with the last screen", async () => {
    const s = setup();
    const removes = [1, 2, 3].map(() => s.hub.connect("02923", "9.9.9.9", s.screen().client));
    expect(removes.every((r) => r !== null)).toBe(true);
    expect(s.hub.connect("02923", "9.9.9.9", s.screen().client)).toBeNull();
    expect(s.hub.connect("02923", "9.9.9.8", s.screen().client)).not.toBeNull();
    removes[0]!();
    removes[0]!();
    expect(s.hub.connect("02923", "9.9.9.9", s.screen().client)).not.toBeNull();
    await s.hub.close();
    expect(s.listener.close).toHaveBeenCalled();
    expect(s.hub.connections).toBe(0);
  });

  it("recomputes every watched commune after the listener reconnects, and sends heartbeats", async () => {
    const s = setup();
    const a = s.screen();
    s.hub.connect("02923", "x", a.client);
    await vi.advanceTimersByTimeAsync(1);
    const before = s.compute.mock.calls.length;
    s.reconnect();
    await vi.advanceTimersByTimeAsync(250);
    expect(s.compute.mock.calls.length).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(a.chunks).toContain(": ping\n\n");
  });
});
