import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDrill } from "../src/cli/drill/runbook.ts";

const drill = (...args: string[]) =>
  spawnSync(process.execPath, ["src/cli/drill/index.ts", ...args], { encoding: "utf8" });

describe("the local drill", () => {
  it("recovers production on the simulators and tells the whole story", async () => {
    const result = await runDrill();
    expect(result.recovered).toBe(true);
    // The bad release also renamed a column: each rollback warns before it changes anything.
    const warnings = result.timeline.filter((step) => step.phase === "migrations").map((step) => step.text);
    expect(warnings.sort()).toEqual([
      expect.stringMatching(
        /^railway-redeploy: Migrations between .*migration\.sql \(prisma, backend\): rename/,
      ),
      expect.stringMatching(
        /^vercel-promote: Migrations between .*migration\.sql \(prisma, 5555555\): rename/,
      ),
    ]);
    const phases = result.timeline.map((step) => step.phase).filter((phase) => phase !== "migrations");
    expect(phases.slice(0, 3)).toEqual(["ready", "incident", "detected"]);
    // The announcement goes out alongside the rollbacks, in whatever order they finish.
    expect(phases.slice(3, 6).sort()).toEqual(["announced", "rolled back", "rolled back"]);
    expect(phases.slice(6)).toEqual(["verified", "notified"]);
    const text = result.timeline.map((step) => step.text).join("\n");
    expect(text).toContain("smoke-test fail: backend, ai-engine, web failing");
    expect(text).toContain("railway-redeploy rolled-back: backend rolled-back, ai-engine rolled-back");
    expect(text).toContain("vercel-promote rolled-back: dpl_bad → dpl_good2");
    expect(text).toContain("smoke-test pass");
    expect(text).not.toContain("?");
    expect(result.runs.report?.outputs.sent).toContain("slack");
    // The outcome is posted in the thread of the announcement.
    expect(result.runs.announce?.outputs["slack-ts"]).toMatch(/^\d+\.\d+$/);
    expect(result.platformMs).toBeGreaterThan(0);
    expect(result.totalMs).toBeGreaterThan(result.platformMs);
    // Every step's action has its duration on the timeline.
    expect(result.timeline.filter((step) => step.phase === "rolled back").every((s) => s.durationMs)).toBe(
      true,
    );
  });

  it("reverts the bad commit on the git origin", async () => {
    const result = await runDrill({ target: "git-revert" });
    expect(result.recovered).toBe(true);
    expect(result.runs.revert?.outputs.status).toBe("reverted");
  });

  it("runs the whole runbook in order and leaves no file behind", { timeout: 180_000 }, async () => {
    const result = await runDrill({ target: "full" });
    expect(result.recovered).toBe(true);
    expect(result.outcome).toBe("succeeded");
    const order = result.timeline
      .filter((step) => ["traffic", "data", "rolled back", "resumed", "verified"].includes(step.phase))
      .map((step) => step.text.split(" ")[0]);
    expect(order.slice(0, 4)).toEqual(["traffic", "traffic", "database-restore", "storage-restore"]);
    expect(order.slice(4, 6).sort()).toEqual(["railway-redeploy", "vercel-promote"]);
    expect(order.slice(6)).toEqual(["cache-flush", "traffic", "traffic", "smoke-test", "analyze"]);
    const text = result.timeline.map((step) => step.text).join("\n");
    expect(text).toContain("analyze fail: API error rate");
    expect(text).toContain("database-restore restored");
    expect(text).toContain("cache-flush flushed: 3 keys removed");
    expect(result.runs.report?.outputs.sent).toContain("statuspage");
    for (const run of Object.values(result.runs)) {
      for (const output of ["report", "measurements", "safety-backup"]) {
        const path = run.outputs[output];
        if (path?.startsWith("/")) expect(existsSync(path), `${output} ${path}`).toBe(false);
      }
    }
  });

  it("flushes a simulated Railway Redis when the machine has no redis-server, and says so", {
    timeout: 180_000,
  }, async () => {
    const result = await runDrill({ target: "full", simulatedData: true });
    expect(result.recovered).toBe(true);
    const text = result.timeline.map((step) => step.text).join("\n");
    expect(text).toContain("the cache: a simulated Railway Redis service, restarted to flush it (asked for)");
    expect(text).toContain("cache-flush restarted");
  });

  it("stops the data and code steps after a failed restore, yet brings traffic back", {
    timeout: 180_000,
  }, async () => {
    const result = await runDrill({ target: "full", faults: ["restore-fails"] });
    expect(result.outcome).toBe("failed");
    const text = result.timeline.map((step) => `${step.phase} ${step.text}`).join("\n");
    expect(text).toContain("data database-restore failed: verify-sql failed");
    expect(text).toContain("skipped storage-restore: an earlier step failed");
    expect(text).toContain("skipped railway-redeploy: an earlier step failed");
    expect(text).toMatch(/resumed traffic resumed/);
    expect(result.runs.report?.outputs.status).toBe("sent");
  });

  it("says so, and exits 1, when one service fails to recover", { timeout: 120_000 }, () => {
    const cli = drill("--target", "railway", "--fault", "railway-crash");
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("fault        railway-crash: ai-engine's restored deployment crashes");
    expect(cli.stdout).toContain("railway-redeploy failed: backend rolled-back, ai-engine failed");
    expect(cli.stdout).toContain("smoke-test fail: ai-engine failing");
    expect(cli.stdout).toMatch(/notified +notify sent: slack github-issue/);
    expect(cli.stdout).toContain("Production did NOT recover: see the timeline above.");
    expect(cli.stdout).toMatch(/Total [\d.]+s: simulated platform work .+, the suite's own overhead/);
  });

  it("shows how a lost answer was handled, and a status page that is down does not stop the rollback", {
    timeout: 120_000,
  }, () => {
    const cli = drill("--target", "vercel", "--fault", "vercel-lost-answer", "--fault", "statuspage-down");
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/handled +vercel-promote: /);
    expect(cli.stdout).toMatch(/notified +notify partial/);
    expect(cli.stdout).toContain("Production recovered.");
  });

  it("refuses an unknown fault, and one that does not fit the target", () => {
    const unknown = drill("--fault", "meteor");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--fault "meteor": use one of railway-crash, railway-429');
    const misfit = drill("--target", "git-revert", "--fault", "vercel-503");
    expect(misfit.status).toBe(2);
    expect(misfit.stderr).toContain(
      '--fault "vercel-503" does not fit --target git-revert: it fits vercel, all, full',
    );
  });
});
