import { HttpError } from "../../core/http.ts";
import { errorMessage } from "../../core/secrets.ts";
import { RailwayError, RefusedError, TokenRejectedError } from "../../platforms/railway/client.ts";
import { NotFoundError, ScopeError } from "../../platforms/railway/resolve.ts";
import { BackupChoiceError, backupLabel } from "../../platforms/railway/volume-choice.ts";
import { type VolumeFailure, VolumeRestoreError } from "../../platforms/railway/volume-restore.ts";
import type { RestorePlan } from "./provider.ts";
import { RailwayRestoreFailed } from "./railway-apply.ts";

/** What to do after a refusal in planning (failures after a change are written from a read-back). */
const ADVICE: Partial<Record<VolumeFailure, string>> = {
  "other-staged":
    "This action never commits other people's changes: deploy or discard them in the Railway dashboard (the environment's staged changes), then run again.",
  "swap-staged":
    "Discard that staged swap in the Railway dashboard (the environment's staged changes), or restore the backup it came from, then run again.",
  "ha-cluster":
    "Restore into a new service instead (mode: new-service with point-in-time), or restore the cluster in the Railway dashboard.",
};

/** One message for a Railway failure (undefined for errors of other providers). */
export function railwayAdvice(error: unknown, plan: RestorePlan | undefined): string | undefined {
  if (error instanceof RailwayRestoreFailed) return errorMessage(error);
  if (error instanceof VolumeRestoreError) return `${errorMessage(error)} ${ADVICE[error.kind] ?? ""}`.trim();
  if (error instanceof BackupChoiceError) {
    const known = error.known.slice(0, 5).map(backupLabel);
    return `${error.message} Backups of the volume, newest first: ${known.join("; ") || "none"}.`;
  }
  if (error instanceof TokenRejectedError) {
    return `${error.message} Check the railway-token secret: a project token of this environment, or an account/workspace token.`;
  }
  if (error instanceof NotFoundError || error instanceof ScopeError) return errorMessage(error);
  if (error instanceof RailwayError || error instanceof RefusedError) {
    const where = plan ? ` Restoring ${plan.target}:` : "";
    return `${where} ${errorMessage(error)}. If Railway says Not Authorized, the token may not act on this volume.`.trim();
  }
  if (error instanceof HttpError && /Railway/.test(error.message)) {
    const wait = error.details.retryAfterMs
      ? ` Railway asks to wait ${Math.ceil(error.details.retryAfterMs / 1000)}s (rate limit).`
      : "";
    return `${errorMessage(error)}.${wait}`;
  }
  return undefined;
}
