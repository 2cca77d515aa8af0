import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, seed, startRedis } from "../src/sim/redis-server.ts";
import { runBundle } from "./helpers/bundle.ts";
import { holding, TcpProxy } from "./helpers/tcp-proxy.ts";

const PASSWORD = "bundle-redis-pw-5521";
let server: RedisServer;
beforeAll(async () => {
  server = await startRedis({ password: PASSWORD });
});
afterAll(() => server.stop());

describe("dist/cache-flush run as the runner runs it", () => {
  it("dry run, then the flush of a pattern; the password never shown", async () => {
    const admin = server.admin();
    await seed(admin, "page:", 5000);
    await seed(admin, "session:", 1000);
    const inputs = { "redis-url": `redis://:${PASSWORD}@127.0.0.1:${server.port}/0`, pattern: "page:*" };

    const planned = await runBundle("cache-flush", { ...inputs, "dry-run": "true" });
    expect(planned.code).toBe(0);
    expect(planned.outputs).toMatchObject({ status: "planned", "keys-matched": "5000" });
    expect(await admin.dbsize()).toBe(6000);

    const flushed = await runBundle("cache-flush", inputs);
    expect(flushed.code).toBe(0);
    expect(flushed.outputs).toMatchObject({ status: "flushed", "keys-removed": "5000" });
    expect(flushed.summary).toContain("**5000** keys removed");
    expect(await admin.dbsize()).toBe(1000);
    for (const run of [planned, flushed]) expect(run.all).not.toContain(PASSWORD);
    admin.disconnect();
  });

  it("all: true without confirm fails before connecting", async () => {
    const run = await runBundle("cache-flush", {
      "redis-url": `redis://127.0.0.1:${server.port}/3`,
      all: "true",
    });
    expect(run.code).not.toBe(0);
    expect(run.outputs.status).toBe("failed");
    expect(run.all).toMatch(/Input "confirm" is required with all: true/);
  });
});

describe("dist/cache-flush: the defects of issue 22, as the runner meets them", () => {
  it("a database the server does not have fails before any key is read, naming redis-url", async () => {
    const admin = server.admin();
    await admin.flushall();
    await seed(admin, "page:", 100);
    const run = await runBundle("cache-flush", {
      "redis-url": `redis://:${PASSWORD}@127.0.0.1:${server.port}/16`,
      all: "true",
      confirm: "16",
    });
    expect(run.code).not.toBe(0);
    expect(run.outputs).toMatchObject({ status: "failed", changed: "false" });
    expect(run.all).toMatch(/Input "redis-url" names database 16, which the server at .* does not have/);
    expect(await admin.dbsize()).toBe(100);
    expect(run.all).not.toContain(PASSWORD);
    admin.disconnect();
  });

  it("a pattern that matches everything is refused like *", async () => {
    const run = await runBundle("cache-flush", {
      "redis-url": `redis://:${PASSWORD}@127.0.0.1:${server.port}/0`,
      pattern: "[^]*",
    });
    expect(run.outputs).toMatchObject({ status: "failed", changed: "false" });
    expect(run.all).toContain('Input "pattern" is "[^]*", which matches every key');
  });

  it("a connection cut part-way: removed keys counted by read-back, non-UTF-8 keys included; the rerun finishes", async () => {
    const admin = server.admin();
    await admin.flushall();
    await seed(admin, "page:", 4000);
    await seed(admin, "session:", 100);
    const raw = Buffer.from([0x70, 0x61, 0x67, 0x65, 0x3a, 0xff]);
    await admin.set(raw, "v");
    const proxy = await TcpProxy.start({ port: server.port });
    try {
      const cut = proxy.at({ match: holding("unlink"), nth: 2, when: "after", act: (p) => p.cut(300) });
      const inputs = { "redis-url": `redis://:${PASSWORD}@127.0.0.1:${proxy.port}/0`, pattern: "page:*" };
      const failed = await runBundle("cache-flush", inputs);
      await cut;
      const left = (await admin.keys("page:*")).length;
      expect(failed.code).not.toBe(0);
      expect(failed.outputs).toMatchObject({
        status: "failed",
        changed: "true",
        "keys-removed": String(4001 - left),
      });
      expect(failed.all).toContain(`${4001 - left} keys removed by this run, ${left} matching keys remain`);
      const rerun = await runBundle("cache-flush", inputs);
      expect(rerun.outputs).toMatchObject({
        status: "flushed",
        "keys-removed": String(left),
        changed: "true",
      });
      expect(await admin.exists(raw)).toBe(0);
      expect(await admin.dbsize()).toBe(100);
      for (const run of [failed, rerun]) expect(run.all).not.toContain(PASSWORD);
    } finally {
      await proxy.stop();
      admin.disconnect();
    }
  });
});
