import type { Outcome } from "../../core/action.ts";
import { formatMs } from "../../core/wait.ts";
import type { FlushResult } from "./apply.ts";
import type { Ctx } from "./inputs.ts";
import type { CacheFlushPlan } from "./plan.ts";
import { reportStopped } from "./stopped.ts";

export function planOutputs(plan: CacheFlushPlan) {
  return plan.kind === "railway"
    ? { changed: false }
    : { changed: false, "keys-removed": 0, "keys-matched": plan.preview?.matched };
}

export function reportFlush(ctx: Ctx, plan: CacheFlushPlan, result: FlushResult): Outcome {
  if (plan.kind === "railway" || result.kind === "railway") return reportRestart(plan, result);
  if (result.kind === "redis-stopped") return reportStopped(plan, result);
  const what = plan.kind === "all" ? "FLUSHDB ASYNC" : "SCAN + UNLINK";
  ctx.log.info(
    `${result.removed} keys removed from ${plan.display} in ${formatMs(result.elapsedMs)} (${what}).`,
  );
  return {
    status: "flushed",
    headline: "✅ flushed",
    outputs: { changed: result.removed > 0, "keys-removed": result.removed, "keys-matched": result.matched },
    summary: (summary) => {
      summary.text(
        `**${result.removed}** keys removed from \`${plan.display}\` in ${formatMs(result.elapsedMs)} (${what}).`,
      );
      summary.table(
        ["", ""],
        [
          ["Keys before", result.total],
          ["Matching keys seen", result.matched],
          ["Removed", result.removed],
          ["Servers", plan.cluster ? `${plan.nodes.length} cluster primaries` : plan.nodes[0]],
        ],
      );
      if (result.samples.length)
        summary.details("Some of the keys removed", result.samples.map((k) => `- \`${k}\``).join("\n"));
    },
  };
}

function reportRestart(plan: CacheFlushPlan, result: FlushResult): Outcome {
  if (plan.kind !== "railway" || result.kind !== "railway")
    throw new Error("a Railway plan reports a Railway result");
  const name = `Railway service ${plan.service.name}`;
  const caveat =
    "A restart clears only what the Redis server does not keep on disk: with RDB/AOF persistence on a volume, the keys come back.";
  const summary = (text: string) => (s: import("../../core/report.ts").Summary) => {
    s.text(text);
    s.text(caveat);
  };
  if (result.outcome === "success") {
    return {
      status: "restarted",
      headline: "✅ restarted",
      outputs: { changed: true },
      summary: summary(
        `${name} restarted: deployment \`${plan.deployment.id}\` is SUCCESS again after ${formatMs(result.elapsedMs)}.`,
      ),
    };
  }
  if (result.outcome === "requested") {
    return {
      status: "requested",
      headline: "⏳ requested",
      // Railway took the restart (its answer, or the deployment read after a lost one).
      outputs: { changed: true },
      summary: summary(
        `${name}: restart of deployment \`${plan.deployment.id}\` requested (wait: 0, so not waited for).`,
      ),
    };
  }
  const failure =
    result.outcome === "timeout"
      ? `${name}: deployment ${plan.deployment.id} was restarted but did not reach SUCCESS within ${formatMs(plan.waitMs)} (last status ${result.status ?? "unknown"}). Look at its logs in the Railway dashboard; raise wait if Redis takes longer to start.`
      : `${name}: deployment ${plan.deployment.id} ended ${result.status} after the restart. Look at its logs in the Railway dashboard (a full volume or a bad config stops Redis from starting).`;
  // Either way the deployment was restarted (read back by the wait): what was only in memory is gone.
  return {
    status: "failed",
    headline: "❌ failed",
    failure,
    outputs: { changed: true },
    summary: summary(failure),
  };
}
