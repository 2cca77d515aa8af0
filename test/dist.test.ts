import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string, base = dir): Record<string, string> {
  const all: Record<string, string> = {};
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) Object.assign(all, files(path, base));
    else all[relative(base, path)] = readFileSync(path, "utf8");
  }
  return all;
}

describe("dist/", () => {
  it("has the shared bundle and one entry per action.yml", () => {
    expect(readdirSync("dist").sort()).toEqual(["bundle", "package.json", ...readdirSync("actions")].sort());
  });

  // Users run the committed bundle, so it must be exactly what the sources build today.
  // Once, under the whole suite's load, one chunk of a fresh build came out different and never again alone;
  // a second build settles it, while a dist/ that is really stale differs from both.
  it("equals a fresh build of the sources", { timeout: 300_000, retry: 1 }, () => {
    const out = mkdtempSync(join(tmpdir(), "dist-check-"));
    execFileSync(process.execPath, ["scripts/build.mjs", "--out", out], { stdio: "pipe" });
    const fresh = files(out);
    const committed = files("dist");
    expect(Object.keys(committed).sort(), "dist/ files").toEqual(Object.keys(fresh).sort());
    for (const [file, text] of Object.entries(fresh)) {
      expect(committed[file] === text, `dist/${file} differs from a fresh build: run npm run build`).toBe(
        true,
      );
    }
  });
});

describe("a bundle started on the wrong Node", () => {
  it("says in one line that it needs Node 24, before loading anything", () => {
    // Node 20 as the runner of an old self-hosted machine would report it.
    const older =
      'data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"20.19.0"}});';
    let out = "";
    let code = 0;
    try {
      execFileSync(process.execPath, ["--import", older, "dist/smoke-test/index.js"], {
        encoding: "utf8",
        stdio: "pipe",
        env: { PATH: process.env.PATH ?? "" },
      });
    } catch (error) {
      const failed = error as { stdout: string; stderr: string; status: number };
      out = `${failed.stdout}${failed.stderr}`;
      code = failed.status;
    }
    expect(code).toBe(1);
    expect(out.trim().split("\n")).toEqual([
      `::error::This action needs Node.js 24 (action.yml: using: node24); it was started on Node.js 20.19.0.`,
    ]);
  });
});
