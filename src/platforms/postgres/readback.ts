import type { Conn } from "./conn.ts";
import { markerText, type RestoreMarker, readDatabase } from "./inspect.ts";

export type Step =
  | "prepare"
  | "safety backup"
  | "create scratch"
  | "restore"
  | "verify"
  | "put back"
  | "mark"
  | "swap";

/**
 * What the target holds after a failure, as its comment reads back (every step that changes the data
 * commits a comment of its own in the same transaction, so the comment cannot disagree with the data):
 * - before: the comment it had when planned; restored: this run's verified marker;
 * - unverified: this run's in-place data, committed before verify-sql passed;
 * - put-back: this run's safety backup, put back; other: none of these (someone else changed it);
 * - unknown: it could not be read.
 */
export type Held =
  | {
      state: "before" | "restored" | "unverified" | "put-back" | "other";
      locked: boolean;
      comment: string | null;
    }
  | { state: "unknown"; reason: string };

export interface Expected {
  before: string | null;
  restored: RestoreMarker | undefined;
  unverified: string | undefined;
  putBack: string | undefined;
}

/** How long the read-back keeps trying a server that refuses connections (a restart, a network cut). */
export const READ_BACK_MS = 15_000;

export async function readBack(conn: Conn, expected: Expected, within = READ_BACK_MS): Promise<Held> {
  const deadline = Date.now() + within;
  for (let attempt = 0; ; attempt++) {
    try {
      const now = await readDatabase(conn);
      if (!now.exists) return { state: "unknown", reason: `${conn.database} does not exist on the server` };
      const { comment, locked } = now;
      const state =
        expected.restored && comment === markerText(expected.restored)
          ? "restored"
          : expected.unverified !== undefined && comment === expected.unverified
            ? "unverified"
            : expected.putBack !== undefined && comment === expected.putBack
              ? "put-back"
              : comment === expected.before
                ? "before"
                : "other";
      return { state, locked, comment };
    } catch (error) {
      if (Date.now() >= deadline) return { state: "unknown", reason: (error as Error).message };
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 2000)));
    }
  }
}

/** A restore that failed at `step`, with what the target was read back to hold. */
export class RestoreFailure extends Error {
  override name = "RestoreFailure";
  override readonly cause: unknown;
  readonly step: Step;
  readonly verify: "not run" | "passed" | "failed";
  readonly held: Held;
  readonly safetyBackup: string | undefined;
  constructor(
    cause: unknown,
    step: Step,
    verify: "not run" | "passed" | "failed",
    held: Held,
    safetyBackup: string | undefined,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
    this.step = step;
    this.verify = verify;
    this.held = held;
    this.safetyBackup = safetyBackup;
  }
}
