// Side by side with the actions a team would otherwise use, each launched as the runner launches it
// (`node <entry>` with INPUT_* variables and a GITHUB_OUTPUT file), interleaved (the order alternates each
// round), timed from spawn to exit, medians. Both sides talk to one local server, which counts the requests.
// Ours runs twice a round: "warm", with the V8 compile cache an earlier step of the job filled (a folder of this
// bench's own), and "cold", without it, as the first step on a fresh runner. The peers run as they ship.
//   smoke-test vs url-health-check-action: 1 URL and 50 URLs, the same number of GETs on both sides
//   notify vs slackapi/slack-github-action: one Slack incoming webhook
// Run: node bench/peers.ts
//   DIST=DIR            our bundles (default dist; build one with `node scripts/build.mjs --out DIR`)
//   URL_HEALTH_CHECK=DIR  a checkout of jtalk/url-health-check-action (its dist/index.js is committed)
//   SLACK_ACTION=DIR    a checkout of slackapi/slack-github-action, built as its package.json says
//                       (`npm ci && npm run build` in that folder: never copied here, never committed)
//   RUNS=N              rounds (default 15)
// A peer whose entry is missing is reported and skipped. Every side runs on this Node (process.execPath).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse } from "yaml";
import { median } from "./median.ts";

const RUNS = Number(process.env.RUNS || 15);
const dist = resolve(process.env.DIST || "dist");
const urlHealth = resolve(process.env.URL_HEALTH_CHECK || "/work/peers/url-health-check-action");
const slackAction = resolve(process.env.SLACK_ACTION || "/work/peers/slack-github-action");
const dir = mkdtempSync(join(tmpdir(), "peers-"));

let requests = 0;
const server = createServer((req, res) => {
  requests++;
  req.resume();
  // Slack answers an incoming webhook with 200 and the body "ok".
  req.on("end", () => res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
});
server.keepAliveTimeout = 5000;
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const urls = (n: number) => Array.from({ length: n }, (_, i) => `${base}/health/${i}`);

interface Side {
  name: string;
  entry: string;
  inputs: Record<string, string>;
}

interface Comparison {
  title: string;
  ours: Side;
  theirs: Side;
  /** How many times ours must be faster (their median / ours). */
  goal: number;
}

const comparisons: Comparison[] = [
  {
    title: "smoke-test, 1 URL",
    ours: {
      name: "smoke-test",
      entry: join(dist, "smoke-test/index.js"),
      inputs: { url: urls(1)[0] ?? "", samples: "1" },
    },
    theirs: {
      name: "url-health-check-action",
      entry: join(urlHealth, "dist/index.js"),
      inputs: { url: urls(1)[0] ?? "" },
    },
    goal: 1.5,
  },
  {
    title: "smoke-test, 50 URLs",
    ours: {
      name: "smoke-test",
      entry: join(dist, "smoke-test/index.js"),
      inputs: { url: urls(50).join("\n"), samples: "1" },
    },
    theirs: {
      name: "url-health-check-action",
      entry: join(urlHealth, "dist/index.js"),
      inputs: { url: urls(50).join("|") },
    },
    goal: 10,
  },
  {
    title: "notify, one Slack webhook",
    ours: {
      name: "notify",
      entry: join(dist, "notify/index.js"),
      inputs: { "slack-webhook": `${base}/services/T0/B0/x`, status: "success", title: "Rolled back" },
    },
    theirs: {
      name: "slack-github-action",
      entry: join(slackAction, "dist/index.js"),
      inputs: {
        webhook: `${base}/services/T0/B0/x`,
        "webhook-type": "incoming-webhook",
        payload: 'text: "Rolled back"',
      },
    },
    goal: 2,
  },
];

/** The runner sets INPUT_* for every input with a default in action.yml, then the step's own `with:`. */
function actionDefaults(entry: string): Record<string, string> {
  const folder = [dirname(entry), dirname(dirname(entry))].find((d) => existsSync(join(d, "action.yml")));
  // Our dist/<name>/index.js is described by actions/<name>/action.yml.
  const ours = join("actions", dirname(entry).split("/").at(-1) ?? "", "action.yml");
  const file = folder ? join(folder, "action.yml") : ours;
  const { inputs = {} } = parse(readFileSync(file, "utf8")) as {
    inputs?: Record<string, { default?: unknown }>;
  };
  return Object.fromEntries(
    Object.entries(inputs).flatMap(([name, spec]) =>
      spec?.default === undefined ? [] : [[name, String(spec.default)]],
    ),
  );
}

/** One launch as the runner does it: the step's wall time, the requests it made, and whether it succeeded. */
function launch(
  side: Side,
  extraEnv: Record<string, string> = {},
): Promise<{ ms: number; requests: number; ok: boolean }> {
  const output = join(dir, "output");
  writeFileSync(output, "");
  writeFileSync(join(dir, "summary"), "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
    GITHUB_REPOSITORY: "acme/shop",
    GITHUB_RUN_ID: "1",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_WORKFLOW: "rollback",
    GITHUB_EVENT_NAME: "workflow_dispatch",
    GITHUB_ACTIONS: "true",
    ...extraEnv,
  };
  for (const [key, value] of Object.entries({ ...actionDefaults(side.entry), ...side.inputs }))
    env[`INPUT_${key.toUpperCase()}`] = value;
  const before = requests;
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [side.entry], { env, stdio: "ignore" });
    child.on("exit", (code) =>
      done({ ms: performance.now() - started, requests: requests - before, ok: code === 0 }),
    );
  });
}

