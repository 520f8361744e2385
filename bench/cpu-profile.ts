/**
 * Where the time went, from a V8 CPU profile (`node --cpu-prof`): self time
 * by area (our files, each npm package, Node internals) and by function, as a
 * share of the time the process was busy (idle excluded), counted from the
 * first request dispatched on, so start-up (module loading) is left out. For
 * the table in docs/operations.md:
 *
 *   BENCH_MIX=repeated BENCH_CPU_PROF=/tmp/prof npm run bench -- slack-http
 *   npx tsx bench/cpu-profile.ts --requests=3000 /tmp/prof/{ours,bare}/CPU.*.001.cpuprofile
 *
 * (3,000: the warm-up's 1,000 and the 2,000 measured, per server, for one mix;
 * `--requests` adds the table's rows in microseconds per request.)
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function area(url: string, fn: string): string {
  if (fn === "(idle)" || fn === "(garbage collector)" || fn === "(program)") return fn;
  if (!url) return "(native: syscalls, JSON, regexps)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm ${pkg[1]}`;
  if (url.startsWith("node:"))
    return url.replace(/^node:(internal\/)?/, "node ").replace(/\/.*$/, "");
  const own = /\/((?:src|commands)\/.*)$/.exec(url);
  return own?.[1] ?? url;
}

/**
 * Where serving requests begins: Bolt's processEvent (both Slack servers), the Discord route,
 * or a baseline's own code run outside its module's evaluation (its request handler). Not
 * node:http's handler alone: health probes during start-up pass through it while modules
 * still load, and start-up is not per-request work.
 */
function serves(frame: ProfileNode["callFrame"]): boolean {
  return (
    frame.functionName === "processEvent" ||
    (frame.functionName === "handle" && frame.url.endsWith("/discord/http-interactions.ts")) ||
    frame.url.includes("/bench/servers/")
  );
}

/** Nodes whose stack passes through serves(): once one is sampled, requests are being served. */
function servingNodes(profile: Profile): Set<number> {
  const serving = new Set<number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const mark = (node: ProfileNode | undefined, inside: boolean, loading: boolean) => {
    if (!node) return;
    const inModule = loading || node.callFrame.functionName === "evaluate";
    const here = inside || (!inModule && serves(node.callFrame));
    if (here) serving.add(node.id);
    for (const child of node.children ?? []) mark(byId.get(child), here, inModule);
  };
  mark(profile.nodes[0], false, false);
  return serving;
}

/** The rows of the table in docs/operations.md ("Where the time goes"), by area and function. */
function tableRow(a: string, fn: string): string {
  if (fn === "writev" || fn === "read") return "loopback socket syscalls";
  if (a === "(garbage collector)") return "garbage collection on the event loop";
  if (fn === "runMicrotasks" || fn === "processTicksAndRejections") return "promise ticks";
  if (a === "node crypto" || a.endsWith("/signature.ts") || a === "npm tsscmp")
    return "signature check";
  if (fn === "validSignature" || fn === "verify" || fn === "verifySlackRequest")
    return "signature check";
  if (
    a === "npm pino" ||
    a === "npm sonic-boom" ||
    a.endsWith("core/logger.ts") ||
    fn === "writeString"
  )
    return "logging";
  if (a.startsWith("npm @slack/") || a === "npm raw-body") return "Bolt";
  if (/platforms\/(http\/|slack\/http-route|discord\/http-interactions)|ops\/lifecycle/.test(a))
    return "our route and server";
  if (/render|escape|json-body|core\/(reply|sanitize)/.test(a)) return "rendering";
  if (/ops\/(state|rate-limit|conversation)|hash-id/.test(a)) return "shared state";
  if (/^(src|commands)\/|^npm (zod|minisearch)/.test(a))
    return "dispatch, options, commands, answer look-up";
  return "node:http, streams, timers, JSON and other natives";
}

export function summarize(profile: Profile, top = 20, requests = 0): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const serving = servingNodes(profile);
  const first = profile.samples.findIndex((id) => serving.has(id));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const table = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    if (i < first) return;
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const a = area(url, functionName);
    if (a === "(idle)") return;
    busy += dt;
    areas.set(a, (areas.get(a) ?? 0) + dt);
    const f = `${functionName || "(anonymous)"}  ${a}:${lineNumber + 1}`;
    functions.set(f, (functions.get(f) ?? 0) + dt);
    const row = tableRow(a, functionName);
    table.set(row, (table.get(row) ?? 0) + dt);
  });
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([k, t]) => `${((100 * t) / busy).toFixed(1).padStart(5)}%  ${k}`);
  const perRequest = requests
    ? [
        `microseconds per request (${requests} requests):`,
        ...[...table]
          .sort((x, y) => y[1] - x[1])
          .map(([k, t]) => `${(t / requests).toFixed(0).padStart(5)}  ${k}`),
        `${(busy / requests).toFixed(0).padStart(5)}  total`,
      ]
    : [];
  return [
    `busy ${(busy / 1e6).toFixed(2)} s`,
    "by area:",
    ...rows(areas),
    "by function:",
    ...rows(functions),
    ...perRequest,
  ];
}

if (process.argv[1]?.endsWith("cpu-profile.ts")) {
  const args = process.argv.slice(2);
  // --requests=N: the requests the profiled server served (warm-up included), for the table.
  const requests = Number(args.find((a) => a.startsWith("--requests="))?.split("=")[1] ?? 0);
  for (const file of args.filter((a) => !a.startsWith("--"))) {
    console.log(file);
    for (const row of summarize(JSON.parse(readFileSync(file, "utf8")) as Profile, 20, requests))
      console.log(`  ${row}`);
  }
}
