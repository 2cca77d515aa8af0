// Builds dist/: one shared ncc bundle (src/bundle.ts → dist/bundle/) that carries every action, and per
// action a two-line dist/<name>/index.js that runs it, which is what actions/<name>/action.yml points at.
// Usage: node scripts/build.mjs [--out DIR]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? args[outIndex + 1] : "dist";
const ncc = createRequire(import.meta.url).resolve("@vercel/ncc/dist/ncc/cli.js");

function bundle(entry, out) {
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      ncc,
      "build",
      entry,
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

/**
 * An action's entry point. It checks the Node version before loading the bundle: on an older Node the bundle
 * fails while loading, and the runner prints its minified source around a TypeError. Then it turns on V8's
 * compile cache (in the OS temp folder, which lasts the job on a hosted runner): a later step of the job
 * that runs any action of this bundle skips parsing and compiling what an earlier one did. Where the folder
 * cannot be written, or NODE_DISABLE_COMPILE_CACHE is set, Node goes on without it.
 */
function stub(name) {
  return `import module from "node:module";
if (Number(process.versions.node.split(".")[0]) < 24) {
  console.log(\`::error::This action needs Node.js 24 (action.yml: using: node24); it was started on Node.js \${process.versions.node}.\`);
  process.exit(1);
}
module.enableCompileCache();
const { run } = await import("../bundle/index.js");
await run(${JSON.stringify(name)});
`;
}

rmSync(outDir, { recursive: true, force: true });
bundle("src/bundle.ts", join(outDir, "bundle"));

// The registry is the list of actions the shared bundle knows (Node runs the TypeScript source directly).
const { actions } = await import("../src/actions/registry.ts");
const registered = Object.keys(actions);
for (const name of registered) {
  mkdirSync(join(outDir, name), { recursive: true });
  writeFileSync(join(outDir, name, "index.js"), stub(name));
}
writeFileSync(join(outDir, "package.json"), `${JSON.stringify({ type: "module" }, null, 2)}\n`);
