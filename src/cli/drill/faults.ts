/** A mistake in the drill's options: exit code 2. */
export class UsageError extends Error {}

/** What the drill rehearses: the code rollback of one platform or both, a git revert, or the whole runbook. */
export const TARGETS = ["all", "railway", "vercel", "git-revert", "full"] as const;
export type Target = (typeof TARGETS)[number];

const CODE: Target[] = ["all", "full"];
const EVERY: Target[] = [...TARGETS];

/** Faults the drill can inject, each a thing that goes wrong on a bad day, and the targets it fits. */
export const FAULTS = {
  "railway-crash": {
    text: "ai-engine's restored deployment crashes after deploying: one service fails to recover",
    targets: ["railway", ...CODE],
  },
  "railway-429": {
    text: "Railway rate-limits the first request (429, Retry-After: 1)",
    targets: ["railway", ...CODE],
  },
  "vercel-503": { text: "Vercel answers 503 to the first two requests", targets: ["vercel", ...CODE] },
  "vercel-alias-fail": {
    text: "Vercel's alias job fails: production does not move",
    targets: ["vercel", ...CODE],
  },
  "vercel-lost-answer": {
    text: "Vercel applies the rollback but the answer is lost: the action must re-read, not resend",
    targets: ["vercel", ...CODE],
  },
  "slack-down": { text: "Slack answers 500 to every message: the rollback must not care", targets: EVERY },
  "statuspage-down": {
    text: "the status page answers 503 to everything: the rollback must not care",
    targets: EVERY,
  },
  "verify-fail": {
    text: "the web front end stays broken after the rollback: verification fails and the report says so",
    targets: ["vercel", ...CODE],
  },
  "restore-fails": {
    text: "the database restore fails (its check finds no users): nothing after it changes data or code; traffic returns only if its read-back shows the database untouched",
    targets: ["full"],
  },
  "traffic-stop-partial": {
    text: "Railway refuses to stop backend after Vercel was paused: the stop fails half way, and only what it stopped comes back",
    targets: ["full"],
  },
  "railway-still-deploying": {
    text: "ai-engine's rollback is still deploying when railway-redeploy stops waiting: resume waits for it and never brings the bad deployment back",
    targets: ["full"],
  },
  "storage-fails-midway": {
    text: "the bucket refuses the restore's second write (AccessDenied): part of it is restored, so traffic stays stopped and the report gives the command that resumes it",
    targets: ["full"],
  },
  "metrics-no-data": {
    text: "the metrics provider answers 503 during verification: analyze is inconclusive, so the rollback is not verified, never announced as recovered",
    targets: ["full"],
  },
} satisfies Record<string, { text: string; targets: Target[] }>;
export type FaultName = keyof typeof FAULTS;

/** One line per problem with the requested faults: unknown names, or faults that do not fit the target. */
export function faultProblems(target: Target, faults: string[]): string[] {
  return faults.flatMap((fault) => {
    const known = FAULTS[fault as FaultName] as { targets: Target[] } | undefined;
    if (!known) return [`--fault "${fault}": use one of ${Object.keys(FAULTS).join(", ")}`];
    if (!known.targets.includes(target))
      return [`--fault "${fault}" does not fit --target ${target}: it fits ${known.targets.join(", ")}`];
    return [];
  });
}
