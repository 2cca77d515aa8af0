import { CancelledError, type Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { inputError } from "../../core/inputs.ts";
import { type Project, VercelClient } from "../../platforms/vercel/client.ts";
import { httpAdvice } from "../vercel-promote/explain.ts";
import type { Settings } from "./plan.ts";
import type { VercelStopped } from "./stopped.ts";

/** Vercel: the whole project is paused (every visitor gets 503) or serves again. */
export interface VercelTrafficPlan {
  platform: "vercel";
  mode: "pause" | "resume";
  project: { id: string; name: string };
  paused: boolean;
  /** Auto-assignment of production domains is off now (a rollback's pin, or the pause itself). */
  autoAssignOff: boolean;
  /** Pause: a rollback's pin was in effect before this pause (recorded in `stopped`). */
  pinned: boolean;
  /** Resume: whether to unpause (this rollback's pause paused it, or no record was given). */
  unpause: boolean;
  /** Resume: a rollback is in effect, so the project must end pinned (an unpause turns the pin off). */
  pin: boolean;
  domains: string[];
  production: string | undefined;
}

/** What the project holds after the run, read back from Vercel. */
export interface VercelOutcome {
  paused: boolean | undefined;
  autoAssignOff: boolean | undefined;
  production: string | undefined;
  /** Set when something failed (or could not be read back): the message. */
  error?: string;
  /** The pause request is known to have taken effect (so `stopped` says paused). */
  pausedByRun: boolean;
}

export function vercelClient(settings: Settings, log: Logger): VercelClient {
  return new VercelClient({
    token: settings.token as string,
    baseUrl: settings["api-url"] ?? "https://api.vercel.com",
    team: settings.team,
    log,
  });
}

/**
 * An instant rollback is what production serves: the last alias job was a rollback to the current
 * production deployment, and it did not fail (PLATFORMS.md: `lastAliasRequest`). Auto-assignment alone
 * cannot tell while paused, since the pause turns it off too.
 */
export function rollbackInEffect(project: Project): boolean {
  const last = project.lastAliasRequest;
  const production = project.targets?.production?.id;
  return (
    last?.type === "rollback" &&
    production !== undefined &&
    last.toDeploymentId === production &&
    !["failed", "skipped"].includes(last.jobStatus)
  );
}

export async function planVercelTraffic(
  settings: Settings,
  log: Logger,
  recorded: VercelStopped | undefined,
): Promise<VercelTrafficPlan> {
  if (!settings.project)
    throw inputError("project", "is required with platform: vercel.", `"shop" or "prj_7gHk2pQ"`);
  const project = await vercelClient(settings, log).getProject(settings.project);
  if (recorded && recorded["project-id"] !== project.id)
    throw inputError(
      "stopped",
      `records project ${recorded["project-id"]}, but \`project\` is ${project.name} (${project.id}): pass the \`stopped\` output of this project's pause.`,
    );
  const production = project.targets?.production ?? undefined;
  const paused = project.paused === true;
  const autoAssignOff = project.autoAssignCustomDomains === false;
  // Before a pause, auto-assignment off means production is pinned (PLATFORMS.md); once paused it says
  // nothing (a pause turns it off), so only the last alias job can tell.
  const pinnedNow = paused ? rollbackInEffect(project) : autoAssignOff;
  // A promote after the recorded pin turned auto-assignment on on purpose (PLATFORMS.md): it stands.
  const promoted = project.lastAliasRequest?.type === "promote";
  const pin = rollbackInEffect(project) || (recorded?.pinned === true && !promoted);
  log.info(
    `Project ${project.name} (${project.id}) is ${paused ? "paused" : "serving"}; auto-assignment of production domains is ${autoAssignOff ? "off" : "on"}${pinnedNow ? " (a rollback is in effect)" : ""}.`,
  );
  return {
    platform: "vercel",
    mode: settings.mode,
    project: { id: project.id, name: project.name },
    paused,
    autoAssignOff,
    pinned: pinnedNow,
    unpause: paused && (recorded === undefined || recorded.paused),
    pin,
    domains: production?.alias ?? [],
    production: production?.id,
  };
}

/** Resume has something to change: an unpause, or a pin an earlier unpause (ours or a person's) undid. */
export function vercelPending(plan: VercelTrafficPlan): boolean {
  if (plan.mode === "pause") return !plan.paused;
  return plan.unpause || (!plan.paused && plan.pin && !plan.autoAssignOff);
}

/** Sends a change once; after an answer that never came, `applied` (on a read-back) decides. */
async function once(
  r: { vercel: VercelClient; log: Logger; id: string; what: string },
  send: () => Promise<unknown>,
  applied: (project: Project) => boolean,
): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!(error instanceof HttpError) || !error.ambiguous) throw error;
    r.log.warn(`The ${r.what} request got no clear answer (${error.message}); reading the project back.`);
    if (!applied(await r.vercel.getProject(r.id))) throw error;
  }
}

export async function applyVercelTraffic(r: {
  settings: Settings;
  log: Logger;
  plan: VercelTrafficPlan;
  signal: AbortSignal;
}): Promise<VercelOutcome> {
  const { settings, log, plan, signal } = r;
  const vercel = vercelClient(settings, log);
  const id = plan.project.id;
  const call = (what: string) => ({ vercel, log, id, what });
  let sent = false;
  let error: string | undefined;
  try {
    if (signal.aborted) throw signal.reason;
    if (plan.mode === "pause") {
      sent = true;
      await once(
        call("pause"),
        () => vercel.pauseProject(id),
        (p) => p.paused === true,
      );
    } else {
      if (plan.unpause)
        await once(
          call("unpause"),
          () => vercel.unpauseProject(id),
          (p) => p.paused !== true,
        );
      // Seen through even after SIGTERM: an unpause alone leaves a rolled-back project unpinned, and the
      // next production build would take the domains (@vercel/sdk projectsUnpauseProject).
      if (plan.pin) {
        await once(
          call("re-pin"),
          () => vercel.setAutoAssignCustomDomains(id, false),
          (p) => p.autoAssignCustomDomains === false,
        );
        log.info("Auto-assignment of production domains is off again: the rollback stays pinned.");
      }
    }
  } catch (caught) {
    error =
      caught instanceof CancelledError
        ? caught.message
        : (httpAdvice(caught, settings.team) ?? (caught instanceof Error ? caught.message : String(caught)));
    log.warn(error);
  }
  const after = await readBack(vercel, id);
  return {
    ...after,
    // Asked for and not read back as serving: recorded as paused by this run. When unsure, a resume with
    // this record unpauses only a project it finds paused.
    pausedByRun: sent && !plan.paused && after.paused !== false,
    error: [error, after.error].filter(Boolean).join(" ") || undefined,
  };
}

async function readBack(vercel: VercelClient, id: string): Promise<Omit<VercelOutcome, "pausedByRun">> {
  try {
    const project = await vercel.getProject(id);
    return {
      paused: project.paused === true,
      autoAssignOff: project.autoAssignCustomDomains === false,
      production: project.targets?.production?.id,
    };
  } catch (caught) {
    return {
      paused: undefined,
      autoAssignOff: undefined,
      production: undefined,
      error: `The project could not be read back (${caught instanceof Error ? caught.message : String(caught)}).`,
    };
  }
}
