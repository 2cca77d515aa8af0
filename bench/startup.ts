// Start-up cost of each action: from spawning `node dist/<name>/index.js` to its first request (HTTP at a local
// server that answers 404, so each action stops there, or the first git command for revert-commit), against
// `node -e 0`; and the JavaScript in dist/ in all.
// Each action twice per round: "warm", with V8's compile cache that an earlier step of the job filled (a folder
// of this bench's own, filled by one untimed run first), and "cold", without it (the first step on a fresh
// runner).
// Beside them, two floors bundled the same way (bench/probes/): Node with undici's request API as the actions
// load it, and Node with its own http module, each to its first request.
// Run: node bench/startup.ts (DIST=DIR measures bundles built elsewhere with `node scripts/build.mjs --out DIR`;
// RUNS=N rounds, default 21)
import { execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median } from "./median.ts";

const RUNS = Number(process.env.RUNS || 21);
const dist = resolve(process.env.DIST || "dist");
const dir = mkdtempSync(join(tmpdir(), "startup-"));
let firstRequestAt = 0;
const http = createServer((_req, res) => {
  firstRequestAt ||= performance.timeOrigin + performance.now();
  res.writeHead(404, { "content-type": "application/json" }).end("{}");
});
await new Promise<void>((done) => http.listen(0, "127.0.0.1", done));
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

// revert-commit's first request is a git command: a wrapper on PATH records when it first runs.
const marker = join(dir, "git-called");
const realGit = ["/usr/bin/git", "/usr/local/bin/git"].find(existsSync) ?? "git";
writeFileSync(
  join(dir, "git"),
  `#!/bin/sh\n[ -f "${marker}" ] || date +%s%N > "${marker}"\nexec ${realGit} "$@"\n`,
);
chmodSync(join(dir, "git"), 0o755);

const inputs: Record<string, Record<string, string>> = {
  "smoke-test": { url: `${base}/healthz`, "ready-timeout": "0", samples: "1" },
  "vercel-promote": { token: "bench-token", project: "prj_bench", "api-url": base, "dry-run": "true" },
  "railway-redeploy": { token: "bench-token", services: "backend", "api-url": base, "dry-run": "true" },
  notify: { "webhook-url": `${base}/hook` },
  "revert-commit": { "dry-run": "true", branch: "main", token: "bench-token" },
  analyze: {
    metrics: JSON.stringify([
      {
        name: "errors",
        provider: "web",
        url: `${base}/stats`,
        "json-path": "rate",
        "failure-condition": "result > 1",
      },
    ]),
    count: "1",
    "consecutive-error-limit": "1",
  },
  "database-restore": {
    provider: "postgres",
    backup: `${base}/backup.dump`,
    "database-url": "postgres://bench@127.0.0.1:1/shop",
    "dry-run": "true",
  },
  "cache-flush": {
    "railway-service": "redis",
    "railway-token": "bench-token",
    "railway-api-url": base,
    "dry-run": "true",
  },
  "storage-restore": {
    bucket: "files",
    "point-in-time": "1h",
    endpoint: base,
    region: "us-east-1",
    "access-key-id": "bench",
    "secret-access-key": "bench-secret",
    "dry-run": "true",
  },
  readiness: {
    targets: "vercel",
    "vercel-token": "bench-token",
    "vercel-project": "shop",
    "vercel-api-url": base,
  },
  traffic: {
    mode: "pause",
    platform: "vercel",
    token: "bench-token",
    project: "shop",
    "api-url": base,
    "dry-run": "true",
  },
};

function run(args: string[], env: Record<string, string>): Promise<{ started: number; exited: number }> {
  return new Promise((done) => {
    const started = performance.timeOrigin + performance.now();
    const child = spawn(process.execPath, args, { env, stdio: "ignore" });
    child.on("exit", () => done({ started, exited: performance.timeOrigin + performance.now() }));
  });
}

const ncc = createRequire(import.meta.url).resolve("@vercel/ncc/dist/ncc/cli.js");
const probes = ["undici-request", "node-http-request"];
for (const probe of probes) {
  execFileSync(process.execPath, [
    ncc,
    "build",
    `bench/probes/${probe}.ts`,
    "--out",
    join(dir, "probes", probe),
    "--minify",
    "--transpile-only",
    "--quiet",
  ]);
}
const entry = (name: string) =>
  probes.includes(name) ? join(dir, "probes", name, "index.js") : join(dist, name, "index.js");

/** Spawn to first request (HTTP at the server, or the first git command). */
async function firstRequest(name: string, cache: "warm" | "cold"): Promise<number | undefined> {
  firstRequestAt = 0;
  rmSync(marker, { force: true });
  const env: Record<string, string> = {
    PATH: `${dir}:${process.env.PATH ?? ""}`,
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: join(dir, "out"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_API_URL: base,
    PROBE_URL: `${base}/probe`,
    ...(cache === "warm"
      ? { NODE_COMPILE_CACHE: join(dir, "compile-cache") }
      : { NODE_DISABLE_COMPILE_CACHE: "1" }),
  };
  writeFileSync(env.GITHUB_OUTPUT as string, "");
  writeFileSync(env.GITHUB_STEP_SUMMARY as string, "");
  for (const [key, value] of Object.entries(inputs[name] ?? {})) env[`INPUT_${key.toUpperCase()}`] = value;
  const { started } = await run([entry(name)], env);
  const first = existsSync(marker) ? Number(readFileSync(marker, "utf8")) / 1e6 : firstRequestAt;
  return first ? first - started : undefined;
}

// Interleaved, so that load on the machine weighs on the baseline and the bundles alike.
// The actions this dist has: an older build may predate some.
const bundles = [
  ...readdirSync("actions")
    .filter((name) => existsSync(join(dist, name, "index.js")))
    .sort(),
  ...probes,
];
const bare: number[] = [];
const times = new Map<string, number[]>(
  bundles.flatMap((name) => [`${name} warm`, `${name} cold`].map((k) => [k, []])),
);
for (const name of bundles) await firstRequest(name, "warm");
for (let i = 0; i < RUNS; i++) {
  const { started, exited } = await run(["-e", "0"], { PATH: process.env.PATH ?? "" });
  bare.push(exited - started);
  for (const name of bundles) {
    for (const cache of ["warm", "cold"] as const) {
      const ms = await firstRequest(name, cache);
      if (ms !== undefined) times.get(`${name} ${cache}`)?.push(ms);
    }
  }
}
const bareMs = median(bare);
console.log(
  `node -e 0: median ${bareMs.toFixed(0)} ms (Node ${process.version}, ${RUNS} interleaved rounds, load ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`,
);
const figure = (key: string) => {
  const samples = times.get(key) ?? [];
  if (samples.length === 0) return "no request in any run (this bench gives it no inputs)";
  const ms = median(samples);
  const missing = samples.length < RUNS ? ` [${RUNS - samples.length} runs made no request]` : "";
  return `${ms.toFixed(0)} ms (${(ms / bareMs).toFixed(2)}×)${missing}`;
};
for (const name of bundles) {
  console.log(
    `${name}: first request, median: warm ${figure(`${name} warm`)}, cold ${figure(`${name} cold`)}`,
  );
}
/** Bytes of JavaScript under a folder, all the way down. */
function javascript(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sum + javascript(path);
    return entry.name.endsWith(".js") ? sum + statSync(path).size : sum;
  }, 0);
}
console.log(`${dist}: ${(javascript(dist) / 1024).toFixed(0)} KiB of JavaScript in all`);
http.close();
rmSync(dir, { recursive: true, force: true });
