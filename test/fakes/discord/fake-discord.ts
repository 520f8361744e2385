/**
 * A stand-in for Discord on 127.0.0.1: the REST API the bot calls (gateway
 * discovery, interaction callbacks, webhooks, channel messages, command
 * registration) and a gateway WebSocket (HELLO, IDENTIFY -> READY, heartbeats,
 * RESUME -> RESUMED, dispatches). It records every REST request so tests can
 * assert on what the bot sent. Real discord.js connects to it unmodified via
 * `rest: { api: fake.apiUrl }`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { type WebSocket, WebSocketServer } from "ws";
import {
  autocompleteInteraction,
  buttonInteraction,
  type CommandOptionValue,
  chatInputInteraction,
  directMessage,
  type FakeIds,
  guildCreatePayload,
  guildMentionMessage,
  messageObject,
  nextId,
  readyPayload,
  userObject,
} from "./payloads.ts";

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/interactions/123/tok/callback`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** Parsed JSON body (a multipart request's payload_json), or undefined when there was none. */
  body: unknown;
  /** Files of a multipart request, in order. */
  files: RecordedFile[];
  status: number;
  /** performance.now() when the request had fully arrived. */
  at: number;
}

export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** A multipart body (discord.js sends one when a message has files): payload_json and the files. */
async function parseMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  const form = await new Response(new Uint8Array(raw), {
    headers: { "content-type": contentType },
  }).formData();
  const files: RecordedFile[] = [];
  let body: unknown;
  for (const [field, value] of form) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
      continue;
    }
    files.push({
      field,
      name: value.name,
      contentType: value.type,
      data: Buffer.from(await value.arrayBuffer()),
    });
  }
  return { body, files };
}

interface Failure {
  match: (method: string, path: string) => boolean;
  status: 500 | 429;
  remaining: number;
}

export interface FakeDiscordOptions {
  /** The only token accepted; any other gets 401 from REST and 4004 on IDENTIFY. */
  token?: string;
  /** Shard count recommended by GET /gateway/bot. */
  recommendedShards?: number;
  /** Heartbeat interval announced in HELLO. */
  heartbeatIntervalMs?: number;
  /** Close code sent instead of READY, to simulate e.g. 4014 disallowed intents. */
  identifyCloseCode?: number;
}

interface Hold {
  match: (method: string, path: string) => boolean;
  remaining: number;
}

/** A READY (after IDENTIFY) or RESUMED (after RESUME) held back by holdReady(). */
interface PendingReady {
  socket: WebSocket;
  resumed: boolean;
}

export interface SentInteraction {
  id: string;
  token: string;
}

