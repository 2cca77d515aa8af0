import { tmpdir } from "node:os";
import { afterEach, expect, it } from "vitest";
import { GitHubSimulator } from "../src/sim/github.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { badProductionSimulator, SIM_VERCEL_TOKEN } from "../src/sim/vercel.ts";
import { runBundle } from "./helpers/bundle.ts";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** GitHub with one release between `base` and `head` that dropped a column. */
async function startGitHub(base: string, head: string) {
  const github = new GitHubSimulator();
  github.commits.push(
    { sha: base, files: [] },
    {
      sha: head,
      files: [
        {
          filename: "supabase/migrations/20240601_orders.sql",
          status: "added",
          patch: "+ALTER TABLE orders DROP COLUMN note;",
        },
      ],
    },
  );
  await github.start();
  stops.push(() => github.stop());
  // The default github-token is ${{ github.token }}; the API base is GITHUB_API_URL; no history in the cwd.
  return { github, env: { GITHUB_TOKEN: github.token, GITHUB_API_URL: github.url } };
}

it("railway-redeploy bundle, block: stops before any change, names the migration, never shows the token", async () => {
  const sim = new RailwaySimulator(
    rollbackScenario({ timing: { initializingMs: 20, buildingMs: 20, deployingMs: 40 } }),
  );
  const url = await sim.start();
  stops.push(() => sim.stop());
  const commit = (n: number) => `backend${n}`.padEnd(40, "0");
  const { github, env } = await startGitHub(commit(2), commit(4));
  const run = await runBundle(
    "railway-redeploy",
    { token: SCENARIO.projectToken, services: "backend", "api-url": url, migrations: "block" },
    { env, cwd: tmpdir() },
  );
  expect(run.code).toBe(1);
  expect(run.outputs.status).toBe("failed");
  expect(JSON.parse(run.outputs.migrations ?? "")).toEqual([
    { file: "supabase/migrations/20240601_orders.sql", tool: "supabase", commit: commit(4), flags: ["drop"] },
  ]);
  expect(run.stdout).toContain("::error::Stopped before any change (migrations: block)");
  expect(sim.activeDeployment("backend")?.id).toBe(SCENARIO.services.backend.bad);
  expect(github.requests).toHaveLength(1);
  expect(run.all).not.toContain(github.token);
});

it("vercel-promote bundle, dry run: the plan's summary lists the migration with its flags", async () => {
  const sim = badProductionSimulator({ aliasJobMs: 30 });
  await sim.start();
  stops.push(() => sim.stop());
  const { env } = await startGitHub("2222222bbbbbbb", "5555555eeeeeee");
  const run = await runBundle(
    "vercel-promote",
    { token: SIM_VERCEL_TOKEN, project: "shop", "api-url": sim.url, "dry-run": "true" },
    { env, cwd: tmpdir() },
  );
  expect(run.code).toBe(0);
  expect(run.outputs.status).toBe("planned");
  expect(run.summary).toContain("| supabase/migrations/20240601_orders.sql | supabase | 5555555 | drop |");
  expect(run.stdout).toContain("::warning::Migrations between the target and production");
});
