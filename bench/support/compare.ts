/**
 * Two servers under the same load in the same run: alternating rounds, so a
 * change in the machine's load hits both alike, and figures summed over the
 * rounds. Prints one line per server and the ratios the targets are set on.
 */
import { percentile } from "../stats.ts";
import { type LoadRun, type PreparedRequest, runLoad } from "./http-load.ts";

export interface Contender {
  label: string;
  urls: string[];
  /** Fresh prepared requests for one round. */
  prepare(count: number): PreparedRequest[];
  /** Checks a round's responses; returns how many were not a proper answer. */
  check?(run: LoadRun): number;
  /** CPU seconds the server process(es) used so far, to report CPU per request. */
  cpuSeconds?(): number;
}

export interface Totals {
  label: string;
  sent: number;
  elapsedMs: number;
  latenciesMs: number[];
  failures: number;
  /** CPU seconds the server used during its rounds (NaN when not known). */
  serverCpuS: number;
  /** CPU seconds this process (load generator and stand-ins) used during them. */
  generatorCpuS: number;
}

export interface Comparison {
  ours: Totals;
  bare: Totals;
  /** ours / bare requests per second. */
  throughputRatio: number;
  /** ours / bare p99 latency. */
  p99Ratio: number;
}

export const rate = (t: Totals) => (t.sent / t.elapsedMs) * 1000;

const perRequestMs = (t: Totals, seconds: number) => ((seconds * 1000) / t.sent).toFixed(2);

export function line(t: Totals): string {
  const cpu = Number.isNaN(t.serverCpuS)
    ? ""
    : `  CPU/req server ${perRequestMs(t, t.serverCpuS)} ms, generator ${perRequestMs(t, t.generatorCpuS)} ms`;
  return `  ${t.label.padEnd(40)} ${rate(t).toFixed(0).padStart(6)} req/s  p50 ${percentile(t.latenciesMs, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(t.latenciesMs, 99).toFixed(1).padStart(7)} ms${cpu}${t.failures ? `  NOT ANSWERED ${t.failures}` : ""}`;
}

export async function compare(
  ours: Contender,
  bare: Contender,
  opts: { requests: number; rounds: number; concurrency: number },
): Promise<Comparison> {
  const totals = (c: Contender): Totals => ({
    label: c.label,
    sent: 0,
    elapsedMs: 0,
    latenciesMs: [],
    failures: 0,
    serverCpuS: c.cpuSeconds ? 0 : Number.NaN,
    generatorCpuS: 0,
  });
  const a = totals(ours);
  const b = totals(bare);
  const perRound = Math.ceil(opts.requests / opts.rounds);
  for (let round = 0; round < opts.rounds; round++) {
    for (const [t, c] of [
      [a, ours],
      [b, bare],
    ] as const) {
      const requests = c.prepare(perRound);
      const serverBefore = c.cpuSeconds?.() ?? 0;
      const selfBefore = process.cpuUsage();
      const run = await runLoad(c.urls, requests, opts.concurrency, {
        keepBodies: Boolean(c.check),
      });
      const self = process.cpuUsage(selfBefore);
      t.generatorCpuS += (self.user + self.system) / 1e6;
      t.serverCpuS += (c.cpuSeconds?.() ?? 0) - serverBefore;
      t.sent += perRound;
      t.elapsedMs += run.elapsedMs;
      t.latenciesMs.push(...run.latenciesMs);
      t.failures += c.check ? c.check(run) : perRound - (run.statuses.get(200) ?? 0);
    }
  }
  return {
    ours: a,
    bare: b,
    throughputRatio: rate(a) / rate(b),
    p99Ratio: percentile(a.latenciesMs, 99) / percentile(b.latenciesMs, 99),
  };
}

export function verdict(value: number, target: number, atLeast: boolean): string {
  const met = atLeast ? value >= target : value <= target;
  return `x${value.toFixed(2)} (target ${atLeast ? ">=" : "<="} ${target}: ${met ? "met" : "NOT met"})`;
}
