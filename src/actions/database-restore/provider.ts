import type { ActionContext } from "../../core/action.ts";
import type { DatabaseRestoreInputs, ProviderName } from "./inputs.ts";

export type Ctx = ActionContext<DatabaseRestoreInputs>;

/**
 * What every provider's plan says, in the same words: the dry run shows it, the runner freezes it.
 * `detail` is the provider's own state for its apply.
 */
export interface RestorePlan<D = unknown> {
  provider: ProviderName;
  /** The database, volume or cluster that `confirm` names. */
  target: string;
  /** The backup, dump or point in time to restore (the `restored-from` output). */
  restoredFrom: string;
  /** Label → value lines: sizes, versions, mode. */
  facts: [string, string][];
  /** What the restore would replace. */
  replaces: string[];
  /** The safety backup to be taken, in words; undefined when skipped. */
  safety: string | undefined;
  /** Why no safety backup is needed (nothing is overwritten), said instead of the warning. */
  noSafetyReason: string | undefined;
  /** Set when this backup is already what the target holds: nothing to do, and why. */
  alreadyCurrent: string | undefined;
  detail: D;
}

export interface RestoreRun {
  status: "restored" | "requested";
  /** Where the data from before the restore is kept. */
  safetyBackup: string | undefined;
  /** Log lines worth repeating in the summary (verification results, kept copies). */
  notes: string[];
  steps: { name: string; ms: number }[];
}

export interface Provider<D = unknown> {
  plan(ctx: Ctx): Promise<RestorePlan<D>>;
  apply(ctx: Ctx, plan: RestorePlan<D>): Promise<RestoreRun>;
}

export type Changed = "true" | "false" | "unknown";

/**
 * A failed restore whose target was read back: the message says what it holds now, `changed` and the
 * other outputs are set from the read-back, never from the step reached.
 */
export class RestoreFailed extends Error {
  override name = "RestoreFailed";
  readonly outputs: { changed: Changed } & Record<string, string | undefined>;
  constructor(message: string, outputs: { changed: Changed } & Record<string, string | undefined>) {
    super(message);
    this.outputs = outputs;
  }
}
