import { HttpError } from "../../core/http.ts";
import { errorMessage } from "../../core/secrets.ts";
import { RailwayError, RefusedError, TokenRejectedError } from "../../platforms/railway/client.ts";
import { NotFoundError, ScopeError } from "../../platforms/railway/resolve.ts";
import { BackupChoiceError, backupLabel } from "../../platforms/railway/volume-choice.ts";
import { type VolumeFailure, VolumeRestoreError } from "../../platforms/railway/volume-restore.ts";
import type { RestorePlan } from "./provider.ts";

const NOT_COMMITTED = "The live volume was not changed.";

const ADVICE: Record<VolumeFailure, string> = {
  "other-staged": `${NOT_COMMITTED} This action never commits other people's changes: deploy or discard them in the Railway dashboard (the environment's staged changes), then run again.`,
  "nothing-staged": `${NOT_COMMITTED} Look at the service's Backups tab and the environment's staged changes in the dashboard before running again.`,
  "safety-lost": `${NOT_COMMITTED} Discard the staged swap in the dashboard, keep a copy of the data elsewhere (pg_dump, say), then run again with safety-backup: false if you accept restoring without a Railway safety backup.`,
  "workflow-error": `${NOT_COMMITTED} Check the service's Backups tab in the Railway dashboard; run again when the volume is healthy.`,
  "workflow-timeout": `${NOT_COMMITTED} The workflow may still finish: look at the Backups tab and the staged changes before running again (or raise wait).`,
  "commit-unknown":
    "Look at the environment's staged changes in the dashboard: commit or discard the swap there.",
  "deploy-failed":
    "The restored volume is committed: read the deployment's logs in the dashboard. The safety backup holds the data from before, if you need to go back.",
  "deploy-timeout":
    "The restored volume is committed: the deployment may still finish; watch it in the dashboard.",
  "service-missing": "Look for the new service in the project in the dashboard before running again.",
};

/** One message for a Railway failure (undefined for errors of other providers). */
export function railwayAdvice(error: unknown, plan: RestorePlan | undefined): string | undefined {
  if (error instanceof VolumeRestoreError) return `${errorMessage(error)} ${ADVICE[error.kind]}`;
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
