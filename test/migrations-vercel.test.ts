import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import vercelPromote from "../src/actions/vercel-promote/index.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { badProductionScenario, SIM_VERCEL_TOKEN, type VercelSimulator } from "../src/sim/vercel.ts";
import { runInProcess } from "./helpers/run.ts";
import { posts, vercelHarness } from "./helpers/vercel.ts";

const vercel = vercelHarness();
const githubs: GitHubSimulator[] = [];
afterEach(async () => {
  await Promise.all(githubs.splice(0).map((sim) => sim.stop()));
});

// badProductionScenario: production dpl_bad is 5555555eeeeeee; the automatic target dpl_good2 is 2222222bbbbbbb.
async function startGitHub() {
  const github = new GitHubSimulator();
  githubs.push(github);
  github.commits.push(
    { sha: "2222222bbbbbbb", files: [] },
    {
      sha: "5555555eeeeeee",
      files: [
        {
          filename: "db/migrate/20240601_payments.rb",
          status: "added",
          patch:
            "+change_column :payments, :amount, :decimal\n+change_column_null :payments, :currency, false",
        },
      ],
    },
  );
  await github.start();
  return github;
}

function run(sim: VercelSimulator, github: GitHubSimulator, inputs: Record<string, string> = {}) {
  return runInProcess(
    vercelPromote,
    { token: SIM_VERCEL_TOKEN, project: "shop", "api-url": sim.url, "github-token": github.token, ...inputs },
    { env: { GITHUB_REPOSITORY: "acme/shop", GITHUB_API_URL: github.url, GITHUB_WORKSPACE: tmpdir() } },
  );
}

describe("vercel-promote: migrations between the target and production", () => {
  it("warn: rolls back and names the migration with its flags (commit from meta.githubCommitSha)", async () => {
    const [sim, github] = [await vercel.start(), await startGitHub()];
    const tk = await run(sim, github);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(JSON.parse(tk.outputs.migrations ?? "")).toEqual([
      {
        file: "db/migrate/20240601_payments.rb",
        tool: "rails",
        commit: "5555555eeeeeee",
        flags: ["type-change", "not-null"],
      },
    ]);
    expect(tk.summary).toContain(
      "| db/migrate/20240601_payments.rb | rails | 5555555 | type-change, not-null |",
    );
    expect(github.requests.map((r) => r.path)).toEqual([
      "/repos/acme/shop/compare/2222222bbbbbbb...5555555eeeeeee",
    ]);
  });

  it("block: stops before any request that changes Vercel", async () => {
    const [sim, github] = [await vercel.start(), await startGitHub()];
    const tk = await run(sim, github, { migrations: "block" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("db/migrate/20240601_payments.rb (rails, 5555555): type-change, not-null");
    expect(posts(sim)).toEqual([]);
  });

  it("a CLI deploy (no git meta) is said plainly, without asking GitHub", async () => {
    const seed = badProductionScenario({ aliasJobMs: 30 });
    for (const d of seed.projects[0]?.deployments ?? []) if (d.id === "dpl_bad") d.meta = {};
    const [sim, github] = [await vercel.start(seed), await startGitHub()];
    const tk = await run(sim, github, { "dry-run": "true" });
    expect(tk.outputs.status).toBe("planned");
    expect(tk.summary).toContain(
      "shop: production's deployment dpl_bad has no commit (deployed from the CLI or an image), so the migrations between the target and production are unknown.",
    );
    expect(JSON.parse(tk.outputs.migrations ?? "")).toEqual([]);
    expect(github.requests).toEqual([]);
  });
});
