import type { Outcome, Phase } from "../../core/action.ts";
import { errorMessage } from "../../core/secrets.ts";
import type { FlushResult } from "./apply.ts";
import { explainFlush } from "./explain.ts";
import type { RedisPlan } from "./plan.ts";

type Stopped = Extract<FlushResult, { kind: "redis-stopped" }>;

/** A shell command that shows what a person would check: the URL stays in a variable, never in the text. */
function checkCommand(plan: RedisPlan): string {
  if (plan.request.kind === "all") return `redis-cli -u "$REDIS_URL" DBSIZE`;
  const pattern = plan.request.patterns[0] ?? "";
  return `redis-cli -u "$REDIS_URL" --scan --pattern '${pattern.replace(/'/g, "'\\''")}' | wc -l`;
}

/**
 * A flush that stopped: what the database holds now, from the read-back on a new connection, and
 * `changed` from it. Without a read-back, only what the server answered is claimed.
 */
export function reportStopped(plan: RedisPlan, result: Stopped): Outcome {
  const { stopped, readBack } = result;
  const cancelled = stopped?.cancelled === true;
  const phase: Phase = "apply";
  const cause = explainFlush(stopped?.cause ?? result.error, phase, plan);
  const where = `\`${plan.display}\``;
  const matching = plan.request.kind === "all" ? "keys" : "matching keys";
  let state: string;
  let changed: "true" | "false" | "unknown";
  let removed: number;
  if (!stopped) {
    changed = "false";
    removed = 0;
    state = `No key was removed: the failure came before any removal was sent. Run again once ${plan.display} is reachable.`;
  } else if (readBack) {
    removed = readBack.removed;
    changed = removed > 0 ? "true" : "false";
    const left = `${readBack.exact ? "" : "at least "}${readBack.remaining}`;
    const next =
      readBack.remaining === 0 && readBack.exact
        ? "None is left: a rerun has nothing to remove."
        : plan.request.kind === "all"
          ? `Run again (with the same confirm) to flush it; check with: ${checkCommand(plan)}`
          : `Run again to remove the rest (removal is safe to repeat); check with: ${checkCommand(plan)}`;
    state = `Read back on a new connection: ${removed} keys removed by this run, ${left} ${matching} remain in ${plan.display}${removed === 0 ? ", as before" : ""}. ${next}`;
  } else {
    removed = stopped.counts.removed;
    const unsure = stopped.unanswered.length > 0 || stopped.flushUnanswered !== undefined;
    changed = removed > 0 ? "true" : unsure ? "unknown" : "false";
    const lost = stopped.unanswered.length
      ? `, and an UNLINK of ${stopped.unanswered.length} keys got no answer (they may be gone)`
      : stopped.flushUnanswered !== undefined
        ? `, and a FLUSHDB of ${stopped.address} got no answer (it may be empty)`
        : "";
    state = `The database could not be read back (${errorMessage(result.unread)}): the server answered that ${removed} keys were removed${lost}. Check with: ${checkCommand(plan)}, then run again.`;
  }
  const failure = `${cancelled ? "Cancelled: " : ""}${cause}\n${state}`;
  return {
    status: "failed",
    headline: cancelled ? "⏹️ cancelled" : "❌ failed",
    failure,
    outputs: {
      changed,
      "keys-removed": removed,
      // Keys SCAN found, those of the unanswered UNLINK included.
      "keys-matched": stopped ? stopped.counts.matched + stopped.unanswered.length : 0,
    },
    summary: (summary) => {
      summary.text(`**${cancelled ? "Cancelled" : "Failed"}** on ${where} (changed: ${changed}).`);
      summary.text(state);
    },
  };
}
