// The drill run N times as a user runs it (`node src/cli/drill/index.ts`, one process each): how often it
// crashes, what it leaves in the temp folder, and its time against the simulated platform work it reports.
// A crash: an exit other than 0 (recovered) or 1 with the drill's own "did NOT recover"/"NOT verified" line, a
// signal, or "Unhandled" or a stack trace on stderr. Files left: each run gets a fresh TMPDIR (the drill, its
// servers and the actions it spawns all write there); any entry left in it counts. New entries in the shared
// system temp folder during the runs are listed too (other work on the machine may add some).
// Run: node bench/drill.ts [--target full|all|…] [--fault NAME]...   (RUNS=N, default 50; ROOT=DIR runs another
// checkout's drill; BEFORE=DIR also runs that checkout's, alternating with this one run by run, so a busy machine
// weighs on both alike)
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { median } from "./median.ts";

const { values } = parseArgs({
  options: {
    target: { type: "string", default: "full" },
    fault: { type: "string", multiple: true, default: [] },
  },
});
const RUNS = Number(process.env.RUNS || 50);
const root = resolve(process.env.ROOT || ".");
const before = process.env.BEFORE ? resolve(process.env.BEFORE) : undefined;
const systemTemp = tmpdir();
const args = ["--target", values.target, ...values.fault.flatMap((fault) => ["--fault", fault])];

interface Run {
  code: number | null;
  signal: string | null;
  wallMs: number;
  totalMs: number | undefined;
  platformMs: number | undefined;
  crash: string | undefined;
  left: string[];
}

/** formatMs's text ("274 ms", "3.1s") back to milliseconds. */
function ms(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = /^([\d.]+) ?(ms|s)$/.exec(text.trim());
  return match ? Number(match[1]) * (match[2] === "s" ? 1000 : 1) : undefined;
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(node:[\w:]+\))$/m;
const NOT_RECOVERED = /^Production (did NOT recover|was rolled back but NOT verified)/m;

async function once(root: string): Promise<Run> {
  const temp = mkdtempSync(join(systemTemp, "drill-bench-"));
  // As root, PostgreSQL runs as the postgres user, which must reach its data folder inside.
  chmodSync(temp, 0o711);
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, "src/cli/drill/index.ts"), ...args], {
    cwd: root,
    env: { ...process.env, TMPDIR: temp },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((done) =>
    child.on("close", (c, s) => done([c, s])),
  );
  const wallMs = performance.now() - started;
  const total = /^Total ([\d.]+ ?m?s): simulated platform work ([\d.]+ ?m?s)/m.exec(stdout);
  let crash: string | undefined;
  if (signal) crash = `killed by ${signal}`;
  else if (code !== 0 && !(code === 1 && NOT_RECOVERED.test(stdout))) crash = `exit ${code}`;
  else if (/Unhandled/i.test(stderr) || STACK.test(stderr))
    crash = "Unhandled error or stack trace on stderr";
  if (crash) crash += `: ${stderr.trim().split("\n").slice(0, 3).join(" | ").slice(0, 300)}`;
  const left = readdirSync(temp);
  rmSync(temp, { recursive: true, force: true });
  return { code, signal, wallMs, totalMs: ms(total?.[1]), platformMs: ms(total?.[2]), crash, left };
}

const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const existing = new Set(readdirSync(systemTemp));
const roots = before ? { before, after: root } : { drill: root };
console.log(
  `drill ${args.join(" ")} × ${RUNS} (${Object.values(roots).join(" vs ")}), ${cpus().length} cores, load ${load()}, ${new Date().toISOString()}`,
);
const runs = new Map<string, Run[]>(Object.keys(roots).map((label) => [label, []]));
for (let i = 0; i < RUNS; i++) {
  // Alternating which goes first, so neither always follows the other.
  const order = Object.entries(roots);
  if (i % 2) order.reverse();
  for (const [label, dir] of order) {
    const run = await once(dir);
    runs.get(label)?.push(run);
    const note = run.crash ? `  CRASH ${run.crash}` : run.left.length ? `  LEFT ${run.left.join(", ")}` : "";
    console.log(
      `${String(i + 1).padStart(3)} ${label.padEnd(6)} exit ${run.code ?? run.signal}  wall ${s(run.wallMs)}  drill's total ${run.totalMs === undefined ? "-" : s(run.totalMs)}  simulated ${run.platformMs === undefined ? "-" : s(run.platformMs)}${note}`,
    );
  }
}
const newInSystemTemp = readdirSync(systemTemp).filter((name) => !existing.has(name));

let crashed = false;
console.log(
  `\n| drill ${args.join(" ")}, ${RUNS} runs each, load ${load()} | ${[...runs.keys()].join(" | ")} |`,
);
console.log(`|---|${[...runs.keys()].map(() => "---|").join("")}`);
const row = (what: string, figure: (runs: Run[]) => string) =>
  console.log(`| ${what} | ${[...runs.values()].map(figure).join(" | ")} |`);
const finished = (list: Run[]) => list.filter((run) => run.totalMs !== undefined && run.platformMs);
const wall = (list: Run[]) => median(list.map((run) => run.wallMs));
const total = (list: Run[]) => median(finished(list).map((run) => run.totalMs as number));
const platform = (list: Run[]) => median(finished(list).map((run) => run.platformMs as number));
row("wall, spawn to exit (median)", (list) => s(wall(list)));
row(`the drill's "Total" (after its servers are up; median)`, (list) => s(total(list)));
row("simulated platform work (median)", (list) => s(platform(list)));
row("wall / simulated", (list) => `${(wall(list) / platform(list)).toFixed(2)}×`);
row("Total / simulated", (list) => `${(total(list) / platform(list)).toFixed(2)}×`);
row("crashes", (list) => {
  const crashes = list.filter((run) => run.crash).length;
  if (crashes) crashed = true;
  return `${crashes} of ${list.length}`;
});
row("entries left in the run's TMPDIR", (list) => {
  const left = list.flatMap((run) => run.left);
  return `${left.length}${left.length ? ` (${left.slice(0, 5).join(", ")})` : ""}`;
});
console.log(
  `\nNew entries in ${systemTemp} during the runs (any user's): ${newInSystemTemp.length}${newInSystemTemp.length ? ` (${newInSystemTemp.slice(0, 10).join(", ")})` : ""}`,
);
if (crashed) process.exitCode = 1;
