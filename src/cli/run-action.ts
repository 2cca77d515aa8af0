import { type ChildProcess, spawn } from "node:child_process";
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
  /**
   * Stops the action as a cancelled run does: SIGINT, then SIGKILL after `STOP_GRACE_MS`. runAction then
   * rejects with the signal's reason, once the process has exited and its files are removed.
   */
  signal?: AbortSignal;
  /** Where the step's folder (GITHUB_OUTPUT, the summary) goes: the OS temp folder by default. */
  tempDir?: string;
}

/** How long a stopped action gets to see a change through before it is killed (the runner gives 7.5 s). */
export const STOP_GRACE_MS = 5000;

/** The actions running now, for a caller that must exit at once (`killRunningActions`). */
const running = new Set<ChildProcess>();

/** Kills every action still running, synchronously: for a process that is exiting without waiting for them. */
export function killRunningActions(): void {
  for (const child of running) child.kill("SIGKILL");
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

const metadataCache = new Map<string, { inputs?: Record<string, ActionInput> }>();

/** actions/<name>/action.yml, read once per process. */
function metadataOf(name: string): { inputs?: Record<string, ActionInput> } {
  let metadata = metadataCache.get(name);
  if (!metadata) {
    metadata = parse(readFileSync(join(root, "actions", name, "action.yml"), "utf8")) as {
      inputs?: Record<string, ActionInput>;
    };
    metadataCache.set(name, metadata);
  }
  return metadata;
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
  options.signal?.throwIfAborted();
  const metadata = metadataOf(name);
  for (const input of Object.keys(inputs)) {
    if (!(input in (metadata.inputs ?? {})))
      throw new Error(`actions/${name}/action.yml declares no input "${input}"`);
  }
  const dir = mkdtempSync(join(options.tempDir ?? tmpdir(), `action-${name}-`));
  try {
    return await runIn(dir, name, metadata, inputs, options);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runIn(
  dir: string,
  name: string,
  metadata: { inputs?: Record<string, ActionInput> },
  inputs: Record<string, string>,
  options: RunActionOptions,
): Promise<ActionRun> {
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

  const started = performance.now();
  // ROLLBACK_DIST: run bundles built elsewhere (`node scripts/build.mjs --out DIR`) instead of the committed dist/.
  const dist = process.env.ROLLBACK_DIST || join(root, "dist");
  // No stdin, as on the runner.
  const child = spawn(process.execPath, [join(dist, name, "index.js")], {
    cwd: options.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
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
  let grace: NodeJS.Timeout | undefined;
  const stop = () => {
    child.kill("SIGINT");
    grace = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  let code: number | null;
  try {
    code = await new Promise<number | null>((done, fail) => {
      child.once("error", fail);
      child.once("close", done);
    });
  } finally {
    running.delete(child);
    clearTimeout(timer);
    clearTimeout(grace);
    options.signal?.removeEventListener("abort", stop);
  }
  options.signal?.throwIfAborted();
  if (partial) options.onLine?.(partial);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    durationMs: performance.now() - started,
  };
}
