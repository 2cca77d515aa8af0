// Evaluates the real `if:`, `outputs:`, `env:` and `with:` expressions of a workflow or composite action with
// GitHub's own expression engine (@actions/expressions), so a test of the runbook's order reads the YAML as the
// runner does instead of a copy of its conditions.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { data, Evaluator, Lexer, Parser } from "@actions/expressions";

const CONTEXTS = ["inputs", "needs", "steps", "github", "vars", "secrets", "env", "job", "runner"];
const STATUS_FUNCTIONS = ["always", "success", "failure", "cancelled"];

/** What the status functions answer where the expression is evaluated. */
export interface Status {
  /** Every job (or step) this one depends on succeeded. */
  success: boolean;
  /** One of them failed. */
  failure: boolean;
  /** The run was cancelled. */
  cancelled: boolean;
}

export type Context = Record<string, unknown>;

const info = STATUS_FUNCTIONS.map((name) => ({ name, minArgs: 0, maxArgs: 0 }));
const parsed = new Map<string, ReturnType<Parser["parse"]>>();

export function evaluate(expression: string, context: Context, status: Status): data.ExpressionData {
  let tree = parsed.get(expression);
  if (!tree) {
    tree = new Parser(new Lexer(expression).lex().tokens, CONTEXTS, info).parse();
    parsed.set(expression, tree);
  }
  const answer: Record<string, boolean> = {
    always: true,
    success: status.success && !status.cancelled,
    failure: status.failure && !status.cancelled,
    cancelled: status.cancelled,
  };
  const functions = new Map(
    info.map((f) => [f.name, { ...f, call: () => new data.BooleanData(answer[f.name] ?? false) }]),
  );
  const dictionary = JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary;
  return new Evaluator(tree, dictionary, functions).evaluate();
}

/** GitHub's truthiness: null, false, 0, NaN and the empty string are false; everything else is true. */
function truthy(value: data.ExpressionData): boolean {
  switch (value.kind) {
    case data.Kind.Null:
      return false;
    case data.Kind.Boolean:
      return value.coerceString() === "true";
    case data.Kind.Number:
      return value.number() !== 0 && !Number.isNaN(value.number());
    case data.Kind.String:
      return value.coerceString() !== "";
    default:
      return true;
  }
}

/** An `if:` as the runner reads it: `${{ }}` optional, and `success() &&` implied without a status function. */
export function condition(raw: string | undefined, context: Context, status: Status): boolean {
  const expression = (raw ?? "success()").trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1");
  const explicit = STATUS_FUNCTIONS.some((name) => new RegExp(`\\b${name}\\(`).test(expression));
  const full = explicit ? expression : `success() && (${expression})`;
  return truthy(evaluate(full, context, status));
}

/** Every `${{ … }}` in a value replaced by its text, quotes inside the expression respected. */
export function interpolate(text: string, context: Context, status: Status): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = text.indexOf("${{", at);
    if (open < 0) return out + text.slice(at);
    out += text.slice(at, open);
    let i = open + 3;
    let quoted = false;
    while (i < text.length && (quoted || !text.startsWith("}}", i))) {
      if (text[i] === "'") quoted = !quoted;
      i++;
    }
    out += evaluate(text.slice(open + 3, i), context, status).coerceString();
    at = i + 2;
  }
}

/** Runs a `run:` script with bash -e as the runner does, and returns what it wrote to GITHUB_OUTPUT. */
export function runScript(
  script: string,
  env: Record<string, string>,
): { code: number; stdout: string; outputs: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), "script-"));
  try {
    const file = join(dir, "output");
    writeFileSync(file, "");
    const result = spawnSync("bash", ["-e", "-c", script], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: file, ...env },
    });
    const outputs: Record<string, string> = {};
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const eq = line.indexOf("=");
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return { code: result.status ?? 1, stdout: result.stdout, outputs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
