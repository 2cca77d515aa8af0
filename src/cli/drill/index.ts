// The local drill from a terminal: npm run drill -- [--target all|railway|vercel|git-revert|full] [--fault NAME]...
// [--summaries]. Exits 0 when production recovered, 1 when it did not, 2 on bad options.
import { parseArgs } from "node:util";
import { formatMs } from "../../core/wait.ts";
import { plainSummary } from "../terminal.ts";
import { FAULTS, type FaultName, faultProblems, TARGETS, type Target } from "./faults.ts";
import { drillReadiness, READINESS_FAULTS } from "./readiness.ts";
import { runDrill } from "./runbook.ts";

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: "string", default: "all" },
      fault: { type: "string", multiple: true, default: [] },
      summaries: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      `Usage: npm run drill -- [--target ${[...TARGETS, "readiness"].join("|")}] [--fault NAME]... [--summaries]\n\n` +
        "full rehearses the whole runbook: stop traffic, restore the database and storage, flush the cache,\n" +
        "roll the code back, resume traffic, verify (smoke test and metrics), report.\n\nFaults (and the targets they fit):",
    );
    for (const [name, fault] of Object.entries(FAULTS))
      console.log(`  ${name.padEnd(20)} ${fault.text} [${fault.targets.join(", ")}]`);
    console.log("\n--target readiness checks, changing nothing, that each step would work now. Its faults:");
    for (const [name, fault] of Object.entries(READINESS_FAULTS))
      console.log(`  ${name.padEnd(20)} ${fault.text} [readiness]`);
    return;
  }
  if (values.target === "readiness") return drillReadiness(values.fault, values.summaries);
  const target = values.target as Target;
  if (!TARGETS.includes(target)) throw new Error(`--target "${target}": use one of ${TARGETS.join(", ")}`);
  const problems = faultProblems(target, values.fault);
  if (problems.length) throw new Error(problems.join("\n"));
  console.log(
    `Production rollback drill: target ${target}${values.fault.length ? `, faults: ${values.fault.join(", ")}` : ""}`,
  );
  const result = await runDrill({
    target,
    faults: values.fault as FaultName[],
    log: (line) => console.log(line),
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
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