const JSON_HEADERS = { "content-type": "application/json" };
const CALLBACK_PATH = /^\/interactions\/(\d+)\/[^/]+\/callback$/;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Successful callback requests by interaction id. */
  readonly callbacks = new Map<string, RecordedRequest>();
  readonly gatewayLog: { op: number; t?: string }[] = [];
  /** Commands currently registered, by route (`global` or a guild id). */
  readonly registered = new Map<string, unknown[]>();
  readonly ids: FakeIds = {
    applicationId: nextId(),
    botUserId: "",
    guildId: nextId(),
    channelId: nextId(),
    dmChannelId: nextId(),
    userId: nextId(),
  };
  readonly token: string;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private sessionId = "";
  private readonly failures: Failure[] = [];
  private readonly holds: Hold[] = [];
  private readyHeld = false;
  private pendingReady: PendingReady | undefined;
  private readonly waiters = new Set<() => void>();
  port = 0;

  constructor(private readonly options: FakeDiscordOptions = {}) {
    this.ids.botUserId = this.ids.applicationId;
    this.token = options.token ?? `fake.${randomBytes(8).toString("hex")}`;
    this.http = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on("connection", (socket) => this.handleSocket(socket));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    this.port = (this.http.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ---- waiting -----------------------------------------------------------

  /** Resolves with the first truthy result of `check`, re-run on every recorded event; bounded. */
  waitFor<T>(
    check: () => T | undefined | null | false,
    timeoutMs = 5000,
    what = "condition",
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = () => {
        const result = check();
        if (result) {
          this.waiters.delete(attempt);
          clearTimeout(timer);
          resolve(result);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(attempt);
        reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(attempt);
      attempt();
    });
  }

  waitForRequest(
    predicate: (r: RecordedRequest) => boolean,
    timeoutMs = 5000,
    what = "a request",
  ): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(predicate), timeoutMs, what);
  }

  /** The bot's first answer to an interaction (the callback POST's body). */
  async callbackFor(interaction: SentInteraction, timeoutMs = 5000): Promise<InteractionCallback> {
    const req = await this.waitFor(
      () => this.callbacks.get(interaction.id),
      timeoutMs,
      `the callback of interaction ${interaction.id}`,
    );
    return req.body as InteractionCallback;
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  // ---- fault injection ----------------------------------------------------

  /** The next `times` requests matching `pathPattern` fail with `status` (429 carries retry-after). */
  failNext(pathPattern: RegExp, status: 500 | 429, times = 1, method = "POST"): void {
    this.failures.push({
      match: (m, p) => m === method && pathPattern.test(p),
      status,
      remaining: times,
    });
  }

  /**
   * The next `times` requests matching `pathPattern` are recorded (status 0) and never
   * answered, as a REST call that times out: the client gives up on its own timeout.
   */
  holdNext(pathPattern: RegExp, times = 1, method = "POST"): void {
    this.holds.push({
      match: (m, p) => m === method && pathPattern.test(p),
      remaining: times,
    });
  }

  /** Invalid session (op 9, not resumable): the client must IDENTIFY afresh. */
  invalidateSession(): void {
    if (this.socket?.readyState === 1) this.send(this.socket, { op: 9, d: false });
  }

  /** IDENTIFY/RESUME get no READY/RESUMED until releaseReady(): a gateway slow to come back. */
  holdReady(): void {
    this.readyHeld = true;
  }

  releaseReady(): void {
    this.readyHeld = false;
    const pending = this.pendingReady;
    this.pendingReady = undefined;
    if (pending?.socket.readyState !== 1) return;
    if (pending.resumed) this.dispatch("RESUMED", {});
    else this.sendReady();
  }

  /** How many IDENTIFYs (op 2) the gateway has seen. */
  get identifyCount(): number {
    return this.gatewayLog.filter((g) => g.op === 2).length;
  }

  /** Closes the gateway connection with a code; 4000 (unknown error) is resumable. */
  closeGateway(code = 4000): void {
    this.socket?.close(code, "closed by FakeDiscord");
  }

  // ---- gateway -------------------------------------------------------------

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  private send(socket: WebSocket, payload: object): void {
    socket.send(JSON.stringify(payload));
  }

  dispatch(t: string, d: unknown): void {
    const socket = this.socket;
    if (socket?.readyState !== 1)
      throw new Error("FakeDiscord: no gateway connection to dispatch on");
    this.seq += 1;
    this.send(socket, { op: 0, t, s: this.seq, d });
  }

  private handleSocket(socket: WebSocket): void {
    this.socket = socket;
    this.send(socket, {
      op: 10,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 },
    });
    socket.on("message", (raw) => {
      let payload: { op: number; d?: Record<string, unknown> | number | null };
      try {
        payload = JSON.parse(String(raw));
      } catch {
        socket.close(4002, "Error while decoding payload");
        return;
      }
      this.gatewayLog.push({ op: payload.op });
      this.onGatewayPayload(socket, payload.op, payload.d);
      this.notify();
    });
  }

  private onGatewayPayload(socket: WebSocket, op: number, d: unknown): void {
    const data = (d ?? {}) as Record<string, unknown>;
    switch (op) {
      case 1: // heartbeat
        this.send(socket, { op: 11 });
        return;
      case 2: {
        // identify
        if (data.token !== this.token) {
          socket.close(4004, "Authentication failed");
          return;
        }
        if (this.options.identifyCloseCode) {
          socket.close(this.options.identifyCloseCode, "Refused by FakeDiscord");
          return;
        }
        if (this.readyHeld) {
          this.pendingReady = { socket, resumed: false };
          return;
        }
        this.sendReady();
        return;
      }
      case 6: {
        // resume: same session continues; nothing was missed, so just RESUMED
        if (data.token !== this.token || data.session_id !== this.sessionId) {
          this.send(socket, { op: 9, d: false });
          return;
        }
        if (this.readyHeld) {
          this.pendingReady = { socket, resumed: true };
          return;
        }
        this.dispatch("RESUMED", {});
        return;
      }
      default:
        return;
    }
  }

  private sendReady(): void {
    this.seq = 0;
    this.sessionId = randomBytes(8).toString("hex");
    this.dispatch("READY", readyPayload(this.ids, this.sessionId, this.gatewayUrl));
    this.dispatch("GUILD_CREATE", guildCreatePayload(this.ids));
  }

  // ---- events a test sends to the bot -----------------------------------

  /** A slash command from another user (and channel), e.g. to stay under per-user rate limits. */
  sendCommandAs(
    who: { userId: string; channelId?: string },
    name: string,
    options: Record<string, CommandOptionValue> = {},
  ): SentInteraction {
    const ids = { ...this.ids, userId: who.userId, channelId: who.channelId ?? this.ids.channelId };
    return this.sendInteraction(chatInputInteraction({ ids }, name, options));
  }

  sendCommand(
    name: string,
    options: Record<string, CommandOptionValue> = {},
    inDm = false,
  ): SentInteraction {
    return this.sendInteraction(chatInputInteraction({ ids: this.ids, inDm }, name, options));
  }

  sendAutocomplete(name: string, option: string, partial: string): SentInteraction {
    return this.sendInteraction(autocompleteInteraction({ ids: this.ids }, name, option, partial));
  }

  sendButton(customId: string): SentInteraction {
    return this.sendInteraction(buttonInteraction({ ids: this.ids }, customId));
  }

  private sendInteraction(payload: { id: string; token: string }): SentInteraction {
    this.dispatch("INTERACTION_CREATE", payload);
    return { id: payload.id, token: payload.token };
  }

  /** A guild message mentioning the bot; returns the message id. */
  sendGuildMention(text: string): string {
    const message = guildMentionMessage(this.ids, `<@${this.ids.botUserId}> ${text}`);
    this.dispatch("MESSAGE_CREATE", message);
    return message.id;
  }

  /** A direct message to the bot; returns the message id. */
  sendDirectMessage(text: string, fromBot = false): string {
    const author = fromBot ? userObject(nextId(), "other-bot", true) : undefined;
    const message = directMessage(this.ids, text, author);
    this.dispatch("MESSAGE_CREATE", message);
    return message.id;
  }

  // ---- REST --------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = req.headers["content-type"] ?? "";
    let body: unknown;
    let files: RecordedFile[] = [];
    if (contentType.startsWith("multipart/form-data")) {
      ({ body, files } = await parseMultipart(raw, contentType));
    } else {
      const text = raw.toString("utf8");
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      files,
      status: 0,
      at: performance.now(),
    };
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      this.requests.push(record);
      const callback = CALLBACK_PATH.exec(path);
      if (callback?.[1] && method === "POST" && status < 300)
        this.callbacks.set(callback[1], record);
      res.writeHead(status, json === undefined ? headers : { ...JSON_HEADERS, ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      this.notify();
    };

    const hold = this.holds.find((h) => h.remaining > 0 && h.match(method, path));
    if (hold) {
      hold.remaining -= 1;
      this.requests.push(record);
      this.notify();
      return; // never answered; close() ends the connection
    }

    const failure = this.failures.find((f) => f.remaining > 0 && f.match(method, path));
    if (failure) {
      failure.remaining -= 1;
      if (failure.status === 429) {
        reply(
          429,
          { message: "You are being rate limited.", retry_after: 0.05, global: false },
          {
            "retry-after": "0.05",
            "x-ratelimit-scope": "user",
          },
        );
      } else {
        reply(500, { message: "500: Internal Server Error", code: 0 });
      }
      return;
    }

    const authorized = req.headers.authorization === `Bot ${this.token}`;
    const needsAuth = !path.startsWith("/interactions/") && !path.startsWith("/webhooks/");
    if (needsAuth && !authorized) {
      reply(401, { message: "401: Unauthorized", code: 0 });
      return;
    }
    const [status, json] = this.route(method, path, body);
    reply(status, json);
  }

  private route(method: string, path: string, body: unknown): [number, unknown?] {
    const ids = this.ids;
    const bot = userObject(ids.botUserId, "Incident Desk", true);
    if (method === "GET" && path === "/gateway/bot") {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: this.options.recommendedShards ?? 1,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14_400_000,
            max_concurrency: 1,
          },
        },
      ];
    }
    if (method === "GET" && path === "/gateway") return [200, { url: this.gatewayUrl }];
    if (method === "GET" && path === "/users/@me")
      return [200, { ...bot, verified: true, flags: 0 }];
    if (method === "GET" && path === "/applications/@me") {
      return [
        200,
        {
          id: ids.applicationId,
          name: "Incident Desk",
          flags: 0,
          bot_public: true,
          description: "",
        },
      ];
    }

    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commands) {
      if (commands[1] !== ids.applicationId)
        return [404, { message: "Unknown Application", code: 10002 }];
      const scope = commands[2] ?? "global";
      if (commands[2] && commands[2] !== ids.guildId)
        return [403, { message: "Missing Access", code: 50001 }];
      if (method === "GET") return [200, this.registered.get(scope) ?? []];
      if (method === "PUT" && Array.isArray(body)) {
        const stored = body.map((c: Record<string, unknown>) => ({
          id: nextId(),
          application_id: ids.applicationId,
          version: nextId(),
          type: 1,
          ...(commands[2] ? { guild_id: commands[2] } : {}),
          ...c,
        }));
        this.registered.set(scope, stored);
        return [200, stored];
      }
    }

    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204];

    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (webhook && (method === "POST" || method === "PATCH")) {
      return [200, this.messageFrom(body, ids.channelId, bot)];
    }
    if (webhook?.[3] && method === "DELETE") return [204];
    if (method === "PUT" && /^\/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/.test(path))
      return [204];

    const channelMessage = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (channelMessage && method === "POST") {
      return [200, this.messageFrom(body, channelMessage[1] ?? ids.channelId, bot)];
    }
    return [404, { message: "404: Not Found", code: 0 }];
  }

  /** Echoes a sent message back as Discord would store it. */
  private messageFrom(body: unknown, channelId: string, author: object) {
    const sent = (body ?? {}) as Record<string, unknown>;
    return messageObject(channelId, author, String(sent.content ?? ""), {
      embeds: sent.embeds ?? [],
      components: sent.components ?? [],
      type: sent.message_reference ? 19 : 0,
      flags: sent.flags ?? 0,
      ...(sent.message_reference ? { message_reference: sent.message_reference } : {}),
    });
  }
}

export interface InteractionCallback {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: {
      title?: string;
      description?: string;
      color?: number;
      fields?: { name: string; value: string }[];
      footer?: { text: string };
      image?: { url: string };
    }[];
    attachments?: { id: number | string; filename?: string; description?: string }[];
    components?: {
      type: number;
      components: { type: number; label?: string; custom_id?: string; style?: number }[];
    }[];
    allowed_mentions?: { parse?: string[]; replied_user?: boolean };
    choices?: { name: string; value: string }[];
  };
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
