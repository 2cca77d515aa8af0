import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runDrill } from "../src/cli/drill.ts";

describe("the local drill", () => {
  it("recovers production on the simulators and tells the whole story", async () => {
    const result = await runDrill();
    expect(result.recovered).toBe(true);
    const phases = result.timeline.map((step) => step.phase);
    expect(phases.slice(0, 3)).toEqual(["ready", "incident", "detected"]);
    // The announcement goes out alongside the rollbacks, in whatever order they finish.
    expect(phases.slice(3, 6).sort()).toEqual(["announced", "rolled back", "rolled back"]);
    expect(phases.slice(6)).toEqual(["verified", "notified"]);
    const text = result.timeline.map((step) => step.text).join("\n");
    expect(text).toContain("smoke-test fail: backend, ai-engine, web failing");
    expect(text).toContain("railway-redeploy rolled-back: backend rolled-back, ai-engine rolled-back");
    expect(text).toContain("vercel-promote rolled-back: dpl_bad → dpl_good2");
    expect(text).toContain("smoke-test pass");
    expect(result.runs.report?.outputs.sent).toBe("slack github-issue");
    // The outcome is posted in the thread of the announcement.
    expect(result.runs.announce?.outputs["slack-ts"]).toMatch(/^\d+\.\d+$/);
    expect(result.platformMs).toBeGreaterThan(0);
    expect(result.totalMs).toBeGreaterThan(result.platformMs);
  });

  it("reverts the bad commit on the git origin", async () => {
    const result = await runDrill({ target: "git-revert" });
    expect(result.recovered).toBe(true);
    expect(result.runs.revert?.outputs.status).toBe("reverted");
  });

  it("says so, and exits 1, when one service fails to recover", { timeout: 120_000 }, () => {
    const cli = spawnSync(
      process.execPath,
      ["src/cli/drill.ts", "--target", "railway", "--fault", "railway-crash"],
      {
        encoding: "utf8",
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("railway-redeploy failed: backend rolled-back, ai-engine failed");
    expect(cli.stdout).toContain("smoke-test fail: ai-engine failing");
    expect(cli.stdout).toMatch(/notified {4}notify sent → slack github-issue/);
    expect(cli.stdout).toContain("Production did NOT recover: see the timeline above.");
    expect(cli.stdout).toMatch(/Total [\d.]+s: simulated platform work .+, the suite's own overhead/);
  });

  it("refuses an unknown fault with the list of known ones", () => {
    const cli = spawnSync(process.execPath, ["src/cli/drill.ts", "--fault", "meteor"], { encoding: "utf8" });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain('--fault "meteor": use one of railway-crash, railway-429');
  });
});
