import { afterAll, beforeAll, describe, expect, it } from "vitest";
import cacheFlush from "../src/actions/cache-flush/index.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { type RedisServer, seed, startRedis } from "../src/sim/redis-server.ts";
import { runInProcess } from "./helpers/run.ts";

const PASSWORD = "cache-admin-pw-7731";
let server: RedisServer;
let url: string;
beforeAll(async () => {
  server = await startRedis({ password: PASSWORD });
  url = `redis://:${PASSWORD}@127.0.0.1:${server.port}/0`;
});
afterAll(() => server.stop());

async function fresh(pages: number, sessions: number) {
  const admin = server.admin();
  await admin.flushall();
  await seed(admin, "page:", pages);
  await seed(admin, "session:", sessions);
  return admin;
}

describe("cache-flush inputs", () => {
  it.each([
    [{}, /Input "redis-url" is required \(or railway-service/],
    [
      { "redis-url": "redis://h", pattern: "*" },
      /Input "pattern" is "\*", which matches every key: use all: true/,
    ],
    [{ "redis-url": "redis://h" }, /Input "pattern" is required/],
    [{ "redis-url": "redis://h", all: "true", pattern: "a:*" }, /set together with all: true/],
    [
      { "redis-url": "redis://h/2", all: "true" },
      /Input "confirm" is required with all: true: .*database that will be emptied, 2/,
    ],
    [
      { "redis-url": "redis://h/2", all: "true", confirm: "0" },
      /Input "confirm" is "0", but redis-url points at database 2/,
    ],
    [{ "redis-url": "https://:hunter22hunter@h", pattern: "a" }, /only redis:\/\/ and rediss:\/\//],
    [{ "redis-url": "redis://h", "railway-service": "redis" }, /set together with redis-url/],
    [
      { "railway-service": "redis", pattern: "a:*" },
      /railway-token" is required[\s\S]*"pattern" does not apply/,
    ],
  ])("%o is refused before connecting", async (inputs, message) => {
    const tk = await runInProcess(cacheFlush, inputs);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(message);
    expect(tk.failed).toContain("Nothing was changed.");
    expect(tk.logs.join("\n")).not.toContain("hunter22");
  });
});

describe("cache-flush on a password-protected redis-server", () => {
  it("a dry run counts and samples the keys that would go, and removes nothing", async () => {
    const admin = await fresh(2000, 500);
    const tk = await runInProcess(cacheFlush, { "redis-url": url, pattern: "page:*", "dry-run": "true" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({ status: "planned", "keys-matched": "2000", "keys-removed": "0" });
    expect(tk.summary).toContain("Would remove **2000** keys");
    expect(tk.summary).toMatch(/- `page:\d+`/);
    expect(await admin.dbsize()).toBe(2500);
    expect(tk.summary + tk.logs.join("\n")).not.toContain(PASSWORD);
    admin.disconnect();
  });

  it("removes the matching keys of several patterns and reports progress and counts", async () => {
    const admin = await fresh(3000, 500);
    await seed(admin, "fragment:", 100);
    const tk = await runInProcess(cacheFlush, { "redis-url": url, pattern: "page:*\nfragment:*" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs).toMatchObject({ status: "flushed", "keys-removed": "3100" });
    expect(await admin.dbsize()).toBe(500);
    expect(tk.logs.join("\n")).toMatch(/3100 matching keys seen, 3100 removed/);
    expect(tk.summary).toContain("**3100** keys removed from `redis://127.0.0.1:");
    expect(tk.summary + tk.logs.join("\n")).not.toContain(PASSWORD);
    admin.disconnect();
  });

  it("all: true flushes the database once confirm names it", async () => {
    const admin = await fresh(100, 100);
    const tk = await runInProcess(cacheFlush, { "redis-url": url, all: "true", confirm: "0" });
    expect(tk.outputs).toMatchObject({ status: "flushed", "keys-removed": "200" });
    expect(await admin.dbsize()).toBe(0);
    admin.disconnect();
  });

  it("a wrong password fails with the server's word for it and what to do", async () => {
    const tk = await runInProcess(cacheFlush, {
      "redis-url": `redis://:wrong-password-1@127.0.0.1:${server.port}`,
      pattern: "page:*",
    });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(
      /WRONGPASS[\s\S]*What to do: the user name or password in redis-url was refused/,
    );
    expect(tk.failed).not.toContain("wrong-password-1");
  });

  it("a server that is not there fails clearly", async () => {
    const tk = await runInProcess(cacheFlush, { "redis-url": "redis://127.0.0.1:1", pattern: "page:*" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(/ECONNREFUSED[\s\S]*nothing listens at that host and port/);
  });
});

describe("cache-flush with railway-service", () => {
  it("restarts the service's active deployment and waits for SUCCESS", async () => {
    const sim = new RailwaySimulator(
      rollbackScenario({ timing: { initializingMs: 10, buildingMs: 10, deployingMs: 30 } }),
    );
    const apiUrl = await sim.start();
    try {
      const inputs = {
        "railway-service": "backend",
        "railway-token": SCENARIO.projectToken,
        "railway-api-url": apiUrl,
      };
      const planned = await runInProcess(cacheFlush, { ...inputs, "dry-run": "true" });
      expect(planned.outputs.status).toBe("planned");
      expect(planned.summary).toContain(`active deployment \`${SCENARIO.services.backend.bad}\``);
      expect(sim.operations()).not.toContain("DeploymentRestart");
      const tk = await runInProcess(cacheFlush, inputs);
      expect(tk.failed).toBeUndefined();
      expect(tk.outputs.status).toBe("restarted");
      expect(sim.operations().filter((o) => o === "DeploymentRestart")).toHaveLength(1);
      expect(sim.deployment(SCENARIO.services.backend.bad)?.status).toBe("SUCCESS");
      expect(tk.summary).toContain("with RDB/AOF persistence on a volume, the keys come back");
    } finally {
      await sim.stop();
    }
  });
});
