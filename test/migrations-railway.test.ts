import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import railwayRedeploy from "../src/actions/railway-redeploy/index.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { SCENARIO } from "../src/sim/railway.ts";
import { mutations, startRailway, stopSimulatorsAfterEach } from "./helpers/railway.ts";
import { runInProcess } from "./helpers/run.ts";

const { backend } = SCENARIO.services;
// The scenario's commits (rollbackScenario): good is backend2…, the crashed deploy backend3…, bad backend4….
const commit = (n: number) => `backend${n}`.padEnd(40, "0");
const MIGRATION = "prisma/migrations/20240601_accounts/migration.sql";

stopSimulatorsAfterEach();
const githubs: GitHubSimulator[] = [];
afterEach(async () => {
  await Promise.all(githubs.splice(0).map((sim) => sim.stop()));
});

/** GitHub with the scenario's history: the bad release renamed a column and dropped a table. */
async function startGitHub() {
  const github = new GitHubSimulator();
  githubs.push(github);
  github.commits.push(
    { sha: commit(2), files: [] },
    { sha: commit(3), files: [{ filename: "src/cache.ts", status: "modified", patch: "+cache" }] },
    {
      sha: commit(4),
      files: [
        {
          filename: MIGRATION,
          status: "added",
          patch:
            '@@ -0,0 +1,2 @@\n+ALTER TABLE "User" RENAME COLUMN "name" TO "fullName";\n+DROP TABLE "Legacy";',
        },
        { filename: "src/checkout.ts", status: "modified", patch: "+break" },
      ],
    },
  );
  await github.start();
  // A workspace without history: the check reads GitHub.
  const env = {
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: github.url,
    GITHUB_WORKSPACE: tmpdir(),
  };
  return { github, env, token: github.token };
}

async function run(inputs: Record<string, string> = {}) {
  const railway = await startRailway();
  const { github, env, token } = await startGitHub();
  const tk = await runRailwayIn(railway.url, { "github-token": token, ...inputs }, env);
  return { tk, railway: railway.sim, github };
}

function runRailwayIn(url: string, inputs: Record<string, string>, env: Record<string, string>) {
  return runInProcess(
    railwayRedeploy,
    { token: SCENARIO.projectToken, services: "backend", "api-url": url, ...inputs },
    { env },
  );
}

const expected = [{ file: MIGRATION, tool: "prisma", commit: commit(4), flags: ["drop", "rename"] }];

describe("railway-redeploy: migrations between the target and production", () => {
  it("warn (the default): rolls back, and the log, summary and output name the migration with its flags", async () => {
    const { tk, github } = await run();
    expect(tk.outputs.status).toBe("rolled-back");
    expect(JSON.parse(tk.outputs.migrations ?? "")).toEqual(expected);
    expect(tk.logs.join("\n")).toMatch(
      /warning: Migrations between the target and production.*\n.*migration\.sql \(prisma, backend\): drop, rename/,
    );
    expect(tk.summary).toContain(
      "| prisma/migrations/20240601_accounts/migration.sql | prisma | backend | drop, rename |",
    );
    // Where a database restore should aim: between the target's deploy and production's.
    expect(tk.summary).toMatch(
      /backend: the first deploy that ran them came after the target's \(.+\) and no later than production's \(.+\); a database point-in-time just before that deploy/,
    );
    // One GitHub request for the range, whatever the number of services' files.
    expect(github.requests.map((r) => r.path)).toEqual([
      `/repos/acme/shop/compare/${commit(2)}...${commit(4)}`,
    ]);
  });

  it("a dry run lists them and says block would stop there", async () => {
    const { tk, railway } = await run({ "dry-run": "true", migrations: "block" });
    expect(tk.outputs.status).toBe("planned");
    expect(tk.summary).toContain("drop, rename");
    expect(tk.summary).toContain("a real run stops here, before any change");
    expect(mutations(railway)).toEqual([]);
  });

  it("block: stops before any change, naming the migration; production still runs the bad deployment", async () => {
    const { tk, railway } = await run({ migrations: "block" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(/Stopped before any change \(migrations: block\)/);
    expect(tk.failed).toContain(`${MIGRATION} (prisma, backend): drop, rename`);
    expect(tk.failed).toContain("allow-migrations: true");
    expect(JSON.parse(tk.outputs.migrations ?? "")).toEqual(expected);
    expect(mutations(railway)).toEqual([]);
    expect(railway.deployment(backend.bad)?.status).toBe("SUCCESS");
  });

  it("block with allow-migrations: goes ahead and says so", async () => {
    const { tk } = await run({ migrations: "block", "allow-migrations": "true" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.summary).toContain("`allow-migrations: true`: going ahead despite them.");
  });

  it("ignore: no check, no request, no output", async () => {
    const { tk, github } = await run({ migrations: "ignore" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.outputs.migrations).toBeUndefined();
    expect(github.requests).toEqual([]);
  });

  it("a deployment without a commit (CLI or image deploy): said plainly; block stops, without asking GitHub", async () => {
    const railway = await startRailway();
    const meta = railway.sim.deployment(backend.bad)?.meta as Record<string, unknown>;
    delete meta.commitHash;
    const { github, env, token } = await startGitHub();
    const warn = await runRailwayIn(railway.url, { "github-token": token, "dry-run": "true" }, env);
    expect(warn.outputs.status).toBe("planned");
    expect(warn.summary).toContain(
      `backend: production's deployment ${backend.bad} has no commit (deployed from the CLI or an image), so the migrations between the target and production are unknown.`,
    );
    const block = await runRailwayIn(railway.url, { "github-token": token, migrations: "block" }, env);
    expect(block.failed).toMatch(/could not all be checked[\s\S]*has no commit/);
    expect(JSON.parse(block.outputs.migrations ?? "")).toEqual([]);
    expect(mutations(railway.sim)).toEqual([]);
    expect(github.requests).toEqual([]);
  });

  it("a GitHub failure is never read as no migrations: warn goes on and says so; block stops", async () => {
    const railway = await startRailway();
    const { env } = await startGitHub();
    const warn = await runRailwayIn(railway.url, { "github-token": "ghs_wrong", "dry-run": "true" }, env);
    expect(warn.summary).toContain("401: Bad credentials (the token needs contents: read on acme/shop)");
    const block = await runRailwayIn(railway.url, { "github-token": "ghs_wrong", migrations: "block" }, env);
    expect(block.outputs.status).toBe("failed");
    expect(mutations(railway.sim)).toEqual([]);
  });
});
