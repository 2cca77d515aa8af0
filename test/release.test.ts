import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface Step {
  name?: string;
  run?: string;
}

const workflow = parse(readFileSync(".github/workflows/release.yml", "utf8")) as {
  on: { push: { tags: string[] } };
  jobs: { release: { steps: Step[] } };
};
const notesScript = workflow.jobs.release.steps.find(
  (step) => step.name === "Release notes from CHANGELOG.md",
)?.run;

/** The awk program of the notes step, run on CHANGELOG.md for a version, as the release job runs it. */
function notesFor(version: string): string {
  const program = /awk -v v="\$\{VERSION#v\}" '([\s\S]*?)' CHANGELOG\.md/.exec(notesScript ?? "")?.[1];
  if (!program) throw new Error("the release workflow's notes step has no awk program");
  return execFileSync("awk", ["-v", `v=${version}`, program, "CHANGELOG.md"], { encoding: "utf8" });
}

describe("releases", () => {
  it("run on version tags only", () => {
    expect(workflow.on.push.tags).toEqual(["v[0-9]+.[0-9]+.[0-9]+"]);
  });

  it("take the notes of exactly their version from CHANGELOG.md", () => {
    const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    const notes = notesFor(version);
    expect(notes).toContain("### Code rollback");
    expect(notes).not.toMatch(/^## /m);
    expect(notesFor("0.0.0")).toBe("");
  });
});
