import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/readiness/index.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { runInProcess } from "./helpers/run.ts";

interface Row {
  target: string;
  check: string;
  state: string;
  evidence: string;
  fix: string | null;
}

let github: GitHubSimulator;
beforeAll(async () => {
  github = new GitHubSimulator({ workflows: ["deploy.yml"] });
  await github.start();
});
afterAll(async () => {
  await github?.stop();
});

async function check(inputs: Record<string, string>): Promise<{ tk: RecordingToolkit; rows: Row[] }> {
  const temp = mkdtempSync(join(tmpdir(), "readiness-runner-"));
  const tk = await runInProcess(
    action,
    { "github-token": github.token, ...inputs },
    {
      env: {
        RUNNER_TEMP: temp,
        GITHUB_REPOSITORY: "acme/shop",
        GITHUB_API_URL: github.url,
        GITHUB_TOKEN: github.token,
      },
    },
  );
  const report = tk.outputs.report ? readFileSync(tk.outputs.report, "utf8") : "";
  expect([tk.logs.join("\n"), tk.summary, report].join("\n")).not.toContain(github.token);
  return { tk, rows: report ? (JSON.parse(report).checks as Row[]) : [] };
}
const find = (rows: Row[], name: string) => rows.find((r) => r.check === name);
const changes = () => github.requests.filter((r) => r.method !== "GET");

describe("readiness: git-revert and workflow on the GitHub simulator", () => {
  it("passes: the deploy workflow is active, no rule forces a pull request; both environments exist, data has reviewers", async () => {
    github.settings.environments.set("production", { reviewers: [] });
    github.settings.environments.set("production-data", { reviewers: ["dba-lead"] });
    const { rows } = await check({ dispatch: "deploy.yml", "data-environment": "production-data" });
    expect(rows.filter((r) => r.target !== "objectives").map((r) => [r.target, r.check, r.state])).toEqual([
      ["git-revert", "may push", "pass"],
      ["git-revert", "branch rules", "pass"],
      ["git-revert", "deploy workflow", "pass"],
      ["workflow", "environment production", "pass"],
      ["workflow", "data environment production-data", "pass"],
    ]);
    expect(find(rows, "may push")?.evidence).toMatch(/GITHUB_TOKEN/);
    expect(changes()).toEqual([]);
  });

  it("fails a missing deploy workflow, a data environment without reviewers, a missing environment; warns a forced pull request", async () => {
    github.settings.environments.delete("production");
    github.settings.environments.set("production-data", { reviewers: [] });
    github.settings.pullRequestBranches.add("main");
    const { tk, rows } = await check({ dispatch: "deploy-old.yml", "data-environment": "production-data" });
    expect(find(rows, "deploy workflow")?.state).toBe("fail");
    expect(find(rows, "deploy workflow")?.evidence).toMatch(/no such workflow/);
    expect(find(rows, "branch rules")?.state).toBe("warn");
    expect(find(rows, "branch rules")?.evidence).toMatch(/main requires a pull request/);
    expect(find(rows, "environment production")?.state).toBe("fail");
    expect(find(rows, "data environment production-data")?.evidence).toMatch(/no required reviewers/);
    expect(tk.outputs.status).toBe("not-ready");
    expect(changes()).toEqual([]);
  });

  it("a rejected token fails the target with GitHub's answer, not the whole run", async () => {
    const { rows } = await check({ targets: "git-revert", "github-token": "ghs_wrong" });
    expect(rows.find((r) => r.target === "git-revert")?.state).toBe("fail");
    expect(rows.find((r) => r.target === "git-revert")?.evidence).toMatch(/Bad credentials|401/);
  });
});
