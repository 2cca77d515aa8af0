import { createConnection, createServer, type Server, type Socket } from "node:net";

/** A moment in the client's traffic: the nth chunk it sends that `match` accepts. */
export interface Moment {
  match: (chunk: Buffer) => boolean;
  /** 1 = the first matching chunk. */
  nth?: number;
  /** "before": run `act` before the chunk reaches the server; "after": once the server answered it, before the answer reaches the client. */
  when: "before" | "after";
  /** What happens at that moment (cut the connections, change the server…); traffic waits for it. */
  act: (proxy: TcpProxy) => Promise<void> | void;
}

/** The chunk holds this text (a command name, a SQL word), compared case-insensitively. */
export function holding(text: string): (chunk: Buffer) => boolean {
  const needle = text.toLowerCase();
  return (chunk) => chunk.toString("latin1").toLowerCase().includes(needle);
}

/**
 * A TCP proxy on a loopback port in front of a real server, for fault tests: it can drop every
 * connection at a chosen moment of the traffic and refuse new ones for a while, as a network cut or a
 * server restart looks to a client.
 */
export class TcpProxy {
  readonly port: number;
  private readonly server: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  private refuseUntil = 0;
  private moments: (Moment & { seen: number; fired: () => void })[] = [];

  private constructor(server: Server, port: number) {
    this.server = server;
    this.port = port;
  }

  static async start(target: { host?: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return proxy;
  }

  /** Arms a moment; the promise settles when it has happened. */
  at(moment: Moment): Promise<void> {
    return new Promise((fired) => this.moments.push({ ...moment, seen: 0, fired }));
  }

  /** Drops every connection now and refuses (accepts, then closes) new ones for `refuseMs`. */
  cut(refuseMs: number): void {
    this.refuseUntil = Date.now() + refuseMs;
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  async stop(): Promise<void> {
    this.cut(0);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host?: string; port: number }): void {
    if (Date.now() < this.refuseUntil) return void client.destroy();
    const upstream = createConnection({ host: target.host ?? "127.0.0.1", port: target.port });
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    let holdAnswer: Moment | undefined;
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
    client.on("data", (chunk: Buffer) => {
      const moment = this.take(chunk);
      if (!moment) return void upstream.write(chunk);
      if (moment.when === "after") {
        holdAnswer = moment;
        return void upstream.write(chunk);
      }
      client.pause();
      void Promise.resolve(moment.act(this)).then(() => {
        if (!client.destroyed && !upstream.destroyed) upstream.write(chunk);
        client.resume();
      });
    });
    upstream.on("data", (chunk: Buffer) => {
      const moment = holdAnswer;
      if (!moment) return void client.write(chunk);
      holdAnswer = undefined;
      upstream.pause();
      void Promise.resolve(moment.act(this)).then(() => {
        if (!client.destroyed && !upstream.destroyed) client.write(chunk);
        upstream.resume();
      });
    });
  }

  private take(chunk: Buffer): (Moment & { fired: () => void }) | undefined {
    for (const moment of this.moments) {
      if (!moment.match(chunk)) continue;
      moment.seen++;
      if (moment.seen < (moment.nth ?? 1)) continue;
      this.moments = this.moments.filter((m) => m !== moment);
      const act = moment.act;
      return {
        ...moment,
        act: async (proxy) => {
          await act(proxy);
          moment.fired();
        },
      };
    }
    return undefined;
  }
}
