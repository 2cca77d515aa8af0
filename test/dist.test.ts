import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const entries = readdirSync("src/entry").map((file) => file.replace(/\.ts$/, ""));

function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), "utf8")]));
}

describe("dist/", () => {
  it("has one bundle per entry and per action.yml", () => {
    expect(readdirSync("dist").sort()).toEqual([...entries].sort());
    expect(readdirSync("actions").sort()).toEqual([...entries].sort());
  });

  // Users run the committed bundle, so it must be exactly what the sources build today.
  it("equals a fresh build of the sources", { timeout: 300_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), "dist-check-"));
    execFileSync(process.execPath, ["scripts/build.mjs", "--out", out], { stdio: "pipe" });
    for (const name of entries) {
      const fresh = files(join(out, name));
      const committed = files(join("dist", name));
      expect(Object.keys(committed).sort(), `dist/${name} files`).toEqual(Object.keys(fresh).sort());
      for (const [file, text] of Object.entries(fresh)) {
        expect(
          committed[file] === text,
          `dist/${name}/${file} differs from a fresh build: run npm run build`,
        ).toBe(true);
      }
    }
  });
});
