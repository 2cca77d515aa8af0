import type { Commit } from "../../platforms/git-history.ts";

/**
 * What went wrong, as data: explain.ts turns it into the message a person reads. Every problem leaves
 * the remote branch as it was, except `dispatch` (the revert is on the branch; only the deploy is missing).
 */
export type RevertProblem =
  | { kind: "fetch"; remote: string; branch: string; detail: string }
  | { kind: "no-default-branch"; remote: string }
  | { kind: "no-api" }
  | { kind: "missing"; revs: string[]; branch: string }
  | { kind: "off-branch"; revs: string[]; branch: string; remote: string }
  | { kind: "empty-range"; branch: string }
  | { kind: "mainline"; commit: Commit; mainline: number }
  | { kind: "conflict"; commit: Commit; branch: string; files: string[]; output: string }
  | { kind: "protected"; branch: string; message: string }
  | { kind: "blocked"; branch: string; message: string }
  | { kind: "rejected"; branch: string; message: string }
  | { kind: "race-lost"; branch: string; attempts: number; message: string }
  | { kind: "pr-push"; branch: string; head: string; message: string }
  | { kind: "pr-open"; base: string; head: string; compareUrl: string; detail: string };

/** A failure carrying its problem; the message is explain.ts's text for it. */
export class RevertError extends Error {
  override name = "RevertError";
  readonly problem: RevertProblem;
  constructor(problem: RevertProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}
