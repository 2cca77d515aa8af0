import { createServer, type Socket } from "node:net";

/**
 * What to do when the client (the action, pg_dump, pg_restore, psql) sends `pattern` for the `nth` time:
 * - "error": change one byte of it, so the server answers with a syntax error (lengths stay valid);
 * - "cut": forward it, then drop every connection and refuse new ones for `refuseMs`;
 * - "delay": hold it (and what follows on that connection) for `delayMs`;
 * - a function: forward it and call the function (a SIGTERM, say).
 */
export interface FaultRule {
  pattern: string;
  nth?: number;
  fault: "error" | "cut" | "delay" | (() => void);
  refuseMs?: number;
  delayMs?: number;
}

export interface FaultProxy {
  port: number;
  /** Arms one rule (replacing any earlier one); `fired` says whether it has met its pattern yet. */
  arm(rule: FaultRule): void;
  readonly fired: boolean;
  close(): Promise<void>;
}

/** A TCP proxy in front of the real PostgreSQL on loopback, reading the plain protocol it forwards. */
export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let refuseUntil = 0;
  let rule: FaultRule | undefined;
  let seen = 0;
  let fired = false;

  function cutAll(refuseMs: number): void {
    refuseUntil = Date.now() + refuseMs;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  }

  const server = createServer((client) => {
    if (Date.now() < refuseUntil) {
      client.destroy();
      return;
    }
    const upstream = new (client.constructor as typeof Socket)();
    upstream.connect(targetPort, "127.0.0.1");
    sockets.add(client);
    sockets.add(upstream);
    let held = Promise.resolve();
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("close", close);
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.on("data", (chunk: Buffer) => {
      let act: FaultRule["fault"] | undefined;
      if (rule && !fired) {
        const at = chunk.toString("latin1").indexOf(rule.pattern);
        if (at >= 0 && ++seen >= (rule.nth ?? 1)) {
          fired = true;
          act = rule.fault;
          if (act === "error") chunk[at + 1] = "X".charCodeAt(0);
        }
      }
      const current = rule;
      if (act === "delay")
        held = held.then(() => new Promise((r) => setTimeout(r, current?.delayMs ?? 2000)));
      held = held.then(() => {
        if (!upstream.destroyed) upstream.write(chunk);
      });
      if (act === "cut") held.then(() => setTimeout(() => cutAll(current?.refuseMs ?? 2000), 50));
      else if (typeof act === "function") held.then(act);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    arm(next) {
      rule = next;
      seen = 0;
      fired = false;
    },
    get fired() {
      return fired;
    },
    async close() {
      cutAll(0);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
