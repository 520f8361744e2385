/**
 * One HTTP server per process serves every platform's webhook and the health
 * check on PORT. A platform plugs in as a Route: the server reads the body
 * (within its size limit and timeouts) and hands the raw bytes over, so a
 * route can verify a signature over exactly what was sent before parsing it.
 */
import type { IncomingHttpHeaders } from "node:http";

export interface HttpRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Route {
  method: "POST" | "GET";
  path: string;
  handle(request: HttpRequest): Promise<HttpResponse>;
}
