import { HttpError } from "../core/http.ts";
import { InputError, input, inputError, readInputs } from "../core/inputs.ts";
import { link, Summary, setOutputs } from "../core/report.ts";
import { errorMessage } from "../core/secrets.ts";
import type { Toolkit } from "../core/toolkit.ts";
import { formatMs, waitFor } from "../core/wait.ts";
import {
  connect,
  DEFAULT_API_URL,
  type Deployment,
  type Named,
  type Project,
  type RailwayClient,
  RailwayError,
} from "../platforms/railway/client.ts";
import {
  chooseTarget,
  classifyStatus,
  dashboardUrl,
  findNewDeployment,
  madeFrom,
  type Skipped,
} from "../platforms/railway/deployments.ts";
import { waitForDeployment } from "../platforms/railway/watch.ts";

type Strategy = "rollback" | "redeploy" | "restart";
type Status =
  | "rolled-back"
  | "redeployed"
  | "restarted"
  | "already-current"
  | "requested"
  | "planned"
  | "failed";

const DONE: Record<Strategy, Status> = {
  rollback: "rolled-back",
  redeploy: "redeployed",
  restart: "restarted",
};
const VERB: Record<Strategy, string> = { rollback: "roll back", redeploy: "redeploy", restart: "restart" };
/** Worst last: with several services, `status` is the worst of theirs. */
const SEVERITY: Status[] = [
  "already-current",
  "rolled-back",
  "redeployed",
  "restarted",
  "planned",
  "requested",
  "failed",
];
/** Deployments read per service: enough history to find a good one past a few bad deploys. */
const HISTORY = 20;
/** How long to look for the deployment a rollback created (Railway answers `true` before listing it). */
const FIND_NEW_MS = 20_000;

interface Context {
  client: RailwayClient;
  project: Project;
  environment: Named;
  strategy: Strategy;
  explicit: string | undefined;
  waitMs: number;
  dryRun: boolean;
  tk: Toolkit;
}

interface ServiceResult {
  service: Named;
  status: Status;
  from?: string;
  to?: string;
  newDeploymentId?: string;
  url?: string;
  /** Why it failed, or what a person should know. */
  message?: string;
  skipped: Skipped[];
  elapsedMs: number;
  /** The mutation was sent: after a failure, production may have changed. */
  sent?: boolean;
}

