/** What readiness checks: the rollback's targets, and the workflow that runs them. */
export const TARGETS = [
  "railway",
  "vercel",
  "git-revert",
  "database",
  "cache",
  "storage",
  "notify",
  "workflow",
] as const;
export type TargetName = (typeof TARGETS)[number];
/** Where a check belongs: a target, or the objectives the whole runbook is held to. */
export type Area = TargetName | "objectives";

export type State = "pass" | "warn" | "fail";

/** One answer to "if production broke now, would this step work?". */
export interface Check {
  target: Area;
  check: string;
  state: State;
  /** What was read, in words (never a secret). */
  evidence: string;
  /** What to do about a warning or a failure. */
  fix?: string;
}

/** A target's checks, with what it adds to the RTO estimate and the newest restorable point it found. */
export interface TargetResult {
  checks: Check[];
  /**
   * Seconds this target's rollback step is expected to take, and where the figure comes from. Data steps
   * run one after another; code steps (railway, vercel) side by side.
   */
  rto?: { seconds: number; basis: string };
  /** Age in seconds of the newest point this target can restore to (0: continuous point-in-time). */
  rpo?: { seconds: number; basis: string };
}

export const pass = (target: Area, check: string, evidence: string): Check => ({
  target,
  check,
  state: "pass",
  evidence,
});

export const warn = (target: Area, check: string, evidence: string, fix: string): Check => ({
  target,
  check,
  state: "warn",
  evidence,
  fix,
});

export const fail = (target: Area, check: string, evidence: string, fix: string): Check => ({
  target,
  check,
  state: "fail",
  evidence,
  fix,
});

/** "3d 4h", "2h 5m", "40s": an age or a duration as a person reads it. */
export function age(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return h ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m ? `${h}h ${m}m` : `${h}h`;
  if (m > 0) return s % 60 ? `${m}m ${s % 60}s` : `${m}m`;
  return `${s}s`;
}
