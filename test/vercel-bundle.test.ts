import { afterEach, describe, expect, it } from "vitest";
import { badProductionSimulator, SIM_VERCEL_TOKEN, type VercelSimulator } from "../src/sim/vercel.ts";
import { runBundle } from "./helpers/bundle.ts";

let sim: VercelSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

const team = { id: "team_acme123", slug: "acme", plan: "pro" as const };

describe("vercel-promote bundle, run as the runner runs it", () => {
  it("rolls back, sets the outputs, writes the summary and never shows the token", async () => {
    sim = badProductionSimulator({ team, aliasJobMs: 50 });
    const url = await sim.start();
    const run = await runBundle("vercel-promote", {
      token: SIM_VERCEL_TOKEN,
      project: "shop",
      team: "acme",
      reason: "Checkout 500s after deploy",
      "api-url": url,
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      status: "rolled-back",
      "deployment-id": "dpl_good2",
      "deployment-url": `https://${sim.deployment("dpl_good2")?.url}`,
      "previous-deployment-id": "dpl_bad",
      "auto-assign-disabled": "true",
      cancelled: "[]",
      // No commit history here and no token: none found, and the summary says they could not be checked.
      migrations: "[]",
    });
    expect(run.stdout).toContain(`::add-mask::${SIM_VERCEL_TOKEN}`);
    expect(run.summary).toContain("## Vercel production rollback: ✅ rolled-back");
    expect(run.summary).toMatch(/\| from \| dpl_bad \|/);
    expect(run.summary).toMatch(/\| to \| dpl_good2 \|/);
    expect(run.summary).toContain("Checkout 500s after deploy");
    expect(run.summary).toContain("Production is pinned");
    expect(run.summary).toContain("https://github.com/acme/shop/actions/runs/4242");
    expect(sim.productionDeployment("shop")?.id).toBe("dpl_good2");
    // The mask command is the runner's; the token must appear nowhere else.
    const visible = run.all.split(`::add-mask::${SIM_VERCEL_TOKEN}`).join("");
    expect(visible).not.toContain(SIM_VERCEL_TOKEN);
  });

  it("fails the step with an actionable message and no token on a bad token", async () => {
    sim = badProductionSimulator({ aliasJobMs: 50 });
    const url = await sim.start();
    const secret = "vercel_badtoken_9f8e7d6c";
    const run = await runBundle("vercel-promote", { token: secret, project: "shop", "api-url": url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::");
    expect(run.stdout).toContain("401");
    expect(run.summary).toContain("failed");
    expect(run.outputs.status).toBe("failed");
    expect(run.all.split(`::add-mask::${secret}`).join("")).not.toContain(secret);
  });

  it("rejects a bad input before any request", async () => {
    sim = badProductionSimulator();
    const url = await sim.start();
    const run = await runBundle("vercel-promote", {
      token: SIM_VERCEL_TOKEN,
      project: "shop",
      wait: "forever",
      "api-url": url,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Input "wait"`);
    expect(sim.requests).toHaveLength(0);
  });
});
