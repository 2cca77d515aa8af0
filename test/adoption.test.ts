import { readFileSync } from "node:fs";
import { validate } from "@actions/languageservice";
import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { parse } from "yaml";

// examples/rollback-caller.yml is what another repository copies to get the "Run workflow" button: it must
// offer the rollback's own inputs, forward each one, and pass only secrets the rollback declares, by name.
const example = "examples/rollback-caller.yml";
const load = (path: string) => parse(readFileSync(path, "utf8"));
const caller = load(example);
const rollback = load(".github/workflows/rollback.yml");
const job = caller.jobs.rollback as {
  uses: string;
  with: Record<string, string>;
  secrets: Record<string, string>;
};

describe("the example for another repository", () => {
  it("passes the GitHub Actions language service", async () => {
    const diagnostics = await validate(
      TextDocument.create(
        `file:///repo/.github/workflows/rollback.yml`,
        "yaml",
        1,
        readFileSync(example, "utf8"),
      ),
    );
    expect(diagnostics.filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
  });

  it("offers the rollback's own dispatch inputs and forwards each under its name", () => {
    expect(caller.on.workflow_dispatch.inputs).toEqual(rollback.on.workflow_dispatch.inputs);
    const names = Object.keys(rollback.on.workflow_dispatch.inputs);
    expect(job.with).toEqual(Object.fromEntries(names.map((name) => [name, `\${{ inputs.${name} }}`])));
    for (const name of names) expect(rollback.on.workflow_call.inputs).toHaveProperty(name);
  });

  it("calls the reusable workflow and passes secrets by name, each one the rollback declares", () => {
    expect(job.uses).toBe("OWNER/REPO/.github/workflows/rollback.yml@v1");
    expect(Object.keys(job.secrets).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(job.secrets)) {
      expect(rollback.on.workflow_call.secrets, name).toHaveProperty(name);
      expect(value).toBe(`\${{ secrets.${name} }}`);
    }
  });
});
