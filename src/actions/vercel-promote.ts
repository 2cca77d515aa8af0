import { z } from "zod";
import { HttpError, sleep } from "../core/http.ts";
import { input, readInputs } from "../core/inputs.ts";
import { link, Summary, setOutputs } from "../core/report.ts";
import { errorMessage } from "../core/secrets.ts";
import type { Toolkit } from "../core/toolkit.ts";
import { formatMs, waitFor } from "../core/wait.ts";
import {
  type AliasRequest,
  type Deployment,
  type DeploymentListItem,
  type Project,
  VercelClient,
} from "../platforms/vercel/client.ts";

type Strategy = "auto" | "rollback" | "promote";
type Kind = "rollback" | "promote" | "rebuild";

/** A deployment as the plan shows it. */
interface Target {
  id: string;
  url: string;
  createdAt: number | undefined;
  readyState: string;
  readySubstate: string | undefined;
  target: string | null | undefined;
  commit: string | undefined;
  sha: string | undefined;
}

const PAGE_SIZE = 20;
const MAX_PAGES = 10;
// Vercel stamps `requestedAt` with its own clock: tolerate that much skew against the runner's.
const CLOCK_SKEW_MS = 30_000;
// Alias jobs usually take seconds: poll fast for this long, then back off.
const FAST_PHASE_MS = 20_000;
const FAST = { initialDelayMs: 100, factor: 1.5, maxDelayMs: 300 };
const SLOW = { initialDelayMs: 1000, factor: 1.5, maxDelayMs: 5000 };
const FINISHED = new Set(["succeeded", "failed", "skipped"]);

