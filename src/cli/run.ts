// Runs one action from a terminal (for when GitHub itself is down), exactly as the runner would run it:
//   VERCEL_TOKEN=… npm run action -- vercel-promote --project shop --reason "bad deploy"
// Every --name value pair is an input of actions/<action>/action.yml; secrets come from the environment
// (`--help` names the variables). Outputs and the job summary are printed at the end.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runAction } from "./run-action.ts";
import { help, passThrough, plainSummary, readMetadata, withEnvironmentInputs } from "./terminal.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const actions = readdirSync(join(root, "actions")).sort();

class UsageError extends Error {}

/** `--name value` pairs (or `--name=value`) as inputs. */
export function parseInputArgs(args: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match?.[1]) throw new UsageError(`"${arg}" is not --input value`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value`);
    inputs[match[1]] = value;
  }
  return inputs;
}

/** The folder the user stands in: npm runs scripts from the project root and keeps the caller's in INIT_CWD. */
function userFolder(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** revert-commit acts on the user's repository, never on this suite's own checkout. */
function revertFolder(inputs: Record<string, string>): string {
  const folder = resolve(userFolder(), inputs.path ?? ".");
  let top: string;
  try {
    top = execFileSync("git", ["-C", folder, "rev-parse", "--show-toplevel"], {
      encoding: "utf8",
      stdio: "pipe",
    }).trim();
  } catch {
    throw new UsageError(
      `${folder} is not in a git repository: cd to the repository to revert, or pass --path.`,
    );
  }
  if (resolve(top) === root) {
    throw new UsageError(
      `${folder} is the rollback suite's own checkout: cd to the repository to revert (npm --prefix ${root} run action -- revert-commit …), or pass --path.`,
    );
  }
  return top;
}

async function cli(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const usage = `Usage: npm run action -- <${actions.join("|")}> [--input value]... (--help for an action's inputs)`;
  if (name === "--help" || name === "-h") {
    console.log(usage);
    return;
  }
  if (!name || !actions.includes(name)) throw new UsageError(usage);
  const meta = readMetadata(root, name);
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(help(name, meta));
    return;
  }
  const given = parseInputArgs(rest);
  const unknown = Object.keys(given).filter((input) => !(input in meta.inputs));
  if (unknown.length) {
    throw new UsageError(
      `${name} has no input ${unknown.map((u) => `--${u}`).join(", ")}. Its inputs: ${Object.keys(meta.inputs)
        .map((i) => `--${i}`)
        .join(" ")}`,
    );
  }
  const workspace = name === "revert-commit" ? revertFolder(given) : userFolder();
  const inputs = withEnvironmentInputs(name, meta.inputs, given, process.env);
  if (name === "revert-commit") inputs.path = workspace;
  const run = await runAction(name, inputs, {
    cwd: workspace,
    env: { ...passThrough(process.env), GITHUB_WORKSPACE: workspace },
    timeoutMs: 2 * 3_600_000,
    onLine: (line) => {
      // Workflow commands are for the runner; a terminal shows their message.
      if (line.startsWith("::add-mask::") || /^::(debug|group|endgroup)/.test(line)) return;
      const command = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line);
      console.log(command ? `${command[1]}: ${decodeURIComponent(command[2] ?? "")}` : line);
    },
  });
  if (run.summary.trim()) console.log(`\n${plainSummary(run.summary)}`);
  console.log(
    `\nOutputs:\n${Object.entries(run.outputs)
      .map(([key, value]) => `  ${key}=${value}`)
      .join("\n")}`,
  );
  process.exitCode = run.code ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  cli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
