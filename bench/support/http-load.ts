/**
 * A small HTTP load generator for the benchmarks: prepared requests (signed
 * before the clock starts) posted over keep-alive connections at a fixed
 * concurrency, with each request's latency and status. node:http with one
 * socket per worker, so the generator itself stays cheap.
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";

export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadRun {
  latenciesMs: number[];
  elapsedMs: number;
  /** Responses by status code (0: the request failed). */
  statuses: Map<number, number>;
  /** Response bodies, when asked for. */
  bodies: string[];
}

function post(
  agent: Agent,
  base: URL,
  req: PreparedRequest,
  keepBody: boolean,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const r = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: "POST",
        path: req.path,
        headers: { ...req.headers, "content-length": Buffer.byteLength(req.body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => keepBody && chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", () => resolve({ status: 0, body: "" }));
      },
    );
    r.on("error", () => resolve({ status: 0, body: "" }));
    r.end(req.body);
  });
}

/**
 * Posts every request, `concurrency` at a time. With several base URLs the
 * requests go round-robin over them (several instances behind a balancer).
 */
export async function runLoad(
  baseUrls: string[],
  requests: PreparedRequest[],
  concurrency: number,
  opts: { keepBodies?: boolean } = {},
): Promise<LoadRun> {
  const bases = baseUrls.map((u) => new URL(u));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  const bodies: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const t0 = performance.now();
      const res = await post(
        agent,
        bases[i % bases.length] as URL,
        requests[i] as PreparedRequest,
        opts.keepBodies ?? false,
      );
      latenciesMs.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (opts.keepBodies) bodies[i] = res.body;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { latenciesMs, elapsedMs, statuses, bodies };
}
