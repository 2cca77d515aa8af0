import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ActionRun, runAction } from "../../src/cli/run-action.ts";

export { parseOutputFile } from "../../src/cli/run-action.ts";

export interface BundleRun extends ActionRun {
  /**
   * Everything a user could see: logs, outputs and summary. `::add-mask::` commands are left out: the
   * runner consumes them and never shows them.
   */
  all: string;
}

/**
 * Runs `node dist/<name>/index.js` as the runner does (inputs and action.yml defaults as INPUT_*
 * variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) with a workflow run's GitHub context.
 */
export async function runBundle(
  name: string,
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<BundleRun> {
  const run = await runAction(name, inputs, {
    cwd: options.cwd,
    timeoutMs: options.timeoutMs ?? 60_000,
    env: {
      GITHUB_ACTIONS: "true",
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_REPOSITORY: "acme/shop",
      GITHUB_RUN_ID: "4242",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_ACTOR: "octocat",
      GITHUB_WORKFLOW: "Rollback",
      RUNNER_TEMP: mkdtempSync(join(tmpdir(), `runner-temp-${name}-`)),
      ...options.env,
    },
  });
  const shown = run.stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
  return { ...run, all: [shown, run.stderr, JSON.stringify(run.outputs), run.summary].join("\n") };
}
