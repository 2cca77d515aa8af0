import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

export interface RunActionOptions {
  /** Environment the runner would give the step (GITHUB_*, RUNNER_TEMP …), on top of PATH and HOME. */
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
  /** Each line the action prints, as it prints it. */
  onLine?: (line: string) => void;
}

interface ActionInput {
  default?: string;
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

/** Defaults as the runner evaluates them; the only expression our action.yml files use is github.token. */
function evaluateDefault(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, env.GITHUB_TOKEN ?? "");
}

/**
 * Runs `node dist/<name>/index.js` the way the runner does: every input declared in
 * actions/<name>/action.yml as an INPUT_* variable (given value or its default), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and the step's environment.
 */
export async function runAction(
  name: string,
  inputs: Record<string, string>,
  options: RunActionOptions = {},
): Promise<ActionRun> {
  const metadata = parse(readFileSync(join(root, "actions", name, "action.yml"), "utf8")) as {
    inputs?: Record<string, ActionInput>;
  };
  const dir = mkdtempSync(join(tmpdir(), `action-${name}-`));
  const outputFile = join(dir, "output");
  const summaryFile = join(dir, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: tmpdir(),
    ...options.env,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
    const value =
      inputs[input] ?? (spec.default === undefined ? "" : evaluateDefault(String(spec.default), env));
    // The runner upper-cases the name and replaces spaces with underscores; hyphens stay.
    env[`INPUT_${input.replace(/ /g, "_").toUpperCase()}`] = value;
  }
  for (const input of Object.keys(inputs)) {
    if (!(input in (metadata.inputs ?? {})))
      throw new Error(`actions/${name}/action.yml declares no input "${input}"`);
  }

  const started = performance.now();
  // ROLLBACK_DIST: run bundles built elsewhere (`node scripts/build.mjs --out DIR`) instead of the committed dist/.
  const dist = process.env.ROLLBACK_DIST || join(root, "dist");
  const child = spawn(process.execPath, [join(dist, name, "index.js")], { cwd: options.cwd, env });
  let stdout = "";
  let stderr = "";
  let partial = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk;
    if (!options.onLine) return;
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) options.onLine(line);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(timer);
  if (partial) options.onLine?.(partial);
  const run: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    durationMs: performance.now() - started,
  };
  rmSync(dir, { recursive: true, force: true });
  return run;
}
