import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { IN_FLIGHT_STATES, type VercelClient } from "../../platforms/vercel/client.ts";
import { advice } from "./explain.ts";
import { fromListItem, origin } from "./target.ts";

/** A production build still on its way: if it finishes, it can take production. */
export interface InFlight {
  id: string;
  state: string;
  createdAt: number;
  /** Commit and creator, for the summary. */
  origin: string;
}

/** Production deployments still BUILDING, QUEUED or INITIALIZING, newer than the target, minus `exclude`. */
export async function listInFlight(
  client: VercelClient,
  options: { projectId: string; newerThan: number | undefined; exclude?: readonly string[] },
): Promise<InFlight[]> {
  const { deployments } = await client.listDeployments({
    projectId: options.projectId,
    target: "production",
    state: IN_FLIGHT_STATES,
    limit: 20,
  });
  return deployments
    .filter((d) => (IN_FLIGHT_STATES as readonly string[]).includes(d.readyState))
    .filter((d) => options.newerThan === undefined || d.createdAt > options.newerThan)
    .filter((d) => !options.exclude?.includes(d.uid))
    .map((d) => ({
      id: d.uid,
      state: d.readyState,
      createdAt: d.createdAt,
      origin: origin(fromListItem(d)),
    }));
}

export interface Cancelled {
  cancelled: InFlight[];
  failed: { deployment: InFlight; message: string }[];
}

/** Cancels each build; a cancel that fails (finished meanwhile, no permission) is a warning, never a stop. */
export async function cancelAll(
  client: VercelClient,
  log: Logger,
  builds: readonly InFlight[],
): Promise<Cancelled> {
  const result: Cancelled = { cancelled: [], failed: [] };
  for (const build of builds) {
    try {
      await client.cancelDeployment(build.id);
      log.info(
        `Cancelled ${build.id} (${build.state}: ${build.origin}) so it cannot land after the rollback.`,
      );
      result.cancelled.push(build);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      const message = `${error.status ?? error.code}${error.details.platformMessage ? `: ${error.details.platformMessage}` : ""}`;
      log.warn(advice.cancelFailed(build.id, message));
      result.failed.push({ deployment: build, message });
    }
  }
  return result;
}
