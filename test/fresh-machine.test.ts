import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The README's first two commands, run as a newcomer runs them: in a fresh clone, on a machine without
// PostgreSQL, Redis or Prometheus (ROLLBACK_NO_LOCAL_SERVERS=1 stands in for the packages being absent), not
// under CI. `npm ci` is the clone's installed node_modules (a link), since the registry is not the point here.
const root = resolve(import.meta.dirname, "..");
let clone: string;

beforeAll(() => {
  clone = join(mkdtempSync(join(tmpdir(), "fresh-clone-")), "suite");
  const cloned = spawnSync("git", ["clone", "--quiet", "--depth", "1", `file://${root}`, clone], {
    encoding: "utf8",
  });
  if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
  symlinkSync(join(root, "node_modules"), join(clone, "node_modules"));
});
afterAll(() => rmSync(resolve(clone, ".."), { recursive: true, force: true }));

function npm(args: string[]) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ROLLBACK_NO_LOCAL_SERVERS: "1",
    NO_COLOR: "1",
  };
  delete env.FORCE_COLOR;
  delete env.CI;
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key.startsWith("npm_")) delete env[key];
  const run = spawnSync("npm", args, { cwd: clone, env, encoding: "utf8", timeout: 240_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe("the README's first two commands on a fresh machine", () => {
  it("npm run drill rolls production back on the simulators and says so", { timeout: 120_000 }, () => {
    const { code, out } = npm(["run", "drill"]);
    expect(out).toContain("Production recovered.");
    expect(code).toBe(0);
  });

  it("npm test runs, and says loudly which test files it left out and what to install", {
    timeout: 240_000,
  }, () => {
    // Lint, typecheck, then one plain test file and one that needs Prometheus.
    const { code, out } = npm(["test", "--", "test/core-inputs.test.ts", "test/analyze-providers.test.ts"]);
    expect(out).toMatch(
      /no prometheus on this machine: left out 2 test file\(s\) \(analyze-providers\.test\.ts, analyze\.bundle\.test\.ts\)\. apt-get install prometheus/,
    );
    expect(out).toMatch(/no redis-server on this machine: left out/);
    expect(out).toMatch(/no postgresql on this machine: left out/);
    expect(out).toMatch(/Test Files\s+\S*1 passed/);
    expect(code).toBe(0);
  });
});