/** A deployment input: `dpl_…`, a URL or a hostname; normalised to an id or a bare hostname. */
const deploymentInput = z.string().transform((raw, ctx): string | undefined => {
  const value = raw.trim();
  if (value === "") return undefined;
  if (/^dpl_[A-Za-z0-9]+$/.test(value)) return value;
  const host = value
    .replace(/^https?:\/\//i, "")
    .replace(/[/?#].*$/, "")
    .toLowerCase();
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/.test(host)) return host;
  ctx.issues.push({
    code: "custom",
    input: raw,
    message: `is ${JSON.stringify(value)}, which is neither a deployment id (dpl_…) nor a deployment URL or hostname.`,
    params: { example: `"dpl_6Jw2LQ8aVx" or "https://shop-4f2a1b.vercel.app"` },
  });
  return z.NEVER;
});

/** A project id or name as Vercel allows them. */
const projectInput = z.string().transform((raw, ctx) => {
  const value = raw.trim();
  if (/^[A-Za-z0-9._-]{1,100}$/.test(value)) return value;
  ctx.issues.push({
    code: "custom",
    input: raw,
    message:
      value === ""
        ? "is required."
        : `is ${JSON.stringify(value)}, which is not a Vercel project id or name.`,
    params: { example: `"prj_7gHk2pQ" or "shop"` },
  });
  return z.NEVER;
});

const teamInput = z.string().transform((raw, ctx): string | undefined => {
  const value = raw.trim();
  if (value === "") return undefined;
  if (/^[A-Za-z0-9_-]{1,100}$/.test(value)) return value;
  ctx.issues.push({
    code: "custom",
    input: raw,
    message: `is ${JSON.stringify(value)}, which is not a team id (team_…) or slug.`,
    params: { example: `"team_a1B2c3" or "acme"` },
  });
  return z.NEVER;
});

function readVercelInputs(tk: Toolkit) {
  return readInputs(tk, {
    token: input.secret({ required: true, example: "${{ secrets.VERCEL_TOKEN }}" }),
    project: projectInput,
    team: teamInput,
    deployment: deploymentInput,
    strategy: input.choice(["auto", "rollback", "promote"] as const, "auto"),
    reason: input.text({ max: 250, example: `"Checkout errors after 5f3c2a1"` }),
    wait: input.duration("5m"),
    "api-url": input.url({ default: "https://api.vercel.com", example: "https://api.vercel.com" }),
    "dry-run": input.boolean(false),
  });
}

type Inputs = ReturnType<typeof readVercelInputs>;

/** Points a Vercel project's production domains at a known-good deployment. */
export async function vercelPromote(tk: Toolkit): Promise<void> {
  const started = Date.now();
  const inputs = readVercelInputs(tk);
  const client = new VercelClient({
    token: inputs.token as string,
    baseUrl: inputs["api-url"],
    team: inputs.team,
    log: (line) => tk.info(line),
  });
  const summary = new Summary(`Vercel production rollback of ${inputs.project}`, started);
  const plan: Plan = {};
  try {
    await run(tk, client, inputs, summary, plan);
  } catch (error) {
    const message = explain(error, inputs);
    if (plan.target) fromTo(summary, plan.from, plan.target, `${plan.verb} failed.`, inputs.reason);
    summary.text(`**Failed:** ${message}`);
    await summary.write(tk, "failed");
    throw new Error(message);
  }
}

/** What the run set out to do, for the summary when it fails. */
interface Plan {
  from?: Target;
  target?: Target;
  verb?: string;
}

async function run(
  tk: Toolkit,
  client: VercelClient,
  inputs: Inputs,
  summary: Summary,
  plan: Plan,
): Promise<void> {
  // --- Plan: reads only ---
  tk.info(`— Plan —`);
  const project = await client.getProject(inputs.project);
  const current = project.targets?.production ?? undefined;
  tk.info(
    `Project ${project.name} (${project.id})${inputs.team ? `, team ${inputs.team}` : ""}: production serves ${current ? `${current.id} (${current.url ?? "?"})` : "nothing"}.`,
  );
  const from: Target | undefined = current
    ? {
        id: current.id,
        url: current.url ?? "",
        createdAt: current.createdAt,
        readyState: current.readyState ?? "READY",
        readySubstate: current.readySubstate,
        target: "production",
        commit: commitOf(current.meta),
        sha: shaOf(current.meta),
      }
    : undefined;
  const target = inputs.deployment
    ? await resolveExplicit(client, project, inputs.deployment, inputs.strategy)
    : (rolledBackTo(project, from) ?? (await pickAutomatically(tk, client, project, from)));
  const kind = chooseKind(inputs.strategy, target);
  const verb = { rollback: "roll back", promote: "promote", rebuild: "rebuild for production and promote" }[
    kind
  ];
  Object.assign(plan, { from, target, verb });
  tk.info(`Target: ${describe(target)}.`);
  tk.info(`Plan: ${verb} ${target.id}${from ? ` (production now ${from.id})` : ""}.`);

  const base = { "deployment-id": target.id, "deployment-url": httpsUrl(target.url) };
  const alreadyCurrent = from?.id === target.id;
  if (alreadyCurrent) {
    tk.info(`${target.id} already serves production: nothing to do.`);
    if (!inputs.deployment && rolledBackTo(project, from)) {
      tk.info("Production was already rolled back to it; to go further back, give `deployment` explicitly.");
    }
  }
  if (inputs["dry-run"]) {
    tk.info("Dry run: nothing was changed.");
    setOutputs(tk, {
      status: "planned",
      ...base,
      "previous-deployment-id": from?.id,
      "auto-assign-disabled":
        (!alreadyCurrent && kind === "rollback") || project.autoAssignCustomDomains === false,
    });
    const would = alreadyCurrent ? "already serves production: a run would change nothing" : `would ${verb}`;
    fromTo(summary, from, target, `dry run: ${would} (nothing changed).`, inputs.reason);
    await summary.write(tk, "planned (dry run)");
    return;
  }
  if (alreadyCurrent) {
    const pinned = project.autoAssignCustomDomains === false;
    setOutputs(tk, {
      status: "already-current",
      ...base,
      "previous-deployment-id": from?.id,
      "auto-assign-disabled": pinned,
    });
    fromTo(summary, from, target, "already serves production: nothing changed.", inputs.reason);
    pinNote(summary, pinned, target);
    await summary.write(tk, "already current");
    return;
  }

  // --- Apply ---
  tk.info(`— Apply —`);
  const deadline = Date.now() + inputs.wait;
  const outcome = await apply(tk, client, project, target, kind, inputs, deadline);

  // --- Report ---
  tk.info(`— Result —`);
  const pinned =
    outcome.project?.autoAssignCustomDomains === false || (!outcome.project && kind === "rollback");
  const served = outcome.served ?? target;
  setOutputs(tk, {
    status: outcome.status,
    "deployment-id": served.id,
    "deployment-url": httpsUrl(served.url),
    "previous-deployment-id": from?.id,
    "auto-assign-disabled": pinned,
  });
  const words: Record<string, string> = {
    "rolled-back": "rolled back: production domains now point here.",
    promoted: "promoted: production domains now point here.",
    "already-current": "already served production: nothing changed.",
    requested: `${verb} requested; not waited for (\`wait: 0\`).`,
    queued: "promote queued behind a rolling release: Vercel moves the domains when the release allows.",
  };
  tk.info(`${outcome.status}: ${served.id} (${httpsUrl(served.url)}).`);
  fromTo(summary, from, served, words[outcome.status] ?? outcome.status, inputs.reason);
  pinNote(summary, pinned, served);
  await summary.write(tk, outcome.status);
}

interface Outcome {
  status: "rolled-back" | "promoted" | "already-current" | "requested" | "queued";
  /** The last project read, when the action waited. */
  project?: Project;
  /** The deployment now serving, when it differs from the target (a rebuilt preview). */
  served?: Target;
}

async function apply(
  tk: Toolkit,
  client: VercelClient,
  project: Project,
  target: Target,
  kind: Kind,
  inputs: Inputs,
  deadline: number,
): Promise<Outcome> {
  if (kind === "rebuild") return rebuildAndPromote(tk, client, project, target, inputs, deadline);
  const type = kind;
  const before = project.lastAliasRequest ?? undefined;
  if (
    before &&
    before.type === type &&
    before.toDeploymentId === target.id &&
    !FINISHED.has(before.jobStatus)
  ) {
    // An earlier run's request for the same change is still in flight: wait for it rather than send another.
    tk.info(
      `A ${type} to ${target.id} is already in progress (alias job ${before.jobStatus}): not sending another.`,
    );
    if (inputs.wait === 0) return { status: "requested" };
    const result = await waitForAliasJob(
      tk,
      client,
      project,
      type,
      target.id,
      before.requestedAt,
      undefined,
      deadline,
    );
    return { status: type === "rollback" ? "rolled-back" : "promoted", project: result };
  }
  const sentAt = Date.now();
  let status: number;
  try {
    tk.info(`Requesting ${type} of ${project.name} to ${target.id}…`);
    status =
      type === "rollback"
        ? await client.requestRollback(project.id, target.id, inputs.reason)
        : await client.requestPromote(project.id, target.id);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.status === 409) {
      // Someone (or an earlier run) made it current in between: confirm from the project.
      const now = await client.getProject(project.id);
      if (now.targets?.production?.id === target.id) return { status: "already-current", project: now };
      throw error;
    }
    if (!error.ambiguous) throw error;
    // No answer: the request may have been applied. Decide from the project, never send it again.
    tk.warning(
      `The ${type} request got no clear answer (${error.message}); reading the project to see whether it was applied.`,
    );
    const now = await client.getProject(project.id);
    const request = now.lastAliasRequest ?? undefined;
    if (now.targets?.production?.id === target.id && !isOurs(request, type, target.id, sentAt, before)) {
      return { status: type === "rollback" ? "rolled-back" : "promoted", project: now };
    }
    if (!isOurs(request, type, target.id, sentAt, before)) {
      throw new Error(
        `The ${type} request to Vercel failed without an answer (${error.message}), and the project shows no ${type} to ${target.id}: it was not applied. It was not sent again, to never ${type} twice. Re-run this action (it is safe to repeat).`,
      );
    }
    tk.info(`Vercel did accept the ${type} (alias job ${request?.jobStatus ?? "pending"}).`);
    status = 201;
  }
  if (status === 202) return { status: "queued" };
  if (inputs.wait === 0) return { status: "requested" };
  const result = await waitForAliasJob(tk, client, project, type, target.id, sentAt, before, deadline);
  return { status: type === "rollback" ? "rolled-back" : "promoted", project: result };
}

/** Whether the project's last alias request is the one this run made. */
function isOurs(
  request: AliasRequest | undefined,
  type: string,
  toDeploymentId: string,
  sentAt: number,
  before: AliasRequest | undefined,
): boolean {
  if (!request || request.type !== type || request.toDeploymentId !== toDeploymentId) return false;
  if (
    before &&
    request.requestedAt === before.requestedAt &&
    request.toDeploymentId === before.toDeploymentId
  ) {
    return false;
  }
  return request.requestedAt >= sentAt - CLOCK_SKEW_MS;
}

/** Polls the project until this run's alias job succeeds or fails; fast at first, then backing off. */
async function waitForAliasJob(
  tk: Toolkit,
  client: VercelClient,
  project: Project,
  type: string,
  toDeploymentId: string,
  sentAt: number,
  before: AliasRequest | undefined,
  deadline: number,
): Promise<Project> {
  let last: Project | undefined;
  const outcome = await pollUntil(tk, `the ${type} alias job to ${toDeploymentId}`, deadline, async () => {
    const now = await client.getProject(project.id);
    last = now;
    const request = now.lastAliasRequest ?? undefined;
    if (!request) return { done: false, state: "request not visible yet" };
    if (!isOurs(request, type, toDeploymentId, sentAt, before)) {
      if (request.requestedAt > sentAt && request.requestedAt !== before?.requestedAt) {
        return { done: true, value: { now, ending: "superseded", request } };
      }
      return { done: false, state: "request not visible yet" };
    }
    if (FINISHED.has(request.jobStatus)) {
      return { done: true, value: { now, ending: request.jobStatus, request } };
    }
    return { done: false, state: request.jobStatus };
  });
  if (outcome.outcome === "timeout") {
    const serving = last?.targets?.production?.id;
    throw new Error(
      `The ${type} to ${toDeploymentId} was accepted, but Vercel had not moved the domains after ${formatMs(outcome.elapsedMs)} (alias job: ${outcome.lastState ?? "unknown"}; production serves ${serving ?? "unknown"}). It may still complete: check the project's Deployments page, raise \`wait\`, or re-run this action later (it reports already-current once done).`,
    );
  }
  const { now, ending, request } = outcome.value;
  if (ending === "succeeded") return now;
  if (ending === "failed") {
    const failed = await client.failedAliases(project.id, type);
    const list = failed.length ? failed.map((a) => `${a.alias} (${a.status})`).join(", ") : "none listed";
    throw new Error(
      `Vercel's ${type} alias job to ${toDeploymentId} failed; production still serves ${now.targets?.production?.id ?? "unknown"}. Domains that did not move: ${list}. Check those domains in the project's Domains settings (DNS, certificates), then re-run this action.`,
    );
  }
  throw new Error(
    `The ${type} to ${toDeploymentId} was ${ending === "skipped" ? "skipped by Vercel" : `superseded by a newer ${request.type} to ${request.toDeploymentId}`}; production serves ${now.targets?.production?.id ?? "unknown"}. Someone else is changing production: check with them before re-running.`,
  );
}

type Poll<T> = () => Promise<{ done: true; value: T } | { done: false; state?: string }>;

/** `waitFor` in two phases: quick polls while a prompt answer is likely, then backed-off ones. */
async function pollUntil<T>(tk: Toolkit, what: string, deadline: number, poll: Poll<T>) {
  const started = Date.now();
  // waitFor counts per phase: show the time against the whole deadline instead.
  const onProgress = (line: string) =>
    tk.info(
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

/** A preview is rebuilt with production settings; once READY it serves, or is promoted when pinned. */
async function rebuildAndPromote(
  tk: Toolkit,
  client: VercelClient,
  project: Project,
  preview: Target,
  inputs: Inputs,
  deadline: number,
): Promise<Outcome> {
  tk.info(`Rebuilding preview ${preview.id} with production settings…`);
  const sentAt = Date.now();
  let build: Deployment;
  try {
    build = await client.rebuildForProduction(preview.id, project.name);
  } catch (error) {
    if (!(error instanceof HttpError) || !error.ambiguous) throw error;
    // No answer: look for the build it may have started; never start a second one.
    tk.warning(
      `The rebuild request got no clear answer (${error.message}); looking for the build it may have started.`,
    );
    const started = await findRebuild(client, project, preview, sentAt);
    if (!started) {
      throw new Error(
        `The request to rebuild preview ${preview.id} for production failed without an answer (${error.message}), and the project shows no new production build from it: it was not started. It was not sent again, to never start two builds. Re-run this action (it is safe to repeat).`,
      );
    }
    tk.info(`Vercel did start the rebuild: ${started.uid}.`);
    build = await client.getDeployment(started.uid);
  }
  const built = toTarget(build);
  tk.info(`New production deployment ${build.id} (${httpsUrl(build.url)}) is ${build.readyState}.`);
  if (inputs.wait === 0) return { status: "requested", served: built };
  const ready = await pollUntil(tk, `build of ${build.id}`, deadline, async () => {
    const d = await client.getDeployment(build.id);
    if (["READY", "ERROR", "CANCELED"].includes(d.readyState)) return { done: true, value: d };
    return { done: false, state: d.readyState };
  });
  if (ready.outcome === "timeout") {
    throw new Error(
      `The production rebuild ${build.id} of preview ${preview.id} was still ${ready.lastState ?? "building"} after ${formatMs(ready.elapsedMs)}. Production was not changed. Follow the build on Vercel, then run this action with deployment: ${build.id} once it is READY, or raise \`wait\`.`,
    );
  }
  if (ready.value.readyState !== "READY") {
    throw new Error(
      `The production rebuild ${build.id} of preview ${preview.id} ended ${ready.value.readyState}${ready.value.errorMessage ? `: ${ready.value.errorMessage}` : ""}. Production was not changed. Check the build logs on Vercel.`,
    );
  }
  const now = await client.getProject(project.id);
  if (now.targets?.production?.id === build.id) {
    return { status: "promoted", project: now, served: { ...built, readyState: "READY" } };
  }
  // Production is pinned (after a rollback), so the READY build stays staged: promote it.
  tk.info(`${build.id} is READY but staged (production is pinned): promoting it.`);
  const outcome = await apply(
    tk,
    client,
    now,
    { ...built, readyState: "READY" },
    "promote",
    inputs,
    deadline,
  );
  return { ...outcome, served: { ...built, readyState: "READY" } };
}

/** A production build started from `preview` since `sentAt` (same commit, created by a promote). */
async function findRebuild(
  client: VercelClient,
  project: Project,
  preview: Target,
  sentAt: number,
): Promise<DeploymentListItem | undefined> {
  const { deployments } = await client.listDeployments({
    projectId: project.id,
    target: "production",
    limit: 10,
  });
  return deployments.find(
    (d) =>
      d.createdAt >= sentAt - CLOCK_SKEW_MS &&
      d.meta?.action === "promote" &&
      (preview.sha === undefined || shaOf(d.meta) === preview.sha),
  );
}

/** Resolves an explicit target and checks it belongs to the project and can serve production. */
async function resolveExplicit(
  client: VercelClient,
  project: Project,
  idOrHost: string,
  strategy: Strategy,
): Promise<Target> {
  let deployment: Deployment;
  try {
    deployment = await client.getDeployment(idOrHost);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      throw new Error(
        `Deployment ${idOrHost} was not found on Vercel (404${error.code ? ` ${error.code}` : ""}). Check the \`deployment\` input (a dpl_… id or the deployment's own *.vercel.app URL, not a custom domain)${project ? " and that it is in the same team as the project" : ""}.`,
      );
    }
    throw error;
  }
  const target = toTarget(deployment);
  if (deployment.projectId && deployment.projectId !== project.id) {
    throw new Error(
      `Deployment ${deployment.id} belongs to another project (${deployment.projectId}), not ${project.name} (${project.id}). Pick a deployment of ${project.name}.`,
    );
  }
  if (deployment.readyState !== "READY") {
    throw new Error(
      `Deployment ${deployment.id} is ${deployment.readyState}, not READY: it cannot serve production. Pick a READY deployment, or leave \`deployment\` empty to pick the newest good one.`,
    );
  }
  if (deployment.target !== "production" && strategy === "rollback") {
    throw new Error(
      `Deployment ${deployment.id} is a preview deployment: an instant rollback needs a production deployment that served before. Use strategy: promote (it rebuilds the preview for production) or strategy: auto.`,
    );
  }
  if (strategy === "rollback" && deployment.readySubstate === "STAGED") {
    throw new Error(
      `Deployment ${deployment.id} never served production (it is staged): an instant rollback cannot target it. Use strategy: promote or strategy: auto.`,
    );
  }
  return target;
}

/**
 * When production already is the result of a rollback (pinned, last alias job a rollback to it), an
 * automatic pick keeps it: a second run must not roll back one step further. Going further back takes
 * an explicit `deployment`.
 */
function rolledBackTo(project: Project, current: Target | undefined): Target | undefined {
  const last = project.lastAliasRequest;
  const rolledBack =
    current &&
    project.autoAssignCustomDomains === false &&
    last?.type === "rollback" &&
    last.jobStatus === "succeeded" &&
    last.toDeploymentId === current.id;
  return rolledBack ? current : undefined;
}

/** The newest READY production deployment that served production and is older than the current one. */
async function pickAutomatically(
  tk: Toolkit,
  client: VercelClient,
  project: Project,
  current: Target | undefined,
): Promise<Target> {
  if (!current) {
    throw new Error(
      `Project ${project.name} has no current production deployment, so there is nothing to roll back from. Give \`deployment\` explicitly to promote one.`,
    );
  }
  const skipped: string[] = [];
  let until = current.createdAt;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { deployments, next } = await client.listDeployments({
      projectId: project.id,
      target: "production",
      limit: PAGE_SIZE,
      until,
    });
    for (const d of deployments) {
      const why = skipReason(d, current);
      if (!why) {
        tk.info(`Picked ${d.uid}, the newest good production deployment before ${current.id}.`);
        return fromListItem(d);
      }
      skipped.push(`${d.uid} (${new Date(d.createdAt).toISOString()}): ${why}`);
    }
    if (next === undefined || deployments.length === 0) break;
    until = next;
  }
  const considered = skipped.length
    ? `Considered, newest first:\n${skipped.map((line) => `- ${line}`).join("\n")}`
    : "Vercel listed no production deployments older than it.";
  throw new Error(
    `No deployment to roll back to: none of ${project.name}'s production deployments older than ${current.id} is READY and served production before. ${considered}\nGive \`deployment\` explicitly (a preview can be promoted with strategy: promote).`,
  );
}

function skipReason(d: DeploymentListItem, current: Target): string | undefined {
  if (d.uid === current.id) return "the current production deployment";
  if (current.createdAt !== undefined && d.createdAt >= current.createdAt)
    return "newer than the current one";
  if (d.readyState !== "READY") return `state ${d.readyState}`;
  if (d.target !== "production") return "not a production deployment";
  if (d.readySubstate === "STAGED") return "never served production (staged)";
  if (d.isRollbackCandidate === false) return "not a rollback candidate";
  return undefined;
}

function chooseKind(strategy: Strategy, target: Target): Kind {
  if (target.target !== "production") return "rebuild";
  if (strategy === "rollback") return "rollback";
  if (strategy === "promote") return "promote";
  // auto: a deployment that already served production rolls back instantly; a staged one is promoted.
  return target.readySubstate === "STAGED" ? "promote" : "rollback";
}

/** Turns a failure into what failed, Vercel's code and message, and what to try next. */
function explain(error: unknown, inputs: Inputs): string {
  if (!(error instanceof HttpError)) return errorMessage(error);
  const platform = `${error.status ?? error.code ?? error.kind}${error.code && error.status ? ` ${error.code}` : ""}${error.details.platformMessage ? `: ${error.details.platformMessage}` : ""}`;
  const what = `Vercel answered ${platform}.`;
  switch (error.status) {
    case 401:
      return `${what} The token was rejected: check the \`token\` secret holds a valid Vercel access token that has not expired or been revoked (Vercel → Account Settings → Tokens).`;
    case 403:
      return inputs.team
        ? `${what} The token may not access team "${inputs.team}" or this project: check the token's scope includes that team, and that \`team\` is the team that owns the project.`
        : `${what} The project probably belongs to a team: set \`team\` to the team id (team_…) or slug, and use a token with access to that team.`;
    case 404:
      return `${what} Check \`project\` (id or exact name)${inputs.team ? ` and that it belongs to team "${inputs.team}"` : " and, for a team project, set `team`"}.`;
    case 402:
      return `${what} The plan allows rolling back only to the immediately previous production deployment: leave \`deployment\` empty to pick it, or upgrade the plan.`;
    case 410:
      return `${what} The deployment was deleted: pick another deployment, or leave \`deployment\` empty to pick the newest good one.`;
    case 409:
      return `${what} Another rollback or promote may be in progress: wait for it, then re-run this action.`;
    case 422:
      return `${what} Vercel refused this target: it must be a READY production deployment of the project (use strategy: promote for one that never served production).`;
    case 429:
      return `${what} Vercel kept rate-limiting the requests: try again in a few minutes.`;
    default:
      if (error.status !== undefined && error.status >= 500) {
        return `${what} Vercel's API is failing: check https://www.vercel-status.com and re-run this action (it is safe to repeat).`;
      }
      return `${errorMessage(error)} Check \`api-url\` and the network, then re-run this action (it is safe to repeat).`;
  }
}

function toTarget(d: Deployment): Target {
  return {
    id: d.id,
    url: d.url,
    createdAt: d.createdAt,
    readyState: d.readyState,
    readySubstate: d.readySubstate,
    target: d.target,
    commit: commitOf(d.meta),
    sha: shaOf(d.meta),
  };
}

/** List items name their id `uid`; otherwise they read like a single deployment. */
function fromListItem(d: DeploymentListItem): Target {
  return toTarget({ ...d, id: d.uid });
}

function shaOf(meta: Record<string, unknown> | undefined): string | undefined {
  const sha = meta?.githubCommitSha ?? meta?.gitlabCommitSha ?? meta?.bitbucketCommitSha;
  return typeof sha === "string" ? sha : undefined;
}

function commitOf(meta: Record<string, unknown> | undefined): string | undefined {
  const sha = shaOf(meta);
  const message = meta?.githubCommitMessage ?? meta?.gitlabCommitMessage ?? meta?.bitbucketCommitMessage;
  if (typeof sha !== "string") return undefined;
  const subject = typeof message === "string" ? ` ${message.split("\n")[0]}` : "";
  return `${sha.slice(0, 7)}${subject}`;
}

function httpsUrl(url: string): string {
  return url ? (/^https?:\/\//.test(url) ? url : `https://${url}`) : "";
}

function describe(t: Target): string {
  const created = t.createdAt !== undefined ? `, created ${new Date(t.createdAt).toISOString()}` : "";
  const kind =
    t.target === "production" ? `production${t.readySubstate ? ` ${t.readySubstate}` : ""}` : "preview";
  return `${t.id} (${httpsUrl(t.url)}, ${t.readyState} ${kind}${created}${t.commit ? `, ${t.commit}` : ""})`;
}

function fromTo(
  summary: Summary,
  from: Target | undefined,
  to: Target,
  outcome: string,
  reason: string,
): void {
  const row = (label: string, t: Target | undefined) =>
    t
      ? [
          label,
          t.id,
          link(t.url, httpsUrl(t.url)),
          t.commit,
          t.createdAt ? new Date(t.createdAt).toISOString() : undefined,
        ]
      : [label, "none"];
  summary.text(`**${to.id}** ${outcome}`);
  summary.table(["", "deployment", "URL", "commit", "created"], [row("from", from), row("to", to)]);
  if (reason) summary.text(`**Reason:** ${reason}`);
}

function pinNote(summary: Summary, pinned: boolean, serving: Target): void {
  if (!pinned) return;
  summary.text(
    [
      "**Production is pinned** (auto-assignment of production domains is off): new production deploys build",
      "but stay staged and do not serve until someone promotes one. To undo, run this action with",
      `\`strategy: promote\` and \`deployment: <the deployment to serve>\` (for example ${serving.id} to keep this one);`,
      "a promote turns auto-assignment back on.",
    ].join(" "),
  );
}
