import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const readme = readFileSync("README.md", "utf8");
const load = (path: string) => parse(readFileSync(path, "utf8")) as Record<string, unknown>;

/** The first Markdown table after a heading, as rows of cells with backticks removed. */
function tableAfter(heading: string): string[][] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no heading "${heading}"`);
  const lines = readme.slice(start).split("\n");
  const first = lines.findIndex((line) => line.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim().replace(/`/g, "")),
    );
  }
  return rows;
}

type Inputs = Record<string, { default?: unknown; required?: boolean; type?: string }>;
const rollback = load(".github/workflows/rollback.yml") as { on: { workflow_dispatch: { inputs: Inputs } } };
const workflowInputs = rollback.on.workflow_dispatch.inputs;
const rootInputs = (load("action.yml").inputs ?? {}) as Inputs;

/** Every `secrets.X` and `vars.X` the workflows read. */
function referencedSettings(): Map<string, string> {
  const found = new Map<string, string>();
  for (const path of [
    ".github/workflows/rollback.yml",
    ".github/workflows/post-deploy.yml",
    ".github/workflows/rollback-readiness.yml",
  ]) {
    for (const [, kind, name] of readFileSync(path, "utf8").matchAll(
      /\b(secrets|vars)\.([A-Z][A-Z0-9_]*)/g,
    )) {
      found.set(name as string, kind === "secrets" ? "secret" : "variable");
    }
  }
  return found;
}

describe("the README's settings, the workflow and the root action stay in step", () => {
  it("the settings table lists exactly the secrets and variables the workflows read, each of its kind", () => {
    const table = new Map(tableAfter("## Settings").map(([name = "", kind = ""]) => [name, kind]));
    expect(Object.fromEntries(table)).toEqual(Object.fromEntries(referencedSettings()));
  });

  it("the workflow inputs table lists the workflow's inputs with their defaults", () => {
    const rows = tableAfter("### Workflow inputs");
    expect(rows.map(([name]) => name)).toEqual(Object.keys(workflowInputs));
    for (const [name = "", fallback = ""] of rows) {
      const spec = workflowInputs[name];
      expect(fallback, name).toBe(spec?.required ? "required" : String(spec?.default ?? ""));
    }
  });

  it("the root action takes every workflow input, and each of its inputs maps to an input or a setting", () => {
    const settings = new Set(tableAfter("## Settings").map(([name]) => name));
    const rows = tableAfter("### Root action inputs");
    expect(rows.map(([name]) => name)).toEqual(Object.keys(rootInputs));
    for (const input of Object.keys(workflowInputs)) expect(Object.keys(rootInputs), input).toContain(input);
    for (const [input = "", counterpart = ""] of rows) {
      const workflowInput = /^input (.+)$/.exec(counterpart)?.[1];
      if (workflowInput) expect(workflowInput, input).toBe(input);
      else if (counterpart !== "(root action only)")
        expect(settings.has(counterpart), `${input} → ${counterpart}`).toBe(true);
    }
  });

  it("the root action and the workflow accept the same targets", () => {
    const dispatchTargets = (workflowInputs.target as { options?: string[] }).options ?? [];
    const check = readFileSync("action.yml", "utf8");
    const accepted = /it must be one of: ([a-z-, ]+)\./.exec(check)?.[1]?.split(", ") ?? [];
    // readiness changes nothing: it has a workflow of its own (rollback-readiness.yml).
    expect(accepted.filter((target) => target !== "readiness")).toEqual(dispatchTargets);
  });
});

describe("the terminal reads the settings table's names", () => {
  type Step = { uses?: string; with?: Record<string, unknown> };
  /** Every secret a workflow passes to an action input: [action, input, secret, the step's inputs]. */
  function secretInputs(): [string, string, string, Record<string, string>][] {
    const found: [string, string, string, Record<string, string>][] = [];
    for (const path of [".github/workflows/rollback.yml", ".github/workflows/post-deploy.yml"]) {
      const jobs = (load(path).jobs ?? {}) as Record<string, { steps?: Step[] }>;
      for (const job of Object.values(jobs)) {
        for (const step of job.steps ?? []) {
          const action = /^\$\/actions\/([a-z-]+)$/.exec(step.uses ?? "")?.[1];
          if (!action) continue;
          const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
          for (const [input, value] of Object.entries(given)) {
            const secret = /\bsecrets\.([A-Z][A-Z0-9_]*)/.exec(value)?.[1];
            if (secret) found.push([action, input, secret, given]);
          }
        }
      }
    }
    return found;
  }

  it("each secret the workflows pass to an action input is the variable the terminal reads for it", async () => {
    const { environmentNames } = await import("../src/cli/terminal.ts");
    const pairs = secretInputs();
    expect(pairs.length).toBeGreaterThan(20);
    for (const [action, input, secret, given] of pairs) {
      expect(environmentNames(action, input, given)[0], `${action} --${input}`).toBe(secret);
    }
  });

  it("every variable the terminal reads is in the settings table, or the runner's own GITHUB_TOKEN", async () => {
    const { environmentNames } = await import("../src/cli/terminal.ts");
    const settings = new Set(tableAfter("## Settings").map(([name]) => name));
    const actions = readdirSync("actions");
    for (const action of actions) {
      const inputs = Object.keys((load(`actions/${action}/action.yml`).inputs ?? {}) as Inputs);
      for (const input of inputs) {
        for (const platform of ["vercel", "railway"]) {
          for (const name of environmentNames(action, input, { platform })) {
            if (name !== "GITHUB_TOKEN")
              expect(settings.has(name), `${action} --${input}: $${name}`).toBe(true);
          }
        }
      }
    }
  });
});
