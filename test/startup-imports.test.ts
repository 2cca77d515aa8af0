import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Each index costs every action's start-up: undici's loads all of undici (fetch, WebSocket, caches, mocks) and
// @actions/core's loads its OIDC client with @actions/http-client and, through it, undici's index again.
// bench/startup.ts measures what that costs; this keeps the indexes out of the source.
const HEAVY_INDEXES = ["undici", "@actions/core", "@actions/http-client"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("what an action loads at start", () => {
  it("no source file imports undici's or @actions/core's index as a value (types are free)", () => {
    const offenders = sources("src").flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return HEAVY_INDEXES.flatMap((name) => {
        const quoted = `["']${name.replace(/[/@]/g, "\\$&")}["']`;
        const valueImport = new RegExp(
          `^\\s*(import(?!\\s+type)[^;]*?from\\s*${quoted}|.*import\\(${quoted}\\))`,
          "m",
        );
        return valueImport.test(text) ? [`${file} imports ${name}`] : [];
      });
    });
    expect(offenders).toEqual([]);
  });
});
