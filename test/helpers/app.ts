import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Route = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

/** A local app whose routes the test scripts; `hits` counts requests per path. */
export class App {
  readonly hits = new Map<string, number>();
  readonly routes = new Map<string, Route>();
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  url = "";

  constructor(routes: Record<string, Route> = {}) {
    for (const [path, route] of Object.entries(routes)) this.routes.set(path, route);
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://app").pathname;
      const hit = (this.hits.get(path) ?? 0) + 1;
      this.hits.set(path, hit);
      const route = this.routes.get(path);
      if (route) route(req, res, hit);
      else res.writeHead(404).end("not found");
    });
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const reply =
  (status: number, body = "", headers: Record<string, string> = {}): Route =>
  (_req, res) =>
    void res.writeHead(status, headers).end(body);

export const json =
  (status: number, body: unknown): Route =>
  (_req, res) =>
    void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

/** A port with nothing listening on it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
