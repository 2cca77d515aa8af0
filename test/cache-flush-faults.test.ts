import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import cacheFlush from "../src/actions/cache-flush/index.ts";
import { CancelledError } from "../src/core/action.ts";
import { type RedisServer, seed, startRedis } from "../src/sim/redis-server.ts";
import { runInProcess } from "./helpers/run.ts";
import { holding, type Moment, TcpProxy } from "./helpers/tcp-proxy.ts";

// A page key that is not UTF-8: it must be removed and counted like the others.
const RAW_KEY = Buffer.from([0x70, 0x61, 0x67, 0x65, 0x3a, 0xff, 0xfe, 0x00]);
const PAGES = 5001;

let server: RedisServer;
let proxy: TcpProxy;
let admin: Redis;
beforeAll(async () => {
  server = await startRedis({ users: ["flusher on >flusher-pw ~* &* +@all"] });
  admin = server.admin();
});
afterAll(async () => {
  admin.disconnect();
  await server.stop();
});
afterEach(async () => {
  await proxy?.stop();
  await admin.acl("SETUSER", "flusher", "+unlink", "+flushdb");
});

async function fresh(): Promise<void> {
  await admin.flushall();
  await seed(admin, "page:", PAGES - 1);
  await admin.set(RAW_KEY, "v");
  await seed(admin, "session:", 500);
  proxy = await TcpProxy.start({ port: server.port });
}

const pagesLeft = async () => (await admin.keys("page:*")).length;
const via = (p: TcpProxy) => `redis://flusher:flusher-pw@127.0.0.1:${p.port}/0`;

interface Case {
  name: string;
  all?: boolean;
  /** Builds the moment of the fault; `abort` cancels the run as SIGTERM does. */
  moment: (abort: () => void) => Moment;
  wait?: string;
  changed: "true" | "false" | "unknown";
  message: RegExp;
}

const unlink = holding("unlink");
const flushdb = holding("flushdb");
const cases: Case[] = [
  {
    name: "the connection drops before the first UNLINK reaches the server",
    moment: () => ({ match: unlink, when: "before", act: (p) => p.cut(300) }),
    changed: "false",
    message: /0 keys removed by this run, 5001 matching keys remain in .*, as before\. Run again/,
  },
  {
    name: "the connection drops before the second UNLINK reaches the server",
    moment: () => ({ match: unlink, nth: 2, when: "before", act: (p) => p.cut(300) }),
    changed: "true",
    message: /Read back on a new connection: \d+ keys removed by this run, \d+ matching keys remain/,
  },
  {
    name: "the connection drops after the server ran the second UNLINK, before its answer",
    moment: () => ({ match: unlink, nth: 2, when: "after", act: (p) => p.cut(300) }),
    changed: "true",
    message: /Read back on a new connection: \d+ keys removed by this run/,
  },
  {
    name: "the server refuses the third UNLINK (NOPERM)",
    moment: () => ({
      match: unlink,
      nth: 3,
      when: "before",
      act: async () => void (await admin.acl("SETUSER", "flusher", "-unlink")),
    }),
    changed: "true",
    message: /NOPERM[\s\S]*What to do: the ACL user may not do this[\s\S]*keys removed by this run/,
  },
  {
    name: "SIGTERM while the second UNLINK is on its way",
    moment: (abort) => ({ match: unlink, nth: 2, when: "before", act: abort }),
    changed: "true",
    message: /^Cancelled: [\s\S]*stopped \(the run was cancelled\)[\s\S]*keys removed by this run/,
  },
  {
    name: "the server stays unreachable after the first UNLINK ran: no read-back",
    moment: () => ({ match: unlink, when: "after", act: (p) => p.cut(60_000) }),
    wait: "1s",
    changed: "unknown",
    message:
      /could not be read back[\s\S]*answered that 0 keys were removed, and an UNLINK of \d+ keys got no answer[\s\S]*redis-cli -u "\$REDIS_URL" --scan --pattern 'page:\*' \| wc -l/,
  },
  {
    name: "all: the connection drops before FLUSHDB reaches the server",
    all: true,
    moment: () => ({ match: flushdb, when: "before", act: (p) => p.cut(300) }),
    changed: "false",
    message: /0 keys removed by this run, 5501 keys remain in .*, as before/,
  },
  {
    name: "all: the connection drops after FLUSHDB ran, before its answer",
    all: true,
    moment: () => ({ match: flushdb, when: "after", act: (p) => p.cut(300) }),
    changed: "true",
    message: /5501 keys removed by this run, 0 keys remain[\s\S]*None is left/,
  },
];

describe("cache-flush under faults on a real redis-server", () => {
  it.each(cases)("$name", async (c) => {
    await fresh();
    const controller = new AbortController();
    const abort = () => controller.abort(new CancelledError("SIGTERM"));
    const fired = proxy.at(c.moment(abort));
    const target: Record<string, string> = c.all ? { all: "true", confirm: "0" } : { pattern: "page:*" };
    const inputs: Record<string, string> = {
      "redis-url": via(proxy),
      ...target,
      ...(c.wait ? { wait: c.wait } : {}),
    };
    const tk = await runInProcess(cacheFlush, inputs, { signal: controller.signal });
    await fired;

    const before = c.all ? PAGES + 500 : PAGES;
    const left = c.all ? await admin.dbsize() : await pagesLeft();
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(c.message);
    expect(tk.outputs.changed).toBe(c.changed);
    if (c.changed !== "unknown") {
      expect(Number(tk.outputs["keys-removed"])).toBe(before - left);
      expect(tk.failed).toContain(`${left} ${c.all ? "keys" : "matching keys"} remain`);
    }
    if (!c.all) expect(await admin.keys("session:*")).toHaveLength(500);

    // The rerun finishes the job, on the server as it is now.
    proxy.cut(0);
    await admin.acl("SETUSER", "flusher", "+unlink");
    const rerun = await runInProcess(cacheFlush, { ...inputs, wait: "5s" });
    expect(rerun.failed).toBeUndefined();
    expect(rerun.outputs).toMatchObject({ status: "flushed", "keys-removed": String(left) });
    expect(rerun.outputs.changed).toBe(left > 0 ? "true" : "false");
    expect(c.all ? await admin.dbsize() : await pagesLeft()).toBe(0);
    expect(await admin.exists(RAW_KEY)).toBe(0);
  });
});