export async function railwayRedeploy(tk: Toolkit): Promise<void> {
  const started = Date.now();
  const inputs = readRailwayInputs(tk);
  const summary = new Summary(`Railway ${inputs.strategy}`, started);
  let context: Context;
  let results: ServiceResult[];
  try {
    const plan = await planRollback(tk, inputs);
    context = plan.context;
    results = await Promise.all(plan.services.map((service) => runService(context, service)));
    tk.info(`Railway API requests: ${context.client.requestCount}.`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    setOutputs(tk, { status: "failed", deployments: "[]" });
    summary.text(`Nothing was changed: ${errorMessage(error)}`);
    await summary.write(tk, "failed");
    throw error;
  }
  await report(tk, summary, context, results);
}

// —— inputs ——

type RailwayInputs = ReturnType<typeof readRailwayInputs>;

/** Every input, and the checks across them, before any request; all problems in one error. */
function readRailwayInputs(tk: Toolkit) {
  const inputs = readInputs(tk, {
    token: input.secret({ required: true, example: "${{ secrets.RAILWAY_TOKEN }}" }),
    "token-type": input.choice(["auto", "project", "account"], "auto"),
    project: input.optional(),
    environment: input.text({ default: "production", required: true, example: '"production"' }),
    services: input.list({ required: true, example: '"backend, ai-engine"' }),
    deployment: input.optional(),
    strategy: input.choice(["rollback", "redeploy", "restart"], "rollback"),
    wait: input.duration("10m"),
    "api-url": input.url({ default: DEFAULT_API_URL, example: `"${DEFAULT_API_URL}"` }),
    "dry-run": input.boolean(false),
  });
  const services = [...new Set(inputs.services)];
  const explicit = inputs.deployment;
  const problems: InputError[] = [];
  if (explicit !== undefined && !/^[\w-]{1,100}$/.test(explicit)) {
    problems.push(
      inputError("deployment", "is not a Railway deployment id.", '"0f2c6a4e-1b7d-4f3a-9c8e-2d5b7a1e3c90"'),
    );
  }
  if (explicit && services.length > 1) {
    problems.push(
      inputError(
        "deployment",
        `is set, but services lists ${services.length} services: an explicit target deployment belongs to one service. List only that service, or leave deployment empty to pick each service's last good deployment.`,
        'services: "backend" with deployment: "<id of a backend deployment>"',
      ),
    );
  }
  if (explicit && inputs.strategy === "restart") {
    problems.push(
      inputError(
        "deployment",
        "is set, but strategy restart always restarts the active deployment: leave deployment empty, or use strategy rollback or redeploy.",
        '""',
      ),
    );
  }
  if (inputs["token-type"] === "account" && !inputs.project) {
    problems.push(
      inputError(
        "project",
        "is required with an account or workspace token (only a project token implies its project).",
        '"shop" or the project id',
      ),
    );
  }
  if (problems.length) throw new InputError(problems.map((problem) => problem.message).join("\n"));
  return { ...inputs, services, token: inputs.token as string };
}

// —— plan ——

/** Connects, then resolves the project, environment and services by name or id: reads only. */
async function planRollback(
  tk: Toolkit,
  inputs: RailwayInputs,
): Promise<{ context: Context; services: Named[] }> {
  const { client, scope } = await connect({
    token: inputs.token,
    tokenType: inputs["token-type"],
    apiUrl: inputs["api-url"],
    log: (line) => tk.info(line),
  });
  const project = await resolveProject(client, scope, inputs.project);
  const environment = resolveEnvironment(project, scope, inputs.environment);
  const services = resolveServices(project, inputs.services);
  tk.info(
    `Railway project ${project.name}, environment ${environment.name}: ${inputs.strategy} ${services.map((s) => s.name).join(", ")}${inputs["dry-run"] ? " (dry run)" : ""}.`,
  );
  const context: Context = {
    client,
    project,
    environment,
    strategy: inputs.strategy,
    explicit: inputs.deployment,
    waitMs: inputs.wait,
    dryRun: inputs["dry-run"],
    tk,
  };
  return { context, services };
}

// —— report ——

/** Outputs (the worst status of all services), the summary, and one failure naming each failed service. */
async function report(
  tk: Toolkit,
  summary: Summary,
  context: Context,
  results: ServiceResult[],
): Promise<void> {
  const status = SEVERITY[Math.max(...results.map((r) => SEVERITY.indexOf(r.status)))] as Status;
  const single = results.length === 1 ? results[0] : undefined;
  setOutputs(tk, {
    status,
    deployments: JSON.stringify(
      results.map((r) => ({
        service: r.service.name,
        "service-id": r.service.id,
        from: r.from ?? null,
        to: r.to ?? null,
        "new-deployment-id": r.newDeploymentId ?? null,
        status: r.status,
        url: r.url ?? null,
        ...(r.status === "failed" ? { error: r.message ?? null } : {}),
      })),
    ),
    "deployment-id":
      single?.newDeploymentId ?? (single?.status === "already-current" ? single.from : undefined),
  });
  writeSummary(summary, context, results);
  await summary.write(tk, status);
  const failed = results.filter((r) => r.status === "failed");
  if (failed.length) {
    tk.setFailed(
      `Railway ${context.strategy} failed for ${failed.map((r) => r.service.name).join(", ")}:\n${failed
        .map((r) => `- ${r.service.name}: ${r.message}`)
        .join("\n")}`,
    );
  }
}

// —— resolve ——

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function names(items: Named[]): string {
  return items.length ? items.map((i) => i.name).join(", ") : "(none)";
}

async function resolveProject(
  client: RailwayClient,
  scope: { projectId: string; environmentId: string } | undefined,
  wanted: string | undefined,
): Promise<Project> {
  if (scope) {
    const project = await client.project(scope.projectId);
    if (wanted && wanted !== project.id && wanted !== project.name) {
      throw new Error(
        `The project token belongs to project "${project.name}" (${project.id}), but project is "${wanted}". Use a token of that project, or leave project empty.`,
      );
    }
    return project;
  }
  if (!wanted) {
    throw new Error(
      'Input "project" is required with an account or workspace token (only a project token implies its project). Example: "shop" or the project id',
    );
  }
  if (UUID.test(wanted)) {
    try {
      return await client.project(wanted);
    } catch (error) {
      if (!(error instanceof RailwayError)) throw error;
      // Not a project id after all (or not visible): look it up by name below.
    }
  }
  let projects: Named[];
  try {
    projects = await client.projects();
  } catch (error) {
    if (error instanceof RailwayError) {
      throw new Error(
        `${error.message}. Railway did not let this token (sent as an account/workspace token, Bearer) list projects or read project "${wanted}". If it is a project token, set token-type: project or auto; if it is a workspace token, give the project id (project settings → General).`,
      );
    }
    throw error;
  }
  const found = projects.find((p) => p.id === wanted || p.name === wanted);
  if (!found) {
    throw new Error(
      `No Railway project "${wanted}" is visible to this token. Projects it can see: ${names(projects)}.`,
    );
  }
  return client.project(found.id);
}

function resolveEnvironment(
  project: Project,
  scope: { projectId: string; environmentId: string } | undefined,
  wanted: string,
): Named {
  const found = project.environments.find((e) => e.id === wanted || e.name === wanted);
  if (scope) {
    const own = project.environments.find((e) => e.id === scope.environmentId) ?? {
      id: scope.environmentId,
      name: scope.environmentId,
    };
    if (!found || found.id !== own.id) {
      throw new Error(
        `The project token is scoped to environment "${own.name}", but environment is "${wanted}". Set environment: ${own.name}, or use a project token created for "${wanted}".`,
      );
    }
    return own;
  }
  if (!found) {
    throw new Error(
      `Project "${project.name}" has no environment "${wanted}". Its environments: ${names(project.environments)}.`,
    );
  }
  return found;
}

function resolveServices(project: Project, wanted: string[]): Named[] {
  const missing = wanted.filter((w) => !project.services.some((s) => s.id === w || s.name === w));
  if (missing.length) {
    throw new Error(
      `Project "${project.name}" has no service ${missing.map((m) => `"${m}"`).join(", ")}. Its services: ${names(project.services)}. Check the services input (names are case-sensitive).`,
    );
  }
  const found = wanted.map((w) => project.services.find((s) => s.id === w || s.name === w) as Named);
  return [...new Map(found.map((s) => [s.id, s])).values()];
}

// —— one service ——

async function runService(ctx: Context, service: Named): Promise<ServiceResult> {
  const started = Date.now();
  const result: ServiceResult = { service, status: "failed", skipped: [], elapsedMs: 0 };
  const say = (line: string) => ctx.tk.info(`[${service.name}] ${line}`);
  const warn = (line: string) => ctx.tk.warning(`[${service.name}] ${line}`);
  try {
    await planAndApply(ctx, service, result, say, warn);
  } catch (error) {
    result.status = "failed";
    result.message = failureMessage(error, result);
    ctx.tk.info(`[${service.name}] failed: ${result.message}`);
  }
  result.elapsedMs = Date.now() - started;
  return result;
}

function failureMessage(error: unknown, result: ServiceResult): string {
  const message = errorMessage(error);
  if (error instanceof RailwayError && error.notAuthorized) {
    return `${message}. The token may not act on this service: check it belongs to this project and environment.`;
  }
  if (error instanceof HttpError && error.kind === "rate-limit") {
    return `${message}. Railway's rate limit was reached (Free plans allow 100 requests an hour): try again later.`;
  }
  return result.sent ? message : `${message} Nothing was changed for this service.`;
}

async function planAndApply(
  ctx: Context,
  service: Named,
  result: ServiceResult,
  say: (line: string) => void,
  warn: (line: string) => void,
): Promise<void> {
  const { client, project, environment, strategy } = ctx;
  const url = (id: string) => dashboardUrl(project.id, service.id, environment.id, id);
  const state = await client.serviceDeployments(project.id, environment.id, service.id, HISTORY);
  const active = state.active[0];
  // With nothing serving (the bad deploy crashed), the newest deployment is the one to move away from.
  const reference = active ?? state.deployments[0];
  if (!reference) throw new Error(`Service ${service.name} has no deployments in ${environment.name}.`);
  result.from = reference.id;
  say(`Active: ${active ? describe(active) : `none (newest: ${describe(reference)})`}.`);

  let target: Deployment;
  if (strategy === "restart") {
    if (!active) {
      throw new Error(
        `Nothing is running to restart (newest deployment ${reference.id} is ${reference.status}, ${url(reference.id)}). Use strategy rollback to go back to a good deployment.`,
      );
    }
    target = active;
  } else if (ctx.explicit) {
    target = await explicitTarget(ctx, service, state.deployments, ctx.explicit);
    if (active && (active.id === target.id || madeFrom(active, target.id))) {
      result.to = target.id;
      result.status = "already-current";
      say(
        active.id === target.id
          ? `Deployment ${target.id} is already active: nothing to do.`
          : `The active deployment ${active.id} was made from ${target.id}: already current, nothing to do.`,
      );
      return;
    }
    if (strategy === "rollback" && target.canRollback === false) {
      throw new Error(
        `Railway does not allow rolling back to ${target.id} (canRollback: false: its image is past the plan's retention). Use strategy redeploy to rebuild it from source, or pick a newer deployment.`,
      );
    }
    if (classifyStatus(target.status) === "failed" && target.status !== "REMOVED") {
      warn(`The target ${target.id} ended ${target.status}; going back to it anyway, as asked.`);
    }
  } else {
    const choice = chooseTarget(reference, state.deployments);
    result.skipped = choice.skipped;
    for (const s of choice.skipped) say(`Skipped ${s.id} (${s.status}): ${s.reason}.`);
    if (choice.kind === "current") {
      result.to = choice.source.id;
      result.status = "already-current";
      say(
        `The active deployment ${reference.id} was itself made from ${choice.source.id} (a previous rollback): already current. To go further back, give deployment explicitly.`,
      );
      return;
    }
    if (choice.kind === "none") {
      throw new Error(
        `No deployment to ${VERB[strategy]} to: ${choice.reason} among the last ${state.deployments.length}. Give deployment explicitly (see ${url(reference.id)}).`,
      );
    }
    target = choice.target;
  }
  result.to = target.id;

  if (ctx.dryRun) {
    result.status = "planned";
    say(
      strategy === "restart"
        ? `Would restart ${describe(target)}.`
        : `Would ${VERB[strategy]} from ${describe(reference)} to ${describe(target)}.`,
    );
    return;
  }

  const known = new Set([...state.deployments, ...state.active].map((d) => d.id));
  say(
    strategy === "restart"
      ? `Restarting ${target.id}…`
      : `${capital(VERB[strategy])} to ${describe(target)}…`,
  );
  result.sent = true;
  const created = await mutate(ctx, service, target, known, say, warn);
  result.newDeploymentId = created.id;
  result.url = url(created.id);
  say(`New deployment: ${created.id} (${result.url}).`);

  if (ctx.waitMs === 0) {
    result.status = "requested";
    say("wait is 0: not waiting for it to finish.");
    return;
  }
  const outcome = await waitForDeployment(client, created.id, {
    timeoutMs: ctx.waitMs,
    log: (line) => (line.startsWith("warning: ") ? warn(line.slice(9)) : say(line)),
    what: `deployment ${created.id}`,
  });
  if (outcome.outcome === "success") {
    result.status = DONE[strategy];
    say(`Deployment ${created.id} is ${outcome.status} after ${formatMs(outcome.elapsedMs)}.`);
    return;
  }
  if (outcome.outcome === "timeout") {
    throw new Error(
      `Deployment ${created.id} did not reach SUCCESS within ${formatMs(ctx.waitMs)} (last status ${outcome.status ?? "unknown"}). It may still finish: see ${result.url}. Raise wait if deploys take longer.`,
    );
  }
  const hint =
    outcome.status === "REMOVED"
      ? "another deployment replaced it (a push or another rollback?): check which deployment serves now"
      : `check its logs; the previous deployment ${reference.id} may still serve. Try another target with deployment: <id>`;
  throw new Error(`Deployment ${created.id} ended ${outcome.status}: ${hint}. ${result.url}`);
}

async function explicitTarget(
  ctx: Context,
  service: Named,
  history: Deployment[],
  id: string,
): Promise<Deployment> {
  let target = history.find((d) => d.id === id);
  if (!target) {
    try {
      target = await ctx.client.deployment(id);
    } catch (error) {
      if (error instanceof RailwayError) {
        throw new Error(
          `Deployment ${id} was not found (${error.messages.join("; ")}). Check the deployment input: copy the id from the service's Deployments tab.`,
        );
      }
      throw error;
    }
  }
  if (
    (target.serviceId && target.serviceId !== service.id) ||
    (target.environmentId && target.environmentId !== ctx.environment.id)
  ) {
    throw new Error(
      `Deployment ${id} belongs to another service or environment, not ${service.name} in ${ctx.environment.name}. Check the deployment and services inputs.`,
    );
  }
  return target;
}

/**
 * Sends the one mutation, never twice. When the answer is lost (ambiguous), or when Railway answers only
 * `true` (rollback, restart), the outcome is read back from the service's deployments.
 */
async function mutate(
  ctx: Context,
  service: Named,
  target: Deployment,
  known: Set<string>,
  say: (line: string) => void,
  warn: (line: string) => void,
): Promise<Deployment> {
  const { client, strategy } = ctx;
  let ambiguous: HttpError | undefined;
  try {
    if (strategy === "redeploy") return await client.redeploy(target.id);
    if (strategy === "rollback") await client.rollback(target.id);
    else await client.restart(target.id);
  } catch (error) {
    if (!(error instanceof HttpError && error.ambiguous)) throw error;
    ambiguous = error;
    say(
      `The answer to the ${strategy} was lost (${error.message}); reading the service to see whether Railway acted.`,
    );
  }
  if (strategy === "restart") {
    const now = await client.deployment(target.id);
    if (ambiguous && classifyStatus(now.status) === "success") {
      throw new Error(
        `The restart request's answer was lost and ${target.id} still reports ${now.status}, so it is unknown whether Railway restarted it. It was not sent again: check ${dashboardUrl(ctx.project.id, service.id, ctx.environment.id, target.id)} and re-run if needed.`,
      );
    }
    return now;
  }
  const found = await waitFor<Deployment>({
    what: `the new deployment of ${service.name}`,
    timeoutMs: FIND_NEW_MS,
    initialDelayMs: 1000,
    maxDelayMs: 4000,
    onProgress: say,
    poll: async () => {
      const after = await client.serviceDeployments(ctx.project.id, ctx.environment.id, service.id, 10);
      const { found, others } = findNewDeployment(known, after.deployments, target.id);
      if (!found) {
        if (others.length > 1) {
          throw new Error(
            `Several new deployments appeared (${others.map((d) => d.id).join(", ")}) and none names ${target.id} in its meta, so the one this ${strategy} created cannot be told apart safely. Check the service's deployments on Railway.`,
          );
        }
        return { done: false, state: "not listed yet" };
      }
      for (const other of others) {
        warn(
          `Another deployment ${other.id} (${other.status}) started during the ${strategy}; when it finishes it may replace the ${strategy}.`,
        );
      }
      return { done: true, value: found };
    },
  });
  if (found.outcome === "done") return found.value;
  throw new Error(
    ambiguous
      ? `The ${strategy} request's answer was lost and no new deployment appeared within ${formatMs(FIND_NEW_MS)}, so Railway probably did not act. It was not sent again, to avoid a double ${strategy}: re-run the action (it is safe to repeat).`
      : `Railway accepted the ${strategy} but no new deployment appeared within ${formatMs(FIND_NEW_MS)}. Check the service's deployments on Railway.`,
  );
}

// —— report ——

function describe(d: Deployment): string {
  const meta = d.meta && typeof d.meta === "object" ? (d.meta as Record<string, unknown>) : {};
  const message = typeof meta.commitMessage === "string" ? `, "${meta.commitMessage.split("\n")[0]}"` : "";
  return `${d.id} (${d.status}, ${d.createdAt}${message})`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function writeSummary(summary: Summary, ctx: Context, results: ServiceResult[]): void {
  const url = (service: Named, id: string | undefined) =>
    id ? link(id, dashboardUrl(ctx.project.id, service.id, ctx.environment.id, id)) : undefined;
  summary.text(
    `Project **${ctx.project.name}**, environment **${ctx.environment.name}**, strategy \`${ctx.strategy}\`${ctx.dryRun ? " (dry run: nothing changed)" : ""}.`,
  );
  summary.table(
    ["Service", "Status", "From", "To", "New deployment", "Time", "Note"],
    results.map((r) => [
      r.service.name,
      r.status,
      url(r.service, r.from),
      url(r.service, r.to),
      url(r.service, r.newDeploymentId),
      formatMs(r.elapsedMs),
      r.message,
    ]),
  );
  const skipped = results.flatMap((r) =>
    r.skipped.map((s) => `${r.service.name}: skipped ${s.id} (${s.status}): ${s.reason}`),
  );
  if (skipped.length)
    summary.details("Deployments skipped by the automatic choice", skipped.map((s) => `- ${s}`).join("\n"));
}
