import { createServer, type Socket } from "node:net";

/**
 * What to do when the client (the action, pg_dump, pg_restore, psql) sends `pattern` for the `nth` time:
 * - "error": change one byte of it, so the server answers with a syntax error (lengths stay valid);
 * - "cut": forward it, then drop every connection and refuse new ones for `refuseMs`;
 * - "delay": hold it (and what follows on that connection) for `delayMs`;
 * - a function: forward it and call the function (a SIGTERM, say).
 * Any fault but "delay" can be held first: until the client has sent `waitFor` on any connection (at once
 * if it already has), then for `delayMs`. Two steps running at once are faulted in a chosen order so.
 */
export interface FaultRule {
  pattern: string;
  nth?: number;
  fault: "error" | "cut" | "delay" | (() => void);
  refuseMs?: number;
  delayMs?: number;
  waitFor?: string;
  /** How long after forwarding the pattern the cut comes (default 50 ms: the statement usually lands). */
  cutAfterMs?: number;
}

export interface FaultProxy {
  port: number;
  /**
   * Arms the rules, replacing any earlier ones: a cut they still had pending, and the refusal after one, are
   * dropped, so it cannot land in the next run. `fired` says whether every rule has met its pattern.
   */
  arm(...rules: FaultRule[]): void;
  readonly fired: boolean;
  close(): Promise<void>;
}

interface Armed {
  rule: FaultRule;
  seen: number;
  fired: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A TCP proxy in front of the real PostgreSQL on loopback, reading the plain protocol it forwards. */
export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  let refuseUntil = 0;
  const pendingCuts = new Set<NodeJS.Timeout>();
  let armed: Armed[] = [];
  // Each `waitFor` text: resolved once the client has sent it.
  let sent = new Map<string, { promise: Promise<void>; resolve: () => void; done: boolean }>();

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
      const text = chunk.toString("latin1");
      for (const [wanted, gate] of sent) {
        if (!gate.done && text.includes(wanted)) {
          gate.done = true;
          gate.resolve();
        }
      }
      const hits: { rule: FaultRule; at: number }[] = [];
      for (const entry of armed) {
        if (entry.fired) continue;
        const at = text.indexOf(entry.rule.pattern);
        if (at >= 0 && ++entry.seen >= (entry.rule.nth ?? 1)) {
          entry.fired = true;
          hits.push({ rule: entry.rule, at });
        }
      }
      for (const { rule } of hits) {
        const gate = rule.waitFor === undefined ? undefined : sent.get(rule.waitFor)?.promise;
        if (gate) held = held.then(() => gate);
        if (rule.delayMs !== undefined || rule.fault === "delay") {
          const ms = rule.delayMs ?? 2000;
          held = held.then(() => sleep(ms));
        }
      }
      held = held.then(() => {
        for (const { rule, at } of hits) if (rule.fault === "error") chunk[at + 1] = "X".charCodeAt(0);
        if (!upstream.destroyed) upstream.write(chunk);
      });
      for (const { rule } of hits) {
        const act = rule.fault;
        if (act === "cut")
          held.then(() => {
            const timer = setTimeout(() => {
              pendingCuts.delete(timer);
              cutAll(rule.refuseMs ?? 2000);
            }, rule.cutAfterMs ?? 50);
            pendingCuts.add(timer);
          });
        else if (typeof act === "function") held.then(act);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    arm(...rules) {
      for (const timer of pendingCuts) clearTimeout(timer);
      pendingCuts.clear();
      refuseUntil = 0;
      armed = rules.map((rule) => ({ rule, seen: 0, fired: false }));
      sent = new Map();
      for (const rule of rules) {
        if (rule.waitFor === undefined || sent.has(rule.waitFor)) continue;
        let resolve = () => {};
        const promise = new Promise<void>((done) => {
          resolve = done;
        });
        sent.set(rule.waitFor, { promise, resolve, done: false });
      }
    },
    get fired() {
      return armed.every((entry) => entry.fired);
    },
    async close() {
      for (const timer of pendingCuts) clearTimeout(timer);
      cutAll(0);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
