import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
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
    });
    expect(run.stdout).toContain(`::add-mask::${SIM_VERCEL_TOKEN}`);
    expect(run.summary).toContain("## Vercel production rollback of shop: rolled-back");
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

describe("actions/vercel-promote/action.yml", () => {
  const meta = parse(readFileSync("actions/vercel-promote/action.yml", "utf8"));

  it("declares the SPEC's inputs with their defaults, and its outputs", () => {
    const defaults = Object.fromEntries(
      Object.entries(meta.inputs as Record<string, { default?: string; required?: boolean }>).map(
        ([name, i]) => [name, i.required ? "required" : (i.default ?? "")],
      ),
    );
    expect(defaults).toEqual({
      token: "required",
      project: "required",
      team: "",
      deployment: "",
      strategy: "auto",
      reason: "",
      wait: "5m",
      "api-url": "https://api.vercel.com",
      "dry-run": "false",
    });
    expect(Object.keys(meta.outputs).sort()).toEqual(
      ["auto-assign-disabled", "deployment-id", "deployment-url", "previous-deployment-id", "status"].sort(),
    );
    for (const input of Object.values(meta.inputs) as { description?: string }[])
      expect(input.description).toBeTruthy();
    expect(meta.runs).toEqual({ using: "node24", main: "../../dist/vercel-promote/index.js" });
  });
});
