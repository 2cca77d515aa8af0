import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import cacheFlush from "../src/actions/cache-flush/index.ts";
import { matchesEverything } from "../src/platforms/redis/glob.ts";
import { type RedisServer, seed, startRedis } from "../src/sim/redis-server.ts";
import { runInProcess } from "./helpers/run.ts";

let server: RedisServer;
let single: RedisServer;
let admin: Redis;
beforeAll(async () => {
  [server, single] = await Promise.all([startRedis(), startRedis({ databases: 1 })]);
  admin = server.admin();
});
afterAll(async () => {
  admin.disconnect();
  await Promise.all([server.stop(), single.stop()]);
});

/** Commands the server ran since the last reset, by name (INFO commandstats). */
async function commandsRun(client: Redis): Promise<string[]> {
  const info = await client.info("commandstats");
  return [...info.matchAll(/^cmdstat_(\w+):/gm)].map((m) => m[1] as string);
}

describe("a redis-url naming a database the server does not have", () => {
  it.each([
    ["database 16 of a 16-database server, pattern", () => server, 16, { pattern: "page:*" }],
    ["database 16, all: true with confirm 16", () => server, 16, { all: "true", confirm: "16" }],
    ["database 1 of a managed-style server with one", () => single, 1, { pattern: "*:*" }],
  ] as const)("%s fails before any key is read, naming redis-url", async (_name, which, db, rest) => {
    const target = which();
    const client = target.admin();
    await client.flushall();
    await seed(client, "page:", 300);
    await client.config("RESETSTAT");
    const tk = await runInProcess(cacheFlush, { "redis-url": `${target.url}/${db}`, ...rest });
    const ran = await commandsRun(client);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(
      new RegExp(
        `Input "redis-url" names database ${db}, which the server at 127\\.0\\.0\\.1:${target.port} does not have \\(.*DB index is out of range`,
      ),
    );
    expect(tk.failed).toContain("Nothing was changed.");
    expect(tk.outputs.changed).toBe("false");
    // Only the handshake and the refused SELECT reached the server: no key was read, counted or removed.
    for (const command of ["scan", "dbsize", "unlink", "flushdb", "cluster", "keys", "exists"])
      expect(ran).not.toContain(command);
    expect(ran).toContain("select");
    expect(await client.dbsize()).toBe(300);
    client.disconnect();
  });

  it("a database the server has is the one flushed (3, not 0)", async () => {
    await admin.flushall();
    await seed(admin, "page:", 200);
    const three = server.admin();
    await three.select(3);
    await seed(three, "page:", 50);
    const tk = await runInProcess(cacheFlush, { "redis-url": `${server.url}/3`, pattern: "page:*" });
    expect(tk.outputs).toMatchObject({ status: "flushed", "keys-removed": "50", changed: "true" });
    expect(await three.dbsize()).toBe(0);
    expect(await admin.dbsize()).toBe(200);
    three.disconnect();
  });
});

const EVERYTHING = ["*", "**", "?*", "*?", "*?*", "[^]*", "*[^]", "[^]**"];
const SOME = ["page:*", "?", "??", "\\*", "[^a]*", "*a*", "\\**", "[]*", "[a-z]*", "*[^\\x]"];

describe("a pattern that matches every key needs confirm like *", () => {
  it.each(EVERYTHING)("%j matches every key", (pattern) => expect(matchesEverything(pattern)).toBe(true));
  it.each(SOME)("%j leaves some key alone", (pattern) => expect(matchesEverything(pattern)).toBe(false));

  it("agrees with the server's own matching on keys of arbitrary bytes", async () => {
    await admin.flushall();
    const keys = [Buffer.from("aa"), Buffer.from("xx"), Buffer.from([0x61, 0xff, 0x62])];
    for (let i = 0; i < 300; i++) keys.push(randomBytes(2 + (i % 9)));
    for (const key of keys) await admin.set(key, "v");
    const total = await admin.dbsize();
    for (const pattern of [...EVERYTHING, ...SOME]) {
      let cursor = "0";
      let matched = 0;
      do {
        const [next, found] = await admin.scanBuffer(cursor, "MATCH", pattern, "COUNT", 1000);
        matched += found.length;
        cursor = String(next);
      } while (cursor !== "0");
      // Every key here has at least two bytes, so `?*` and the like match them all.
      expect({ pattern, all: matched === total }).toEqual({ pattern, all: matchesEverything(pattern) });
    }
  });

  it.each(["?*", "[^]*", "*?"])("pattern %j is refused without touching the database", async (pattern) => {
    await admin.flushall();
    await seed(admin, "page:", 100);
    const tk = await runInProcess(cacheFlush, { "redis-url": server.url, pattern });
    expect(tk.failed).toContain(
      `Input "pattern" is ${JSON.stringify(pattern)}, which matches every key: use all: true with confirm`,
    );
    expect(tk.outputs.changed).toBe("false");
    expect(await admin.dbsize()).toBe(100);
  });
});

describe("keys are bytes end to end", () => {
  it("keys that are not UTF-8 are counted apart, removed, and counted right", async () => {
    await admin.flushall();
    await seed(admin, "session:", 10);
    // 0xff and 0xfe both decode to U+FFFD as text: handled as strings they would be one key, and neither removed.
    const raw = [[0xff], [0xfe], [0xc3, 0x28], [0xed, 0xa0, 0x80]].map((b) =>
      Buffer.concat([Buffer.from("page:"), Buffer.from(b)]),
    );
    for (let i = 0; i < 100; i++)
      raw.push(Buffer.concat([Buffer.from("page:"), Buffer.from([0x80 + (i % 64), i])]));
    for (const key of raw) await admin.set(key, "v");
    const distinct = new Set(raw.map((k) => k.toString("hex"))).size;
    const planned = await runInProcess(cacheFlush, {
      "redis-url": server.url,
      pattern: "page:*",
      "dry-run": "true",
    });
    expect(planned.outputs).toMatchObject({
      status: "planned",
      "keys-matched": String(distinct),
      changed: "false",
    });
    expect(planned.summary).toMatch(/`page:\\x[0-9a-f]{2}/);
    const tk = await runInProcess(cacheFlush, { "redis-url": server.url, pattern: "page:*" });
    expect(tk.outputs).toMatchObject({
      status: "flushed",
      "keys-removed": String(distinct),
      changed: "true",
    });
    expect(await admin.exists(...raw)).toBe(0);
    expect(await admin.dbsize()).toBe(10);
  });
});
