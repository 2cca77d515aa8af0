import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface BundleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /**
   * Everything a user could see: logs, outputs and summary. `::add-mask::` commands are left out: the
   * runner consumes them and never shows them.
   */
  all: string;
}

/** Parses a GITHUB_OUTPUT file (`name<<DELIM … DELIM` blocks, or `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = "", delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? "");
      outputs[name] = value.join("\n");
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

/**
 * Runs `node dist/<name>/index.js` as the runner does: inputs as INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, GitHub context variables.
 */
export async function runBundle(
  name: string,
  inputs: Record<string, string>,
  options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<BundleRun> {
  const dir = mkdtempSync(join(tmpdir(), `run-${name}-`));
  const outputFile = join(dir, "output");
  const summaryFile = join(dir, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: "true",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_ACTOR: "octocat",
    GITHUB_WORKFLOW: "Rollback",
    RUNNER_TEMP: dir,
    ...options.env,
  };
  // The runner upper-cases the name and replaces spaces with underscores; hyphens stay.
  for (const [key, value] of Object.entries(inputs))
    env[`INPUT_${key.replace(/ /g, "_").toUpperCase()}`] = value;
  const child = spawn(process.execPath, [resolve("dist", name, "index.js")], {
    cwd: options.cwd ?? process.cwd(),
    env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(timer);
  const outputs = parseOutputFile(readFileSync(outputFile, "utf8"));
  const summary = readFileSync(summaryFile, "utf8");
  const shown = stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary,
    all: [shown, stderr, JSON.stringify(outputs), summary].join("\n"),
  };
}
