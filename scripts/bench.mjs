// Runs every measurement script in bench/ one after another (`npm run bench`), or the ones named:
//   npm run bench -- railway vercel
// Each prints its own figures; a script that fails is reported and the rest still run.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const wanted = process.argv.slice(2);
const scripts = readdirSync("bench")
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.replace(/\.ts$/, ""))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
const unknown = wanted.filter((name) => !scripts.includes(name));
if (unknown.length) {
  console.error(`No bench/${unknown[0]}.ts. Scripts: ${readdirSync("bench").join(", ")}`);
  process.exit(2);
}
const failed = [];
for (const name of scripts) {
  console.log(`\n== bench/${name}.ts`);
  const { status } = spawnSync(process.execPath, [`bench/${name}.ts`], { stdio: "inherit" });
  if (status !== 0) failed.push(name);
}
if (failed.length) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
