import { HttpError } from "../../core/http.ts";
import { errorMessage } from "../../core/secrets.ts";
import { type AtlasFailure, AtlasRestoreError } from "../../platforms/atlas/restore.ts";
import type { RestorePlan } from "./provider.ts";

const ADVICE: Record<AtlasFailure, string> = {
  "snapshot-failed":
    "The cluster was not touched. Look at the cluster's Backup tab in Atlas, then run again.",
  "snapshot-timeout":
    "The cluster was not touched. The snapshot may still complete: run again later (or raise wait).",
  "job-failed":
    "Look at the restore job in the cluster's Backup tab (Restores) in Atlas before running again.",
  "job-timeout":
    "The job may still finish: follow it in the cluster's Backup tab; a rerun with the same inputs follows it too.",
  "job-unknown": "Check the cluster's Backup tab (Restores) in Atlas before running again.",
};

/** Atlas codes a person can act on. */
const CODES: Record<string, string> = {
  CLUSTER_PIT_NOT_ENABLED: "turn on Continuous Cloud Backup in the cluster's Backup settings (M10+).",
  CLUSTER_NOT_FOUND: "check atlas-cluster and atlas-group-id.",
  RESOURCE_NOT_FOUND: "check atlas-cluster and atlas-group-id.",
  USER_UNAUTHORIZED:
    "the service account lacks the Project Backup Manager (or Project Owner) role on this project.",
  INVALID_CLIENT:
    "the service account's client id or secret was refused: check atlas-client-id and atlas-client-secret.",
};

/** One message for an Atlas failure (undefined for errors of other providers). */
export function atlasAdvice(error: unknown, plan: RestorePlan | undefined): string | undefined {
  if (error instanceof AtlasRestoreError) {
    const kept = error.snapshotId
      ? ` The safety snapshot ${error.snapshotId} holds the data from before the restore.`
      : "";
    return `${errorMessage(error)}${kept} ${ADVICE[error.kind]}`;
  }
  if (error instanceof HttpError && /^Atlas /.test(error.message)) {
    const code = error.code ?? (error.status === 401 ? "INVALID_CLIENT" : undefined);
    const advice = code ? CODES[code] : undefined;
    const wait = error.details.retryAfterMs
      ? ` Atlas asks to wait ${Math.ceil(error.details.retryAfterMs / 1000)}s.`
      : "";
    const where = plan ? ` Nothing was restored on ${plan.target} by this request.` : "";
    return `${errorMessage(error)}.${wait}${advice ? ` What to do: ${advice}` : where}`;
  }
  return undefined;
}
