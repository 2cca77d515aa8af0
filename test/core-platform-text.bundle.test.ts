import { afterEach, describe, expect, it } from "vitest";
import { badProductionScenario, SIM_VERCEL_TOKEN, VercelSimulator } from "../src/sim/vercel.ts";
import { runBundle } from "./helpers/bundle.ts";

// Platform text is anyone's text: a commit message reaches the log and the summary through the platform's
// API. A lone carriage return ends a line for the runner, which then reads what follows as a command.

let sim: VercelSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe("text from a platform, through the bundle", () => {
  it("a commit message cannot issue workflow commands or inject markup into the summary", async () => {
    const seed = badProductionScenario({ aliasJobMs: 30 });
    const good = seed.projects?.[0]?.deployments?.find((d) => d.id === "dpl_good2");
    if (!good?.meta) throw new Error("scenario changed: no dpl_good2");
    good.meta.githubCommitMessage =
      "Faster <img src=x> **checkout** `now`\r::error::forged\r::set-output name=status::failed";
    sim = new VercelSimulator(seed);
    const url = await sim.start();
    const run = await runBundle("vercel-promote", {
      token: SIM_VERCEL_TOKEN,
      project: "shop",
      "api-url": url,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe("rolled-back");
    const lines = run.stdout.split(/\r\n|\r|\n/);
    // Logged (vercel-promote names the commit it promotes), but as text.
    expect(lines.filter((line) => line.includes("::error::forged"))).toHaveLength(1);
    expect(lines.some((line) => line.trimStart().startsWith("::error::forged"))).toBe(false);
    expect(lines.some((line) => line.trimStart().startsWith("::set-output"))).toBe(false);
    expect(run.summary).toContain("Faster \\<img src=x\\> \\*\\*checkout\\*\\* \\`now\\`");
    expect(run.summary).not.toMatch(/(?<!\\)<img/);
  });
});
