/**
 * Runs a server for a benchmark in its own process, so the load generator
 * (this process) and the server each have a core, and the server's memory is
 * its own: peak RSS is the kernel's high-water mark (VmHWM in
 * /proc/PID/status, Linux). The child's log lines are read and counted, as a
 * log shipper would.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

export interface ChildServer {
  port: number;
  url: string;
  pid: number;
  /** Peak resident memory so far, in MB. */
  peakRssMb(): number;
  /** Bytes the child has written to stderr (its log). */
  logBytes(): number;
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

/** Starts `node [nodeArgs] --import tsx script` with `env` and PORT, and waits for /healthz. */
export async function startChildServer(
  script: string,
  env: Record<string, string>,
  opts: { nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", script], {
    env: { PATH: process.env.PATH ?? "", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let logBytes = 0;
  let tail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    logBytes += chunk.length;
    tail = (tail + chunk.toString("utf8")).slice(-2000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await healthy(url, child, opts.timeoutMs ?? 30_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw new Error(`${(err as Error).message}; its log ends:\n${tail}`);
  }
  const pid = child.pid as number;
  return {
    port,
    url,
    pid,
    peakRssMb: () => statusField(pid, "VmHWM"),
    logBytes: () => logBytes,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
