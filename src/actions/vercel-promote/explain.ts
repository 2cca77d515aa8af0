import type { Phase } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { formatMs } from "../../core/wait.ts";
import type { VercelPlan } from "./plan.ts";

/**
 * Every message a person reads when vercel-promote cannot do its job: what failed, Vercel's code and
 * message, and what to do next. Control flow throws these; the words live here.
 */

/** A failure while planning, with the team the run was scoped to (the advice for 403/404 depends on it). */
export class Scoped extends Error {
  override name = "Scoped";
  readonly team: string | undefined;
  constructor(cause: unknown, team: string | undefined) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.team = team;
  }
}

export function explainVercelPromote(error: unknown, phase: Phase, plan: VercelPlan | undefined): string {
  const team = error instanceof Scoped ? error.team : plan?.project.team;
  const cause = error instanceof Scoped ? error.cause : error;
  const message = httpAdvice(cause, team) ?? (cause instanceof Error ? cause.message : String(cause));
  // A failure after the change was asked for says which change, so the summary's plan reads with it.
  return phase === "apply" && plan ? `Production ${plan.verb} failed: ${message}` : message;
}

/** Vercel's answer and what to do about it; undefined for anything that is not an HTTP failure. */
export function httpAdvice(error: unknown, team: string | undefined): string | undefined {
  if (!(error instanceof HttpError)) return undefined;
  const detail = error.details.platformMessage ? `: ${error.details.platformMessage}` : "";
  const what = `Vercel answered ${error.status ?? error.code ?? error.kind}${error.code && error.status ? ` ${error.code}` : ""}${detail}.`;
  switch (error.status) {
    case 401:
      return `${what} The token was rejected: check the \`token\` secret holds a valid Vercel access token that has not expired or been revoked (Vercel → Account Settings → Tokens).`;
    case 403:
      return team
        ? `${what} The token may not access team "${team}" or this project: check the token's scope includes that team, and that \`team\` is the team that owns the project.`
        : `${what} The project probably belongs to a team: set \`team\` to the team id (team_…) or slug, and use a token with access to that team.`;
    case 404:
      return `${what} Check \`project\` (id or exact name)${team ? ` and that it belongs to team "${team}"` : " and, for a team project, set `team`"}.`;
    case 402:
      return `${what} The plan allows rolling back only to the immediately previous production deployment: leave \`deployment\` empty to pick it, or upgrade the plan.`;
    case 410:
      return `${what} The deployment was deleted: pick another deployment, or leave \`deployment\` empty to pick the newest good one.`;
    case 409:
      return `${what} Another rollback or promote may be in progress: wait for it, then re-run this action.`;
    case 422:
      return `${what} Vercel refused this target: it must be a READY production deployment of the project (use strategy: promote for one that never served production).`;
    case 429:
      return `${what} Vercel kept rate-limiting the requests${error.details.retryAfterMs ? ` (it asked to wait ${formatMs(error.details.retryAfterMs)})` : ""}: try again in a few minutes.`;
    default:
      if (error.status !== undefined && error.status >= 500) {
        return `${what} Vercel's API is failing: check https://www.vercel-status.com and re-run this action (it is safe to repeat).`;
      }
      return `${error.message} Check \`api-url\` and the network, then re-run this action (it is safe to repeat).`;
  }
}

