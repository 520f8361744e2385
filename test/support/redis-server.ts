/**
 * A real redis-server for the tests (Debian's package; `.ci/run` installs it),
 * started on a free loopback port with nothing saved to disk. The tests can
 * stop it, start it again on the same port, or freeze it, to see how the
 * bot behaves while Redis is down or hung. No mock.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createConnection } from "node:net";
import { freePort } from "./child-server.ts";

export interface TestRedis {
  port: number;
  url: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** The running server's process id. */
  pid(): number | undefined;
  /** SIGSTOP: connections stay open, nothing is answered. */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
}

function haveRedis(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Resolves once the port accepts a connection; bounded, so a broken server fails the test. */
async function accepting(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" });
      socket.once("connect", () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not listen on 127.0.0.1:${port}`);
}

export async function startTestRedis(): Promise<TestRedis> {
  if (!haveRedis())
    throw new Error(
      "redis-server is not installed; the shared-state tests need a real one (apt-get install redis-server, as .ci/run does).",
    );
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const proc = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    child = proc;
    await accepting(port, proc);
  }

  async function stop(): Promise<void> {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null) return;
    proc.kill("SIGCONT"); // a frozen server cannot act on SIGTERM
    proc.kill("SIGTERM");
    await once(proc, "exit");
  }

  await start();
  // A test that fails before its cleanup must not leave a server behind.
  process.once("exit", () => child?.kill("SIGKILL"));
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    pid: () => child?.pid,
    freeze: () => child?.kill("SIGSTOP"),
    thaw: () => child?.kill("SIGCONT"),
  };
}
