import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  /** Parsed JSON when the body is JSON, else the raw text ("" when empty). */
  body: unknown;
  rawBody: string;
  at: number;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type SimHandler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

/**
 * A fault the server plays instead of (or after) the normal answer, `times` times (default 1) for the
 * requests it matches:
 * - `status`: answer this status without handling the request (429 with Retry-After, 503 …);
 * - `drop`: destroy the connection without handling the request;
 * - `delay`: wait, then handle normally (slow answers, client timeouts);
 * - `drop-after-handle`: handle the request (state changes), then destroy the connection: the case where
 *   a client cannot know whether its mutation was applied;
 * - `status-after-handle`: handle the request, then answer this status instead of the real answer.
 */
export type Fault = {
  /** `when` narrows further by content (a GraphQL operation name, say): every given condition must hold. */
  match?: { method?: string; path?: string | RegExp; when?: (request: SimRequest) => boolean };
  times?: number;
} & (
  | { kind: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: "drop" }
  | { kind: "delay"; ms: number }
  | { kind: "drop-after-handle" }
  | { kind: "status-after-handle"; status: number; body?: unknown }
);

/** A local HTTP server standing in for a platform API, recording every request it gets. */
export class SimServer {
  readonly requests: SimRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private readonly handler: SimHandler;
  url = "";

  constructor(handler: SimHandler) {
    this.handler = handler;
  }

  /** Plays `fault` on the next matching request(s). */
  inject(fault: Fault): this {
    this.faults.push({ times: 1, ...fault });
    return this;
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  async start(port = 0, host = "127.0.0.1"): Promise<string> {
    this.server = createServer((req, res) => {
      void this.serve(req, res);
    });
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once("error", reject).listen(port, host, resolve);
    });
    const { port: bound } = this.server.address() as AddressInfo;
    this.url = `http://${host}:${bound}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The underlying server, for protocols layered on it (WebSocket upgrades). */
  get httpServer(): Server | undefined {
    return this.server;
  }

  private takeFault(request: SimRequest): Fault | undefined {
    const index = this.faults.findIndex((fault) => {
      const { method, path, when } = fault.match ?? {};
      if (method && method !== request.method) return false;
      if (when && !when(request)) return false;
      if (typeof path === "string" && path !== request.path) return false;
      if (path instanceof RegExp && !path.test(request.path)) return false;
      return true;
    });
    if (index < 0) return undefined;
    const fault = this.faults[index] as Fault;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://sim");
    const request: SimRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: parseJson(rawBody),
      rawBody,
      at: Date.now(),
    };
    this.requests.push(request);
    const fault = this.takeFault(request);
    if (fault?.kind === "drop") return void res.socket?.destroy();
    if (fault?.kind === "status")
      return send(res, { status: fault.status, body: fault.body, headers: fault.headers });
    if (fault?.kind === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    let response: SimResponse;
    try {
      response = await this.handler(request);
    } catch (error) {
      response = { status: 500, body: { error: { code: "internal", message: String(error) } } };
    }
    if (fault?.kind === "drop-after-handle") return void res.socket?.destroy();
    if (fault?.kind === "status-after-handle") return send(res, { status: fault.status, body: fault.body });
    send(res, response);
  }
}

function parseJson(text: string): unknown {
  if (!text) return "";
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, response: SimResponse): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...response.headers };
  let payload = "";
  if (response.body !== undefined) {
    payload = typeof response.body === "string" ? response.body : JSON.stringify(response.body);
    headers["content-type"] ??= typeof response.body === "string" ? "text/plain" : "application/json";
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}

/** A simulator served by one SimServer: starting and stopping it, its URL, what it was asked, its faults. */
export abstract class HostedSimulator {
  readonly server: SimServer;

  constructor() {
    this.server = new SimServer((request) => this.handle(request));
  }

  /** Answers one request as the platform would. */
  protected abstract handle(request: SimRequest): SimResponse | Promise<SimResponse>;

  start(port = 0): Promise<string> {
    return this.server.start(port);
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  get url(): string {
    return this.server.url;
  }

  /** Every request received, oldest first. */
  get requests(): SimRequest[] {
    return this.server.requests;
  }

  /** Plays `fault` on the next request(s), or those `match` selects. */
  inject(fault: Fault): this {
    this.server.inject(fault);
    return this;
  }
}
