// Bundles every action (src/entry/<name>.ts) into dist/<name>/index.js with ncc.
// Usage: node scripts/build.mjs [--out DIR] [name ...]
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? args.splice(outIndex, 2)[1] : "dist";
const all = readdirSync("src/entry")
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.replace(/\.ts$/, ""));
const names = args.length ? args : all;
const ncc = createRequire(import.meta.url).resolve("@vercel/ncc/dist/ncc/cli.js");

for (const name of names) {
  const out = join(outDir, name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      ncc,
      "build",
      `src/entry/${name}.ts`,
      "--out",
      out,
      "--minify",
      "--transpile-only",
      "--license",
      "licenses.txt",
      "--quiet",
    ],
    { stdio: "inherit" },
  );
}
