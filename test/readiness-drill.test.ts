import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith("drill-readiness-"));

async function drill(...faults: string[]): Promise<{ code: number; stdout: string }> {
  const args = ["src/cli/drill/index.ts", "--target", "readiness", ...faults.flatMap((f) => ["--fault", f])];
  return run(process.execPath, args, { timeout: 120_000 }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe("npm run drill -- --target readiness", () => {
  it("every fault is caught by the check it breaks, and the drill leaves no files behind", async () => {
    const before = leftovers();
    const faults = [
      "image-past-retention",
      "expired-token",
      "stale-dump",
      "suspended-versioning",
      "server-newer",
    ];
    const { code, stdout } = await drill(...faults);
    expect(stdout).toMatch(/❌ railway \/ backend: rollback target: .*image past retention/);
    expect(stdout).toMatch(/❌ vercel \/ token and project: .*401/);
    expect(stdout).toMatch(/❌ storage \/ versioning: shop-files: Suspended/);
    expect(stdout).toMatch(/status not-ready/);
    expect(stdout).toMatch(/Every fault was caught/);
    expect(code).toBe(0);
    expect(leftovers()).toEqual(before);
  });

  it("names the faults it knows when given another", async () => {
    const { code, stdout } = await drill("railway-crash");
    expect(code).toBe(2);
    expect(stdout).toBe("");
  });
});
