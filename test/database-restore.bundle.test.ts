import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PostgresServer, startPostgres } from "../src/sim/postgres-server.ts";
import { runBundle } from "./helpers/bundle.ts";
import { count, damage, databases, dumpOf, seedShop } from "./helpers/pg-seed.ts";

let pg: PostgresServer;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

describe("dist/database-restore (postgres) run as the runner runs it", () => {
  it("dry run, then the restore, then already-current; the password never shown", async () => {
    const url = await pg.createDatabase("shop");
    await seedShop(pg, "shop");
    const dump = dumpOf(pg, "shop");
    await damage(pg, "shop");
    const inputs = {
      provider: "postgres",
      "database-url": url,
      backup: dump,
      "verify-sql": "SELECT count(*) FROM users",
    };
    const before = await databases(pg);

    const planned = await runBundle(
      "database-restore",
      { ...inputs, "dry-run": "true" },
      { timeoutMs: 120_000 },
    );
    expect(planned.code).toBe(0);
    expect(planned.outputs.status).toBe("planned");
    expect(planned.summary).toContain("Would be replaced");
    expect(await databases(pg)).toEqual(before);
    expect(await count(pg, "shop", "users")).toBe(10);

    const restored = await runBundle(
      "database-restore",
      { ...inputs, confirm: "shop" },
      { timeoutMs: 120_000 },
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.outputs.status).toBe("restored");
    expect(existsSync(restored.outputs["safety-backup"] ?? "")).toBe(true);
    expect(restored.summary).toContain("## Database restore: ✅ restored");
    expect(await count(pg, "shop", "users")).toBe(200);

    const again = await runBundle("database-restore", { ...inputs, confirm: "shop" }, { timeoutMs: 120_000 });
    expect(again.code).toBe(0);
    expect(again.outputs.status).toBe("already-current");

    for (const run of [planned, restored, again]) {
      expect(run.all).not.toContain(pg.password);
      expect(run.stdout).toContain("::add-mask::");
    }
  });

  it("confirm wrong: exit 1, status failed, one message naming the input", async () => {
    const url = await pg.createDatabase("orders");
    await seedShop(pg, "orders");
    const dump = dumpOf(pg, "orders");
    const run = await runBundle("database-restore", {
      provider: "postgres",
      "database-url": url,
      backup: dump,
      confirm: "shop",
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe("failed");
    expect(run.stdout).toContain(
      '::error::Input "confirm" is "shop", but the database that would be overwritten is "orders"',
    );
    expect(run.all).not.toContain(pg.password);
  });
});
