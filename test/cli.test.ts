import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInputArgs } from "../src/cli/run.ts";
import { plainSummary, withEnvironmentInputs } from "../src/cli/terminal.ts";
import { escapeMarkdown, link, table } from "../src/core/report.ts";
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

  it("--help exits 0 everywhere: the action runner, an action, the simulators, the drill", async () => {
    const runs = await Promise.all([
      cli("--help"),
      cli("traffic", "--help"),
      spawnCli("src/cli/simulators.ts", ["--help"]),
      spawnCli("src/cli/drill/index.ts", ["--help"]),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(runs[0]?.stdout).toMatch(/^Usage: npm run action -- <analyze\|/);
    // traffic's token comes from the variable of the platform it acts on.
    expect(runs[1]?.stdout).toContain("--token (required, or $VERCEL_TOKEN / $RAILWAY_TOKEN by --platform)");
    expect(runs[2]?.stdout).toMatch(/^Usage: npm run simulators -- \[--port 4100\]/);
    expect(runs[3]?.stdout).toMatch(
      /^Usage: npm run drill -- \[--target all\|railway\|vercel\|git-revert\|full\|readiness\]/,
    );
    expect(runs[3]?.stdout).toContain("stale-dump");
    for (const run of runs) expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
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

describe("a job summary printed in a terminal", () => {
  it("shows escaped text as written and keeps table rows as wide as their words", () => {
    const url = `https://railway.com/project/${"p".repeat(36)}/service/${"s".repeat(36)}?environmentId=${"e".repeat(36)}&id=${"d".repeat(36)}`;
    const markdown = [
      "## Railway rollback",
      `Condition ${escapeMarkdown("result >> 0.05")}, token ${escapeMarkdown("`token`")} in a\\_b.`,
      table(
        ["service", "deployment"],
        [
          ["backend", link("dashboard", url)],
          ["ai|engine", link("logs", url)],
        ],
      ),
    ].join("\n\n");
    const text = plainSummary(markdown);
    expect(text).toContain("Condition result >> 0.05, token `token` in a_b.");
    expect(text).not.toMatch(/\\/);
    const rows = text.split("\n").filter((line) => line.includes("backend") || line.includes("ai|engine"));
    expect(rows).toEqual(["  backend    dashboard [1]", "  ai|engine  logs [2]"]);
    expect(text).toContain(`    [1] ${url}`);
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThan(url.length + 10);
  });
});