console.log(`Node ${process.version}, ${RUNS} interleaved rounds, spawn to exit, medians`);
let missed = false;
for (const { title, ours, theirs, goal } of comparisons) {
  const absent = [ours, theirs].find((side) => !existsSync(side.entry));
  if (absent) {
    console.log(`${title}: skipped, ${absent.name} has no ${absent.entry}`);
    continue;
  }
  const runs = {
    warm: { side: ours, env: { NODE_COMPILE_CACHE: join(dir, "compile-cache") } },
    cold: { side: ours, env: { NODE_DISABLE_COMPILE_CACHE: "1" } },
    theirs: { side: theirs, env: {} },
  };
  type Key = keyof typeof runs;
  const keys = Object.keys(runs) as Key[];
  const times = { warm: [] as number[], cold: [] as number[], theirs: [] as number[] };
  const counts = { warm: new Set<number>(), cold: new Set<number>(), theirs: new Set<number>() };
  const failures: string[] = [];
  await launch(ours, runs.warm.env); // fills the compile cache, as an earlier step would
  for (let round = 0; round < RUNS; round++) {
    // Each round starts with the next side, so that no side always follows the same one.
    const order = keys.map((_, i) => keys[(i + round) % keys.length] as Key);
    for (const key of order) {
      const result = await launch(runs[key].side, runs[key].env);
      if (!result.ok) failures.push(`${runs[key].side.name} exited non-zero`);
      times[key].push(result.ms);
      counts[key].add(result.requests);
    }
  }
  const [warm, cold, them] = [median(times.warm), median(times.cold), median(times.theirs)];
  const verdict = (ms: number) => `${(them / ms).toFixed(2)}× ${them / ms >= goal ? "met" : "NOT met"}`;
  missed ||= them / cold < goal || them / warm < goal;
  const requests = (set: Set<number>) => [...set].join("/");
  console.log(
    `${title} (goal ≥ ${goal}×): ${theirs.name} ${them.toFixed(0)} ms; ${ours.name} warm ${warm.toFixed(0)} ms (${verdict(warm)}), cold ${cold.toFixed(0)} ms (${verdict(cold)}); requests per run: ours ${requests(counts.warm)}/${requests(counts.cold)}, theirs ${requests(counts.theirs)}${failures.length ? `; ${failures.length} failed runs (${[...new Set(failures)].join(", ")})` : ""}`,
  );
}
server.close();
server.closeAllConnections();
rmSync(dir, { recursive: true, force: true });
console.log(
  `load average at the end: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")} (${cpus().length} cores)`,
);
if (missed) console.log("Some goals are not met.");
