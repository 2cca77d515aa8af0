import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseOutputFile } from "../src/cli/run-action.ts";
import { actionsToolkit } from "../src/core/toolkit.ts";

// The runner's protocol as the toolkit writes it, now that it uses @actions/core's command writers directly:
// what the runner reads (the output file, workflow commands on stdout, the summary file) must be unchanged.
describe("the runner toolkit", () => {
  let dir: string;
  let printed: string;
  const saved = { ...process.env };
  const exitCode = process.exitCode;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "toolkit-"));
    printed = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env = { ...saved };
    process.exitCode = exitCode;
  });

  it("reads INPUT_ variables as the runner names them, trimmed", () => {
    process.env["INPUT_FAILURE-LIMIT"] = "  2 ";
    process.env.INPUT_A_B = "x";
    const tk = actionsToolkit();
    expect(tk.getInput("failure-limit")).toBe("2");
    expect(tk.getInput("a b")).toBe("x");
    expect(tk.getInput("unset")).toBe("");
  });

  it("writes outputs to GITHUB_OUTPUT, multi-line values too, and never prints them", () => {
    process.env.GITHUB_OUTPUT = join(dir, "output");
    writeFileSync(process.env.GITHUB_OUTPUT, "");
    const tk = actionsToolkit();
    tk.setOutput("status", "rolled-back");
    tk.setOutput("report", "line one\nline two");
    expect(parseOutputFile(readFileSync(process.env.GITHUB_OUTPUT, "utf8"))).toEqual({
      status: "rolled-back",
      report: "line one\nline two",
    });
    expect(printed).toBe("");
  });

  it("without an output file, prints the set-output command on a line of its own", () => {
    delete process.env.GITHUB_OUTPUT;
    actionsToolkit().setOutput("status", "planned");
    expect(printed).toMatch(/^\r?\n::set-output name=status::planned\r?\n$/);
  });

  it("masks secrets, annotates warnings and failures, and a failure sets exit code 1", () => {
    const tk = actionsToolkit();
    tk.setSecret("s3cr3t-value");
    tk.warning("careful: s3cr3t-value\n::error::injected");
    tk.setFailed("it broke");
    expect(printed).toContain("::add-mask::s3cr3t-value");
    const warning = printed.split(/\r?\n/).find((line) => line.startsWith("::warning::"));
    expect(warning).toBeDefined();
    expect(warning).not.toContain("s3cr3t-value");
    // A platform's text cannot start a workflow command of its own.
    expect(printed.split(/\r?\n/).filter((line) => line.startsWith("::error::"))).toEqual([
      "::error::it broke",
    ]);
    expect(process.exitCode).toBe(1);
  });

  it("appends to the job summary file, and skips it outside a runner", async () => {
    process.env.GITHUB_STEP_SUMMARY = join(dir, "summary");
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, "before\n");
    await actionsToolkit().appendSummary("## Rolled back\n");
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY, "utf8")).toBe("before\n## Rolled back\n\n");
    delete process.env.GITHUB_STEP_SUMMARY;
    await expect(actionsToolkit().appendSummary("x")).resolves.toBeUndefined();
  });
});
