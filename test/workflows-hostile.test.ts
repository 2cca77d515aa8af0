import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

/** Runs one `run:` script as the runner would (bash, GITHUB_OUTPUT and GITHUB_ENV files), env given literally. */
function runScript(script: string, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "script-"));
  const output = join(dir, "output");
  writeFileSync(output, "");
  writeFileSync(join(dir, "env"), "");
  const result = spawnSync("bash", ["-e", "-c", script], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: output, GITHUB_ENV: join(dir, "env"), ...env },
  });
  return { ...result, outputs: readFileSync(output, "utf8") };
}

/** Every line the runner would read as a workflow command. */
const commands = (stdout: string) =>
  stdout.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith("::"));

const forged = "all\n::error::forged\r::set-output name=outcome::succeeded";

describe("values a workflow echoes cannot issue workflow commands", () => {
  it("the root action's target check: one error line per problem, nothing forged", () => {
    const steps = (parse(readFileSync("action.yml", "utf8")) as { runs: { steps: Step[] } }).runs.steps;
    const check = steps.find((step) => step.id === "check");
    const run = runScript(check?.run ?? "", { TARGET: forged, ENVIRONMENT: "production\n::warning::forged" });
    expect(run.status).toBe(1);
    expect(commands(run.stdout)).toEqual([
      '::error::Input "target" is "all ::error::forged ::set-output name=outcome::succeeded"; it must be one of: all, railway, vercel, git-revert, database, cache, storage, full, traffic-resume, readiness. Example: all',
    ]);
  });

  it("the rollback workflow's guard: one error line per problem, nothing forged", () => {
    const jobs = (
      parse(readFileSync(".github/workflows/rollback.yml", "utf8")) as {
        jobs: Record<string, { steps: Step[] }>;
      }
    ).jobs;
    const guard = jobs.guard?.steps.find((step) => step.id === "check");
    const run = runScript(guard?.run ?? "", {
      TARGET: forged,
      ENVIRONMENT: "production\n::error::forged",
      DATA_ENVIRONMENT: "production-data",
      ALLOWED: "production",
    });
    expect(run.status).toBe(1);
    const lines = commands(run.stdout);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::error::(input target|environment)/);
    expect(lines.join("\n")).toContain(
      "environment 'production ::error::forged' is not in the variable ROLLBACK_ENVIRONMENTS",
    );
    expect(run.outputs).toBe("");
  });
});
