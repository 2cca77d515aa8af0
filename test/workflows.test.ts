import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validate } from "@actions/languageservice";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { parse } from "yaml";

type Inputs = Record<string, { required?: boolean; default?: unknown }>;
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const workflows = readdirSync(".github/workflows").map((file) => join(".github/workflows", file));
const actionFiles = [
  "action.yml",
  ...readdirSync("actions").map((name) => join("actions", name, "action.yml")),
];

function load(path: string): Record<string, unknown> {
  return parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/** The action.yml a local reference points at: `$/actions/x` and `./actions/x` are this repository. */
function localAction(uses: string): string | undefined {
  const path = /^(?:\$|\.)\/(.*?)\/?$/.exec(uses)?.[1];
  if (path === undefined || path.startsWith(".github/workflows/")) return undefined;
  return join(path, "action.yml");
}

function stepsOf(path: string): { where: string; step: Step }[] {
  const doc = load(path);
  const runs = doc.runs as { steps?: Step[] } | undefined;
  if (runs?.steps) return runs.steps.map((step, i) => ({ where: `${path} step ${i + 1}`, step }));
  const jobs = (doc.jobs ?? {}) as Record<string, { steps?: Step[] }>;
  return Object.entries(jobs).flatMap(([job, { steps = [] }]) =>
    steps.map((step, i) => ({ where: `${path} job ${job} step ${i + 1}`, step })),
  );
}

describe("workflows and action metadata", () => {
  it.each([...workflows, ...actionFiles])("%s passes the GitHub Actions language service", async (path) => {
    const uri = `file:///repo/${path}`;
    const diagnostics = await validate(TextDocument.create(uri, "yaml", 1, readFileSync(path, "utf8")));
    const errors = diagnostics
      .filter((d) => d.severity === 1)
      .map((d) => `${d.range.start.line + 1}: ${d.message}`);
    expect(errors).toEqual([]);
  });

  it.each([...workflows, ...actionFiles])(
    "%s: every with: key is a declared input, every required input given",
    (path) => {
      const problems: string[] = [];
      for (const { where, step } of stepsOf(path)) {
        const target = step.uses && localAction(step.uses);
        if (!target) continue;
        const inputs = (load(target).inputs ?? {}) as Inputs;
        for (const key of Object.keys(step.with ?? {})) {
          if (!(key in inputs)) problems.push(`${where}: ${step.uses} has no input "${key}"`);
        }
        for (const [name, spec] of Object.entries(inputs)) {
          if (spec.required && spec.default === undefined && !(name in (step.with ?? {}))) {
            problems.push(`${where}: ${step.uses} needs input "${name}"`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("reusable workflow calls pass only declared inputs and every required one", () => {
    const problems: string[] = [];
    for (const path of workflows) {
      const jobs = (load(path).jobs ?? {}) as Record<
        string,
        { uses?: string; with?: Record<string, unknown> }
      >;
      for (const [name, job] of Object.entries(jobs)) {
        if (!job.uses?.startsWith("./.github/workflows/")) continue;
        const called = load(job.uses.slice(2)) as { on: { workflow_call: { inputs: Inputs } } };
        const inputs = called.on.workflow_call.inputs;
        for (const key of Object.keys(job.with ?? {})) {
          if (!(key in inputs)) problems.push(`${path} job ${name}: no input "${key}"`);
        }
        for (const [input, spec] of Object.entries(inputs)) {
          if (spec.required && !(input in (job.with ?? {})))
            problems.push(`${path} job ${name}: needs "${input}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // Expressions in a script are pasted into it before the shell runs: a crafted input or event field
  // becomes code. Everything reaches scripts through env: instead.
  it.each([...workflows, ...actionFiles])("%s: no run: script expands an expression", (path) => {
    const expanding = stepsOf(path)
      .filter(({ step }) => step.run?.includes("${{"))
      .map(({ where }) => where);
    expect(expanding).toEqual([]);
  });

  it("the rollback workflow offers the same inputs to the UI and to other repositories", () => {
    const on = (load(".github/workflows/rollback.yml").on ?? {}) as Record<string, { inputs: Inputs }>;
    expect(Object.keys(on.workflow_dispatch?.inputs ?? {})).toEqual(
      Object.keys(on.workflow_call?.inputs ?? {}),
    );
    expect(on.workflow_dispatch?.inputs.reason?.required).toBe(true);
  });

  it("uploads a safety dump only encrypted, kept for a short time", () => {
    const uploads = [...workflows, ...actionFiles].flatMap((path) =>
      stepsOf(path).filter(
        ({ step }) =>
          step.uses?.startsWith("actions/upload-artifact@") &&
          String(step.with?.path).includes("safety-backup"),
      ),
    );
    expect(uploads.map(({ where }) => where.split(" ")[0]).sort()).toEqual([
      ".github/workflows/rollback.yml",
      "action.yml",
    ]);
    for (const { where, step } of uploads) {
      const condition = (step as Step & { if?: string }).if ?? "";
      expect(condition, where).toMatch(/endsWith\(steps\.[a-z-]+\.outputs\.safety-backup, '\.enc'\)/);
      expect(Number(step.with?.["retention-days"]), where).toBeLessThanOrEqual(3);
    }
  });

  it("pins third-party actions by full commit SHA", () => {
    const loose = [...workflows, ...actionFiles].flatMap((path) =>
      stepsOf(path)
        .map(({ where, step }) => ({ where, uses: step.uses ?? "" }))
        .filter(({ uses }) => uses && !/^(\$|\.)\//.test(uses) && !/@[0-9a-f]{40}$/.test(uses))
        .map(({ where, uses }) => `${where}: ${uses}`),
    );
    expect(loose).toEqual([]);
  });

  it("each action runs on node24 from its committed bundle", () => {
    for (const name of readdirSync("actions")) {
      const runs = load(join("actions", name, "action.yml")).runs as { using: string; main: string };
      expect(runs).toEqual({ using: "node24", main: `../../dist/${name}/index.js` });
    }
  });
});
