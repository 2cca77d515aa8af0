// The local drill from a terminal: npm run drill -- [--target all|railway|vercel|git-revert|full] [--fault NAME]...
// [--summaries]. Exits 0 when production recovered, 1 when it did not, 2 on bad options, 3 when the drill itself
// failed, 130/143 when stopped by SIGINT/SIGTERM. However it ends, it first stops the actions it started, closes
// its clients, stops its servers and removes its files.
import { parseArgs } from "node:util";
import { formatMs } from "../../core/wait.ts";
import { plainSummary } from "../terminal.ts";
import { FAULTS, type FaultName, faultProblems, TARGETS, type Target, UsageError } from "./faults.ts";
import { runDrill } from "./runbook.ts";

/** How long the teardown after a signal or a crash may take before the drill exits without waiting for it. */
const TEARDOWN_LIMIT_MS = 15_000;

class Stopped extends Error {
  readonly signalName: NodeJS.Signals;
  constructor(signalName: NodeJS.Signals) {
    super(`stopped by ${signalName}`);
    this.signalName = signalName;
  }
}

const stopping = new AbortController();
let stops = 0;
/** Stops the drill: the running steps, then the servers, then the files; exits at once when asked twice. */
function stop(reason: Error, exitCode: number): void {
  process.exitCode = exitCode;
  if (stops++) {
    // Asked again: exit now; the exit handlers still kill what runs and remove the files, synchronously.
    console.error(`Stopping now, without waiting for the teardown (${reason.message}).`);
    process.exit(exitCode);
  }
  stopping.abort(reason);
  setTimeout(() => {
    console.error(`The teardown took over ${TEARDOWN_LIMIT_MS / 1000} s: exiting without waiting for it.`);
    process.exit(exitCode);
  }, TEARDOWN_LIMIT_MS).unref();
}
const onSignal = (signal: NodeJS.Signals) => {
  console.error(
    `\n${signal}: stopping the running steps, the simulators and servers, and removing the drill's files…`,
  );
  stop(new Stopped(signal), signal === "SIGINT" ? 130 : 143);
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
// A bug in the drill (or a simulator) must not leave servers running or files behind either.
const onCrash = (error: unknown) => {
  console.error("The drill itself failed (a bug, not an outcome of the rollback):", error);
  stop(error instanceof Error ? error : new Error(String(error)), 3);
};
process.on("uncaughtException", onCrash);
process.on("unhandledRejection", onCrash);

async function cli(): Promise<void> {
  let values: { target: string; fault: string[]; summaries: boolean; help: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        target: { type: "string", default: "all" },
        fault: { type: "string", multiple: true, default: [] },
        summaries: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // Loaded only for it: the readiness target needs the PostgreSQL and Redis clients, the code targets do not.
  const readiness = () => import("./readiness.ts");
  if (values.help) {
    console.log(
      `Usage: npm run drill -- [--target ${[...TARGETS, "readiness"].join("|")}] [--fault NAME]... [--summaries]\n\n` +
        "full rehearses the whole runbook: stop traffic, restore the database and storage, flush the cache,\n" +
        "roll the code back, resume traffic, verify (smoke test and metrics), report.\n\nFaults (and the targets they fit):",
    );
    for (const [name, fault] of Object.entries(FAULTS))
      console.log(`  ${name.padEnd(20)} ${fault.text} [${fault.targets.join(", ")}]`);
    console.log("\n--target readiness checks, changing nothing, that each step would work now. Its faults:");
    for (const [name, fault] of Object.entries((await readiness()).READINESS_FAULTS))
      console.log(`  ${name.padEnd(20)} ${fault.text} [readiness]`);
    return;
  }
  if (values.target === "readiness")
    return (await readiness()).drillReadiness(values.fault, values.summaries, stopping.signal);
  const target = values.target as Target;
  if (!TARGETS.includes(target))
    throw new UsageError(`--target "${target}": use one of ${TARGETS.join(", ")}`);
  const problems = faultProblems(target, values.fault);
  if (problems.length) throw new UsageError(problems.join("\n"));
  console.log(
    `Production rollback drill: target ${target}${values.fault.length ? `, faults: ${values.fault.join(", ")}` : ""}`,
  );
  const result = await runDrill({
    target,
    faults: values.fault as FaultName[],
    log: (line) => console.log(line),
    signal: stopping.signal,
  });
  console.log(
    `\nTotal ${formatMs(result.totalMs)}: simulated platform work ${formatMs(result.platformMs)}, ${result.faultWaitMs ? `waiting out injected faults (retries' back-off) ${formatMs(result.faultWaitMs)}, ` : ""}the suite's own overhead ${formatMs(result.overheadMs)}.`,
  );
  if (values.summaries) {
    for (const [label, run] of Object.entries(result.runs))
      console.log(`\n--- ${label}\n${plainSummary(run.summary)}`);
  }
  const last = {
    succeeded: "Production recovered.",
    unverified: "Production was rolled back but NOT verified: what serves now is listed above.",
    failed: "Production did NOT recover: what serves now is listed above.",
  };
  console.log(last[result.outcome]);
  if (result.resume) console.log(`Traffic is still stopped. To resume it: ${result.resume}`);
  process.exitCode = result.recovered && result.outcome === "succeeded" ? 0 : 1;
}

cli().catch((error: unknown) => {
  if (stopping.signal.aborted) {
    const reason = stopping.signal.reason;
    console.error(
      `Drill ${reason instanceof Stopped ? reason.message : "stopped after its own failure"}: nothing it started is left running and its files are removed.`,
    );
    return;
  }
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = error instanceof UsageError ? 2 : 3;
});
