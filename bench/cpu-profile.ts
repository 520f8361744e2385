/**
 * Where the time went, from a V8 CPU profile (`node --cpu-prof`): self time
 * by area (our files, each npm package, Node internals) and by function, as a
 * share of the time the process was busy (idle excluded), counted from the
 * first request dispatched on, so start-up (module loading) is left out. For
 * the table in docs/operations.md:
 *
 *   BENCH_CPU_PROF=/tmp/prof npm run bench -- slack-http
 *   npx tsx bench/cpu-profile.ts /tmp/prof/ours/CPU.*.cpuprofile /tmp/prof/bare/CPU.*.cpuprofile
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
 * or a baseline's request handler. Not node:http's own handler: health probes during start-up
 * pass through it while modules still load, and that start-up is not per-request work.
 */
function serves(frame: ProfileNode["callFrame"]): boolean {
  return (
    frame.functionName === "processEvent" ||
    (frame.functionName === "handle" && frame.url.endsWith("/discord/http-interactions.ts")) ||
    (frame.url.includes("/bench/servers/") && frame.lineNumber > 0)
  );
}

/** Nodes whose stack passes through serves(): once one is sampled, requests are being served. */
function servingNodes(profile: Profile): Set<number> {
  const serving = new Set<number>();
  const mark = (node: ProfileNode | undefined, inside: boolean, byId: Map<number, ProfileNode>) => {
    if (!node) return;
    const here = inside || serves(node.callFrame);
    if (here) serving.add(node.id);
    for (const child of node.children ?? []) mark(byId.get(child), here, byId);
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  mark(profile.nodes[0], false, byId);
  return serving;
}

export function summarize(profile: Profile, top = 20): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const serving = servingNodes(profile);
  const first = profile.samples.findIndex((id) => serving.has(id));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
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
  });
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([k, t]) => `${((100 * t) / busy).toFixed(1).padStart(5)}%  ${k}`);
  return [
    `busy ${(busy / 1e6).toFixed(2)} s`,
    "by area:",
    ...rows(areas),
    "by function:",
    ...rows(functions),
  ];
}

if (process.argv[1]?.endsWith("cpu-profile.ts")) {
  for (const file of process.argv.slice(2)) {
    console.log(file);
    for (const row of summarize(JSON.parse(readFileSync(file, "utf8")) as Profile))
      console.log(`  ${row}`);
  }
}