export const advice = {
  noProduction: (project: string) =>
    `Project ${project} has no current production deployment, so there is nothing to roll back from. Give \`deployment\` explicitly to promote one.`,
  noCandidate: (project: string, current: string, skipped: string[]) =>
    `No deployment to roll back to: none of ${project}'s production deployments older than ${current} is READY and served production before. ${
      skipped.length
        ? `Considered, newest first:\n${skipped.map((line) => `- ${line}`).join("\n")}`
        : "Vercel listed no production deployments older than it."
    }\nGive \`deployment\` explicitly (a preview can be promoted with strategy: promote).`,
  notFound: (idOrHost: string) =>
    `Deployment ${idOrHost} was not found on Vercel (404), neither as a deployment nor as a domain. Check the \`deployment\` input (a dpl_… id, the deployment's *.vercel.app URL, or a domain of the project) and that it is in the same team as the project.`,
  unassignedDomain: (host: string) =>
    `Domain ${host} points at no deployment on Vercel. Give a dpl_… id or a domain that serves a deployment.`,
  otherProject: (id: string, owner: string, project: string, projectId: string) =>
    `Deployment ${id} belongs to another project (${owner}), not ${project} (${projectId}). Pick a deployment of ${project}.`,
  notReady: (id: string, state: string) =>
    `Deployment ${id} is ${state}, not READY: it cannot serve production. Pick a READY deployment, or leave \`deployment\` empty to pick the newest good one.`,
  previewRollback: (id: string) =>
    `Deployment ${id} is a preview deployment: an instant rollback needs a production deployment that served before. Use strategy: promote (it rebuilds the preview for production) or strategy: auto.`,
  stagedRollback: (id: string) =>
    `Deployment ${id} never served production (it is staged): an instant rollback cannot target it. Use strategy: promote or strategy: auto.`,
  alreadyRolledBack: (id: string) =>
    `${id} already serves production: an earlier rollback put it there, and an automatic run never walks further back (nor brings back what that rollback replaced). To go further on purpose, run with \`deployment\` set to the deployment to serve.`,
  alreadyCurrent: (id: string) => `${id} already serves production: nothing to do.`,
  reasonShortened: (length: number, kept: string) =>
    `\`reason\` is ${length} characters; Vercel records at most 250, so the rollback is described as: "${kept}" (the summary keeps it whole).`,
  inFlightLeftAlone: (list: string) =>
    `Production builds are still on their way and \`cancel-in-flight\` is false, so they were left alone: ${list}. When one finishes it can take production again (unless production is pinned after this rollback).`,
  cancelFailed: (id: string, message: string) =>
    `Could not cancel ${id} (${message}); the rollback goes on. Check it on Vercel: if it finished, it may be staged or serving.`,
  aliasJobTimeout: (r: {
    type: string;
    to: string;
    elapsedMs: number;
    state: string | undefined;
    serving: string | undefined;
  }) =>
    `The ${r.type} to ${r.to} was accepted, but Vercel had not moved the domains after ${formatMs(r.elapsedMs)} (alias job: ${r.state ?? "unknown"}; production serves ${r.serving ?? "unknown"}). It may still complete: check the project's Deployments page, raise \`wait\`, or re-run this action later (it reports already-current once done).`,
  aliasJobFailed: (r: { type: string; to: string; serving: string | undefined; domains: string }) =>
    `Vercel's ${r.type} alias job to ${r.to} failed; production still serves ${r.serving ?? "unknown"}. Domains that did not move: ${r.domains}. Check those domains in the project's Domains settings (DNS, certificates), then re-run this action.`,
  aliasListFailed: (message: string) => `could not be listed (${message})`,
  aliasJobEnded: (r: {
    type: string;
    to: string;
    ending: string;
    other: string;
    serving: string | undefined;
  }) =>
    `The ${r.type} to ${r.to} was ${r.ending === "skipped" ? "skipped by Vercel" : `superseded by a newer ${r.other}`}; production serves ${r.serving ?? "unknown"}. Someone else is changing production: check with them before re-running.`,
  notApplied: (type: string, to: string, message: string) =>
    `The ${type} request to Vercel failed without an answer (${message}), and the project shows no ${type} to ${to}: it was not applied. It was not sent again, to never ${type} twice. Re-run this action (it is safe to repeat).`,
  rebuildNotStarted: (preview: string, message: string) =>
    `The request to rebuild preview ${preview} for production failed without an answer (${message}), and the project shows no new production build from it: it was not started. It was not sent again, to never start two builds. Re-run this action (it is safe to repeat).`,
  rebuildTimeout: (build: string, preview: string, state: string | undefined, elapsedMs: number) =>
    `The production rebuild ${build} of preview ${preview} was still ${state ?? "building"} after ${formatMs(elapsedMs)}. Production was not changed. Follow the build on Vercel, then run this action with deployment: ${build} once it is READY, or raise \`wait\`.`,
  rebuildEnded: (build: string, preview: string, state: string, error: string | null | undefined) =>
    `The production rebuild ${build} of preview ${preview} ended ${state}${error ? `: ${error}` : ""}. Production was not changed. Check the build logs on Vercel.`,
  pinned: (serving: string) =>
    [
      "**Production is pinned** (auto-assignment of production domains is off): new production deploys build",
      "but stay staged and do not serve until someone promotes one. To undo, run this action with",
      `\`strategy: promote\` and \`deployment: <the deployment to serve>\` (for example ${serving} to keep this one);`,
      "a promote turns auto-assignment back on.",
    ].join(" "),
  // A pause turns auto-assignment off too (@vercel/sdk projectsPauseProject): that alone is not a pin.
  paused:
    "**The project is paused** (visitors get 503; auto-assignment of production domains is off while paused). The traffic action's `mode: resume` unpauses it and keeps a rollback pinned.",
  environment:
    "A rollback serves the old build as it was built: its environment variables and cron jobs come back with it.",
};
