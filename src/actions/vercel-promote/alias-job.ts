import type { Logger } from "../../core/action.ts";
import { HttpError, sleep } from "../../core/http.ts";
import { formatMs, waitFor } from "../../core/wait.ts";
import type { AliasRequest, Project, VercelClient } from "../../platforms/vercel/client.ts";
import { advice } from "./explain.ts";

// Date headers have whole seconds, so the measured clock offset is up to 1 s early; allow that and latency.
const CLOCK_TOLERANCE_MS = 2000;
// Alias jobs usually take seconds: poll fast for this long, then back off.
const FAST_PHASE_MS = 20_000;
const FAST = { initialDelayMs: 100, factor: 1.5, maxDelayMs: 300 };
const SLOW = { initialDelayMs: 1000, factor: 1.5, maxDelayMs: 5000 };
const FINISHED = new Set(["succeeded", "failed", "skipped"]);

export type ChangeType = "rollback" | "promote";

export interface ChangeRequest {
  client: VercelClient;
  log: Logger;
  projectId: string;
  type: ChangeType;
  to: string;
  description: string;
  /** The project's last alias request before this run (never mistaken for this run's). */
  before: AliasRequest | undefined;
  waitMs: number;
  deadline: number;
}

export interface ChangeResult {
  status: "rolled-back" | "promoted" | "already-current" | "requested" | "queued";
  /** The last project read, when the action waited. */
  project: Project | undefined;
}

const done = (type: ChangeType) => (type === "rollback" ? "rolled-back" : "promoted");

/** Whether `request` is the one asked for since `since` (Vercel's clock), not the one seen before. */
export function isOurs(
  request: AliasRequest | undefined,
  r: Pick<ChangeRequest, "type" | "to" | "before">,
  since: number,
): boolean {
  if (!request || request.type !== r.type || request.toDeploymentId !== r.to) return false;
  if (
    r.before &&
    request.requestedAt === r.before.requestedAt &&
    request.toDeploymentId === r.before.toDeploymentId
  )
    return false;
  return request.requestedAt >= since - CLOCK_TOLERANCE_MS;
}

/** Asks for the rollback or promote once, then waits for its alias job; never sends it twice. */
export async function requestChange(r: ChangeRequest): Promise<ChangeResult> {
  const { client, log, type, before } = r;
  if (before && before.type === type && before.toDeploymentId === r.to && !FINISHED.has(before.jobStatus)) {
    // An earlier run's request for the same change is still in flight: wait for it rather than send another.
    log.info(
      `A ${type} to ${r.to} is already in progress (alias job ${before.jobStatus}): not sending another.`,
    );
    if (r.waitMs === 0) return { status: "requested", project: undefined };
    return { status: done(type), project: await waitForAliasJob(r, before.requestedAt, undefined) };
  }
  let status: number;
  const sentAt = Date.now();
  // On Vercel's clock, as measured from the answers (the next answer refines it).
  const since = () => client.serverTime(sentAt);
  try {
    log.info(`Requesting ${type} of the project to ${r.to}…`);
    status =
      type === "rollback"
        ? await client.requestRollback({
            projectId: r.projectId,
            deploymentId: r.to,
            description: r.description,
          })
        : await client.requestPromote(r.projectId, r.to);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.status === 409) {
      // Someone (or an earlier run) made it current in between: confirm from the project.
      const now = await client.getProject(r.projectId);
      if (now.targets?.production?.id === r.to) return { status: "already-current", project: now };
      throw error;
    }
    if (!error.ambiguous) throw error;
    // No answer: the request may have been applied. Decide from the project, never send it again.
    log.warn(
      `The ${type} request got no clear answer (${error.message}); reading the project to see whether it was applied.`,
    );
    const now = await client.getProject(r.projectId);
    const request = now.lastAliasRequest ?? undefined;
    if (!isOurs(request, r, since())) {
      if (now.targets?.production?.id === r.to) return { status: done(type), project: now };
      throw new Error(advice.notApplied(type, r.to, error.message));
    }
    log.info(`Vercel did accept the ${type} (alias job ${request?.jobStatus ?? "pending"}).`);
    status = 201;
  }
  if (status === 202) return { status: "queued", project: undefined };
  if (r.waitMs === 0) return { status: "requested", project: undefined };
  return { status: done(type), project: await waitForAliasJob(r, since(), before) };
}

