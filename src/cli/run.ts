// Runs one action from a terminal (for when GitHub itself is down), exactly as the runner would run it:
//   npm run action -- vercel-promote --token "$VERCEL_TOKEN" --project shop --reason "bad deploy"
// Every --name value pair is an input of actions/<action>/action.yml; outputs are printed at the end.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runAction } from "./run-action.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const actions = readdirSync(join(root, "actions"));

/** `--name value` pairs (or `--name=value`) as inputs. */
export function parseInputArgs(args: string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match?.[1]) throw new Error(`"${arg}" is not --input value`);
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    inputs[match[1]] = value;
  }
  return inputs;
}

async function cli(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || !actions.includes(name)) {
    console.error(`Usage: npm run action -- <${actions.join("|")}> [--input value]...`);
    process.exitCode = 2;
    return;
  }
  const run = await runAction(name, parseInputArgs(rest), {
    env: {
      GITHUB_REPOSITORY: process.env.GITHUB_REPOSITORY ?? "",
      GITHUB_TOKEN: process.env.GITHUB_TOKEN ?? "",
    },
    timeoutMs: 2 * 3_600_000,
    onLine: (line) => {
      // Workflow commands are for the runner; a terminal shows their message.
      if (line.startsWith("::add-mask::")) return;
      const command = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line);
      console.log(command ? `${command[1]}: ${decodeURIComponent(command[2] ?? "")}` : line);
    },
  });
  console.log(
    `\n${Object.entries(run.outputs)
      .map(([key, value]) => `${key}=${value}`)
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
