// revert-commit against plain git on the same machine: reverting the tip of a branch on a local bare origin
// (fetch, revert, push), end to end through the bundle as the runner runs it, and the number of git
// processes each starts. The action's extra work: it checks what is already reverted, makes the revert in a
// scratch worktree (the checkout stays as it was) and reads the diff stat.
// Run: node bench/revert.ts (ROLLBACK_DIST=DIR measures bundles built with `node scripts/build.mjs --out DIR`)
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAction } from "../src/cli/run-action.ts";
import { median } from "./median.ts";

const RUNS = 7;
const HISTORY = 300;
const root = mkdtempSync(join(tmpdir(), "bench-revert-"));
const env = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

// A wrapper on PATH counts git processes.
const count = join(root, "git-count");
const realGit = ["/usr/bin/git", "/usr/local/bin/git"].find(existsSync) ?? "git";
const bin = join(root, "bin");
mkdirSync(bin);
writeFileSync(join(bin, "git"), `#!/bin/sh\necho >> "${count}"\nexec ${realGit} "$@"\n`);
chmodSync(join(bin, "git"), 0o755);
const counted = () => (existsSync(count) ? readFileSync(count, "utf8").split("\n").length - 1 : 0);

const origin = join(root, "origin.git");
git(root, "init", "--quiet", "--bare", "--initial-branch=main", origin);
const dev = join(root, "dev");
git(root, "clone", "--quiet", origin, dev);
git(dev, "checkout", "--quiet", "-B", "main");
for (let i = 0; i < HISTORY; i++) {
  writeFileSync(join(dev, `file${i % 20}.txt`), `${i}\n`);
  git(dev, "add", "--all");
  git(
    dev,
    "-c",
    "user.name=Dev",
    "-c",
    "user.email=dev@example.com",
    "commit",
    "--quiet",
    "-m",
    `Commit ${i}`,
  );
}
git(dev, "push", "--quiet", "origin", "HEAD:refs/heads/main");
const tip = git(origin, "rev-parse", "main");

const plain: number[] = [];
const action: number[] = [];
let plainGits = 0;
let actionGits = 0;
const path = `${bin}:${process.env.PATH}`;
for (let run = 0; run < RUNS; run++) {
  const clone = join(root, `plain${run}`);
  git(root, "clone", "--quiet", origin, clone);
  rmSync(count, { force: true });
  let started = performance.now();
  for (const args of [
    ["fetch", "--quiet", "origin", "main"],
    ["-c", "user.name=Ops", "-c", "user.email=ops@example.com", "revert", "--no-edit", "origin/main"],
    ["push", "--quiet", "origin", "HEAD:refs/heads/main"],
  ])
    execFileSync("git", args, { cwd: clone, env: { ...env, PATH: path }, stdio: "ignore" });
  plain.push(performance.now() - started);
  plainGits = counted();
  git(origin, "update-ref", "refs/heads/main", tip);

  const checkout = join(root, `action${run}`);
  git(root, "clone", "--quiet", origin, checkout);
  rmSync(count, { force: true });
  started = performance.now();
  const result = await runAction(
    "revert-commit",
    { reason: "bench" },
    { cwd: checkout, env: { ...env, PATH: path, GITHUB_WORKSPACE: checkout } as Record<string, string> },
  );
  action.push(performance.now() - started);
  actionGits = counted();
  if (result.outputs.status !== "reverted") throw new Error(`revert-commit: ${result.stdout}`);
  git(origin, "update-ref", "refs/heads/main", tip);
}
rmSync(root, { recursive: true, force: true });

console.log(`Reverting the tip of a ${HISTORY}-commit branch on a local origin, median of ${RUNS}:`);
console.log(
  `  plain git (fetch, revert, push)    ${median(plain).toFixed(0)} ms, ${plainGits} git processes`,
);
console.log(
  `  revert-commit bundle, end to end   ${median(action).toFixed(0)} ms, ${actionGits} git processes`,
);
