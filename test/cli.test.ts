import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInputArgs } from "../src/cli/run.ts";
import { withEnvironmentInputs } from "../src/cli/terminal.ts";
import { App, reply } from "./helpers/app.ts";

let app: App;
beforeAll(async () => {
  app = new App({ "/healthz": reply(200, "ok"), "/down": reply(503, "maintenance") });
  await app.start();
});
afterAll(() => app.stop());

function spawnCli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const cli = (...args: string[]) => spawnCli("src/cli/run.ts", args);

describe("running an action from a terminal", () => {
  it("reads --input value pairs", () => {
    expect(parseInputArgs(["--url", "https://x", "--dry-run=true"])).toEqual({
      url: "https://x",
      "dry-run": "true",
    });
    expect(() => parseInputArgs(["url"])).toThrow('"url" is not --input value');
    expect(() => parseInputArgs(["--url"])).toThrow("--url needs a value");
  });

  it("runs the bundle with the action's defaults and prints outputs and errors readably", async () => {
    const pass = await cli("smoke-test", "--url", `${app.url}/healthz`, "--interval", "0");
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain("status=pass");
    const report = /report=(.+)/.exec(pass.stdout)?.[1] ?? "";
    expect(existsSync(report)).toBe(true);

    const fail = await cli("smoke-test", "--url", `${app.url}/down`, "--ready-timeout", "0");
    expect(fail.code).toBe(1);
    expect(fail.stdout).toContain("error: Smoke test failed:\n- GET");
    expect(fail.stdout).toContain('(last body: "maintenance")');
    expect(fail.stdout).not.toContain("::error::");
  });

  it("refuses an unknown action or input", async () => {
    expect((await cli("deploy-everything")).code).toBe(2);
    expect((await cli("smoke-test", "--uri", "x")).code).toBe(2);
  });

  it("lists an action's inputs with defaults and the variables secrets come from", async () => {
    const run = await cli("vercel-promote", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("--token (required, or $VERCEL_TOKEN)");
    expect(run.stdout).toContain('--wait (default "5m")');
    const wrong = await cli("smoke-test", "--uri", "x");
    expect(wrong.stderr).toContain("smoke-test has no input --uri. Its inputs: --url --checks");
  });

  it("takes secrets from the environment, never needing them on the command line", () => {
    const declared = { token: {}, project: {}, platform: {} };
    const env = { VERCEL_TOKEN: "vercel-env", RAILWAY_TOKEN: "railway-env" };
    expect(withEnvironmentInputs("vercel-promote", declared, { project: "shop" }, env)).toEqual({
      project: "shop",
      token: "vercel-env",
    });
    expect(withEnvironmentInputs("traffic", declared, { platform: "railway" }, env).token).toBe(
      "railway-env",
    );
    expect(withEnvironmentInputs("vercel-promote", declared, { token: "given" }, env).token).toBe("given");
  });

  it("prints the job summary as text at the end", async () => {
    const run = await cli("smoke-test", "--url", `${app.url}/healthz`, "--interval", "0");
    expect(run.stdout).toContain("Smoke test: ✅ pass\n===");
    expect(run.stdout).toMatch(/Check +Result +Warm-up attempts/);
    expect(run.stdout).not.toContain("<sub>");
  });

  it("reverts only in a git repository the user stands in, never in this suite's checkout", async () => {
    const plain = mkdtempSync(join(tmpdir(), "not-a-repo-"));
    const outside = await spawnCli("src/cli/run.ts", ["revert-commit", "--dry-run", "true"], {
      INIT_CWD: plain,
    });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain(`${plain} is not in a git repository`);
    const own = await spawnCli("src/cli/run.ts", ["revert-commit", "--dry-run", "true"], {
      INIT_CWD: process.cwd(),
    });
    expect(own.code).toBe(2);
    expect(own.stderr).toContain("is the rollback suite's own checkout");
  });

  it("says in one line that a simulator port is busy", async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
    const port = (blocker.address() as { port: number }).port;
    const run = await spawnCli("src/cli/simulators.ts", ["--port", String(port - 1)]);
    blocker.close();
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Port ${port} is in use: pick another base with --port (the simulators use PORT+1 to PORT+3).`,
    );
  });
});
