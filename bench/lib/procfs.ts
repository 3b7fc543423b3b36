// Reads memory and CPU figures of processes from /proc (Linux only). Every function tolerates a vanished pid.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let clkTck: number | undefined;
/** Clock ticks per second used by /proc/<pid>/stat (USER_HZ, almost always 100). */
export function clockTicks(): number {
  if (clkTck === undefined) {
    try {
      clkTck = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8", timeout: 2000 }).trim()) || 100;
    } catch {
      clkTck = 100;
    }
  }
  return clkTck;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may itself contain spaces or parentheses). */
function statFields(pid: number): string[] | null {
  const s = read(`/proc/${pid}/stat`);
  if (!s) return null;
  return s.slice(s.lastIndexOf(")") + 2).split(" ");
}

function statusKb(pid: number, field: string): number | null {
  const s = read(`/proc/${pid}/status`);
  const m = s ? new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(s) : null;
  return m ? Number(m[1]) : null;
}

/** Resident set size in KiB (VmRSS), or null when the process is gone. */
export const rssKb = (pid: number) => statusKb(pid, "VmRSS");

/** Proportional set size in KiB (shared pages divided among their users), from smaps_rollup. */
export function pssKb(pid: number): number | null {
  const s = read(`/proc/${pid}/smaps_rollup`);
  const m = s ? /^Pss:\s+(\d+) kB/m.exec(s) : null;
  return m ? Number(m[1]) : null;
}

export function parentPid(pid: number): number | null {
  const f = statFields(pid);
  return f ? Number(f[1]) : null; // field 4 of stat: ppid
}

/** User + system CPU time in milliseconds consumed so far by this process (not its children). */
export function cpuMs(pid: number): number | null {
  const f = statFields(pid);
  if (!f) return null;
  return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks(); // fields 14, 15: utime, stime
}

/** Direct children of pid, found by scanning /proc once. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const child = Number(name);
    if (parentPid(child) === pid) out.push(child);
  }
  return out;
}

/** A process and its direct children: a PostgreSQL postmaster and its backends and helpers. */
export function processGroup(rootPid: number): number[] {
  return [rootPid, ...childrenOf(rootPid)];
}

export type MemorySum = { processes: number; rssKb: number; pssKb: number | null };

export function sumMemory(pids: number[]): MemorySum {
  let rss = 0;
  let pss: number | null = 0;
  let n = 0;
  for (const pid of pids) {
    const r = rssKb(pid);
    if (r === null) continue;
    n++;
    rss += r;
    const p = pssKb(pid);
    pss = p === null || pss === null ? null : pss + p;
  }
  return { processes: n, rssKb: rss, pssKb: pss };
}

/** CPU milliseconds per pid, to diff before and after a load run. */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const pid of pids) {
    const v = cpuMs(pid);
    if (v !== null) m.set(pid, v);
  }
  return m;
}

/** CPU used between two snapshots; processes that appeared in between count from zero. */
export function cpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, v] of after) total += v - (before.get(pid) ?? 0);
  return total;
}

/** Machine-wide CPU milliseconds from /proc/stat: busy (user, nice, system, irq, softirq) and steal. */
export function machineCpuMs(): { busy: number; steal: number } {
  const line = (read("/proc/stat") ?? "").split("\n")[0] ?? "";
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const t = (i: number) => v[i] ?? 0;
  const k = 1000 / clockTicks();
  return { busy: (t(0) + t(1) + t(2) + t(5) + t(6)) * k, steal: t(7) * k };
}
