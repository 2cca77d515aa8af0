import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, seed, startRedis } from "../src/sim/redis-server.ts";
import { runBundle } from "./helpers/bundle.ts";

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
