/**
 * A minimal node:http server that serves Routes (src/platforms/http/types.ts),
 * so a route handler can be tested over real HTTP on loopback.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Route } from "../../src/platforms/http/types.ts";

export interface RouteServer {
  url: string;
  close(): Promise<void>;
}

export async function serveRoutes(routes: Route[]): Promise<RouteServer> {
  const server = createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const out = await route.handle({
        method: req.method ?? "GET",
        path: path ?? "/",
        headers: req.headers,
        rawBody: Buffer.concat(chunks),
      });
      res.writeHead(out.status, out.headers).end(out.body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
