import { defineAction } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import { checkAtlas } from "./atlas.ts";
import { checkCache } from "./cache.ts";
import { type Check, fail, type TargetName, type TargetResult } from "./check.ts";
import { checkDatabase } from "./database.ts";
import { checkGitRevert, checkWorkflow } from "./github.ts";
import { type Ctx, readinessInputs, readTargets } from "./inputs.ts";
import { updateIssue } from "./issue.ts";
import { checkNotify } from "./notify.ts";
import { objectives } from "./objectives.ts";
import { checkRailway } from "./railway.ts";
import { figures, overall, problems, type Readiness, summarise, writeReport } from "./report.ts";
import { checkStorage } from "./storage.ts";
import { checkVercel } from "./vercel.ts";

const CHECKERS: Record<TargetName, (ctx: Ctx) => Promise<TargetResult>> = {
  railway: checkRailway,
  vercel: checkVercel,
  database: checkData,
  cache: checkCache,
  storage: checkStorage,
  notify: checkNotify,
  "git-revert": checkGitRevert,
  workflow: checkWorkflow,
};

/** PostgreSQL (database-url) and Atlas (atlas-client-id), each when configured, side by side. */
async function checkData(ctx: Ctx): Promise<TargetResult> {
  const parts = await Promise.all([
    ctx.settings["database-url"] ? checkDatabase(ctx) : undefined,
    ctx.settings["atlas-client-id"] ? checkAtlas(ctx) : undefined,
  ]);
  const found = parts.filter((p): p is TargetResult => p !== undefined);
  const rpos = found.flatMap((p) => (p.rpo ? [p.rpo] : []));
  return {
    checks: found.flatMap((p) => p.checks),
    rto: found.find((p) => p.rto)?.rto,
    rpo: rpos.sort((a, b) => b.seconds - a.seconds)[0],
  };
}

/** Every target at once; a checker that throws is one failed check, never the whole run. */
async function runChecks(ctx: Ctx, targets: TargetName[]): Promise<Map<TargetName, TargetResult>> {
  const results = await Promise.all(
    targets.map(async (target): Promise<[TargetName, TargetResult]> => {
      try {
        return [target, await CHECKERS[target](ctx)];
      } catch (error) {
        const check = fail(
          target,
          "checked",
          errorMessage(error),
          `Fix what the message says about ${target}'s settings, then run again.`,
        );
        return [target, { checks: [check] }];
      }
    }),
  );
  return new Map(results);
}

/** Read-only: would each step of the rollback work now, and how long would it take? */
export default defineAction({
  name: "readiness",
  title: "Rollback readiness",
  inputs: readinessInputs,
  readOnly: true,
  async plan(ctx) {
    return { targets: readTargets(ctx) };
  },
  describe(plan, summary) {
    summary.text(`Checks ${plan.targets.join(", ")} with read-only calls.`);
  },
  async apply(ctx, plan) {
    // pg_dump, pg_restore and psql inherit process.env, where the runner put this step's inputs (secrets
    // among them) as INPUT_*: every input has been read by now, so none of them goes to a child process.
    for (const name of Object.keys(process.env)) if (name.startsWith("INPUT_")) delete process.env[name];
    ctx.log.info(`Checking ${plan.targets.join(", ")}, all at once.`);
    const results = await runChecks(ctx, plan.targets);
    const checks: Check[] = [...results.values()].flatMap((r) => r.checks);
    const figures = objectives(results, ctx.settings.rto, ctx.settings.rpo);
    checks.push(...figures.checks);
    const readiness: Readiness = {
      status: overall(checks),
      checkedAt: new Date().toISOString(),
      checks,
      objectives: figures,
      rto: ctx.settings.rto / 1000,
      rpo: ctx.settings.rpo / 1000,
    };
    const report = writeReport(ctx.run.temp, readiness);
    // A cancelled run's checks are incomplete: the issue keeps what the last whole run said.
    const write = ctx.settings.issue && !ctx.settings["dry-run"] && !ctx.signal.aborted;
    const issue = write ? await updateIssue(ctx, readiness) : undefined;
    return { readiness, report, issue };
  },
  report(ctx, _plan, { readiness, report, issue }) {
    for (const line of [...figures(readiness), ...problems(readiness.checks)]) ctx.log.info(line);
    if (issue) ctx.log.info(issue.line);
    const headline = { ready: "✅ ready", warnings: "⚠️ warnings", "not-ready": "❌ not ready" }[
      readiness.status
    ];
    return {
      status: readiness.status,
      headline,
      outputs: {
        report,
        "rto-estimate": readiness.objectives.rtoEstimate,
        "rpo-exposure": readiness.objectives.rpoExposure,
        "issue-url": issue?.url,
      },
      summary: (summary) => {
        summarise(summary, readiness);
        if (issue) summary.text(issue.line);
      },
      failure:
        readiness.status === "not-ready"
          ? `A rollback would not work now:\n${problems(readiness.checks.filter((c) => c.state === "fail")).join("\n")}`
          : undefined,
    };
  },
});
