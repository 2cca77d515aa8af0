import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInputArgs } from "../src/cli/run.ts";
import { App, reply } from "./helpers/app.ts";

let app: App;
beforeAll(async () => {
  app = new App({ "/healthz": reply(200, "ok"), "/down": reply(503, "maintenance") });
  await app.start();
});
afterAll(() => app.stop());

function cli(...args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["src/cli/run.ts", ...args]);
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

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
});