/** Polls the project until this run's alias job succeeds or fails; fast at first, then backing off. */
async function waitForAliasJob(
  r: ChangeRequest,
  since: number,
  before: AliasRequest | undefined,
): Promise<Project> {
  const { client, type, to } = r;
  let last: Project | undefined;
  const outcome = await pollUntil(r.log, `the ${type} alias job to ${to}`, r.deadline, async () => {
    const now = await client.getProject(r.projectId);
    last = now;
    const request = now.lastAliasRequest ?? undefined;
    if (!request) return { done: false, state: "request not visible yet" };
    if (!isOurs(request, { type, to, before }, since)) {
      if (request.requestedAt > since && request.requestedAt !== before?.requestedAt) {
        return { done: true, value: { now, ending: "superseded", request } };
      }
      return { done: false, state: "request not visible yet" };
    }
    if (FINISHED.has(request.jobStatus))
      return { done: true, value: { now, ending: request.jobStatus, request } };
    return { done: false, state: request.jobStatus };
  });
  if (outcome.outcome === "timeout") {
    throw new Error(
      advice.aliasJobTimeout({
        type,
        to,
        elapsedMs: outcome.elapsedMs,
        state: outcome.lastState,
        serving: last?.targets?.production?.id,
      }),
    );
  }
  const { now, ending, request } = outcome.value;
  if (ending === "succeeded") return now;
  const serving = now.targets?.production?.id;
  if (ending === "failed") {
    // Listing the domains is a courtesy: its own failure must never hide the job's.
    let domains: string;
    try {
      const failed = await client.failedAliases(r.projectId, type);
      domains = failed.length
        ? failed.map((a) => `${a.alias}${a.status ? ` (${a.status})` : ""}`).join(", ")
        : "none listed";
    } catch (error) {
      domains = advice.aliasListFailed(error instanceof Error ? error.message : String(error));
    }
    throw new Error(advice.aliasJobFailed({ type, to, serving, domains }));
  }
  throw new Error(
    advice.aliasJobEnded({
      type,
      to,
      ending,
      other: `${request.type} to ${request.toDeploymentId}`,
      serving,
    }),
  );
}

type Poll<T> = () => Promise<{ done: true; value: T } | { done: false; state?: string }>;

/** `waitFor` in two phases: quick polls while a prompt answer is likely, then backed-off ones. */
export async function pollUntil<T>(log: Logger, what: string, deadline: number, poll: Poll<T>) {
  const started = Date.now();
  // waitFor counts per phase: show the time against the whole deadline instead.
  const onProgress = (line: string) =>
    log.info(
      line.replace(
        /\([^()]* of [^()]*\)$/,
        `(${formatMs(Date.now() - started)} of ${formatMs(deadline - started)})`,
      ),
    );
  // A job is never done the instant it is requested: the first look would be wasted.
  await sleep(Math.min(FAST.initialDelayMs, Math.max(0, deadline - started)));
  const fastMs = Math.max(0, Math.min(deadline - Date.now(), FAST_PHASE_MS));
  const first = await waitFor({ what, timeoutMs: fastMs, poll, onProgress, ...FAST });
  const rest = deadline - Date.now();
  if (first.outcome === "done" || rest <= 0) return first;
  const second = await waitFor({ what, timeoutMs: rest, poll, onProgress, ...SLOW });
  return { ...second, elapsedMs: Date.now() - started, polls: first.polls + second.polls };
}
