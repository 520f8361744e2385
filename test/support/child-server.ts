/**
 * Runs a server (src/main.ts, or a benchmark's baseline) in its own process
 * on a free loopback port, from an empty working directory so no developer's
 * .env leaks in, and waits until its /healthz answers 200. For the two-instance
 * tests and the benchmarks: the load generator (this process) and the server
 * each get a core, and the server's memory is its own: peak RSS is the
 * kernel's high-water mark (VmHWM in /proc/PID/status, Linux). Its log lines
 * (stderr) are kept, as a log shipper would read them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** src/main.ts, as `npm start` runs it. */
export const MAIN = fileURLToPath(new URL("../../src/main.ts", import.meta.url));
const TSX = import.meta.resolve("tsx");

export interface ChildServer {
  port: number;
  url: string;
  pid: number;
  /** Peak resident memory so far, in MB. */
  peakRssMb(): number;
  /** CPU time used so far (user + system), in seconds. */
  cpuSeconds(): number;
  /** Bytes the child has written to stderr (its log). */
  logBytes(): number;
  /** Its JSON log lines so far, parsed. */
  logLines(): Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function statusField(pid: number, field: string): number {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** CPU seconds (user + system) a process has used, from /proc/PID/stat (Linux; 100 ticks/s). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function healthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.body?.cancel();
      if (res.status === 200) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no healthy /healthz at ${url} within ${timeoutMs} ms`);
}

/**
 * Starts `node [nodeArgs] --import tsx script` with `env` (plus PORT and a
 * temporary DATA_DIR unless given), and waits for /healthz.
 */
export async function startChildServer(
  script: string,
  env: Record<string, string>,
  opts: { nodeArgs?: string[]; timeoutMs?: number; keepLog?: boolean } = {},
): Promise<ChildServer> {
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), "incident-desk-child-"));
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", TSX, script], {
    cwd,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: cwd, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let logBytes = 0;
  let tail = "";
  const lines: string[] = [];
  let partial = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    logBytes += chunk.length;
    const text = chunk.toString("utf8");
    tail = (tail + text).slice(-2000);
    if (opts.keepLog ?? true) {
      const parts = (partial + text).split("\n");
      partial = parts.pop() ?? "";
      lines.push(...parts);
    }
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await healthy(url, child, opts.timeoutMs ?? 30_000);
  } catch (err) {
    child.kill("SIGKILL");
    rmSync(cwd, { recursive: true, force: true });
    throw new Error(`${(err as Error).message}; its log ends:\n${tail}`);
  }
  const pid = child.pid as number;
  // A test that fails before its cleanup must not leave a server behind.
  process.once("exit", () => child.kill("SIGKILL"));
  return {
    port,
    url,
    pid,
    peakRssMb: () => statusField(pid, "VmHWM"),
    cpuSeconds: () => processCpuSeconds(pid),
    logBytes: () => logBytes,
    logLines: () =>
      lines.flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    async stop() {
      if (child.exitCode === null) {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
