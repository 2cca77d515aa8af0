import type { ActionContext, NothingToDo } from "../../core/action.ts";
import type { Outputs, Summary } from "../../core/report.ts";
import type { MigrationCheck } from "../../migrations/check.ts";
import { describeMigrations } from "../../migrations/report.ts";
import { type AliasRequest, VercelClient } from "../../platforms/vercel/client.ts";
import { advice, Scoped } from "./explain.ts";
import { type InFlight, listInFlight } from "./in-flight.ts";
import type { VercelPromoteInputs } from "./inputs.ts";
import { migrationsOf } from "./migrations.ts";
import { chooseKind, type Kind, pickAutomatically, resolveExplicit, rolledBackTo } from "./pick.ts";
import {
  describeTarget,
  fromToTable,
  httpsUrl,
  productionTarget,
  reasonLine,
  type Target,
} from "./target.ts";

// Vercel records a rollback description of at most 250 UTF-16 code units.
const MAX_DESCRIPTION = 250;

export interface VercelPlan {
  dryRun: boolean;
  /** pinned: auto-assignment is off (a rollback's pin, or a pause, which turns it off too). */
  project: { id: string; name: string; team: string | undefined; pinned: boolean; paused: boolean };
  from: Target | undefined;
  target: Target;
  kind: Kind;
  verb: string;
  /** As given, for the summary; `description` is what Vercel records. */
  reason: string;
  description: string;
  alreadyCurrent: boolean;
  /** Production is where an earlier rollback put it, so an automatic run stays. */
  rolledBack: boolean;
  /** An ACTIVE rolling release that the rollback reverts. */
  release: { canary: string | undefined; percentage: number | undefined } | undefined;
  /** The project's last alias request before this run: a new one is this run's. */
  before: AliasRequest | undefined;
  inFlight: InFlight[];
  cancelInFlight: boolean;
  waitMs: number;
  /** Migrations between the target and production (undefined with `migrations: ignore`). */
  migrations: MigrationCheck | undefined;
}

export function vercelClient(ctx: ActionContext<VercelPromoteInputs>): VercelClient {
  const { settings } = ctx;
  return new VercelClient({
    token: settings.token as string,
    baseUrl: settings["api-url"],
    team: settings.team,
    log: ctx.log,
  });
}

export async function planVercelPromote(ctx: ActionContext<VercelPromoteInputs>): Promise<VercelPlan> {
  let planned: Omit<VercelPlan, "migrations">;
  try {
    planned = await plan(ctx);
  } catch (error) {
    throw new Scoped(error, ctx.settings.team);
  }
  return { ...planned, migrations: await migrationsOf(ctx, planned) };
}

async function plan(ctx: ActionContext<VercelPromoteInputs>): Promise<Omit<VercelPlan, "migrations">> {
  const { settings, log } = ctx;
  const client = vercelClient(ctx);
  const project = await client.getProject(settings.project);
  const current = project.targets?.production ?? undefined;
  log.info(
    `Project ${project.name} (${project.id})${settings.team ? `, team ${settings.team}` : ""}: production serves ${current ? `${current.id} (${current.url ?? "?"})` : "nothing"}.`,
  );
  const from: Target | undefined = current && productionTarget(current);
  const rolling = await client.getRollingRelease(project.id);
  const active = rolling?.state === "ACTIVE" ? rolling : undefined;
  const rolledBack = !settings.deployment && !active && rolledBackTo(project, from?.id);
  let target: Target;
  if (settings.deployment)
    target = await resolveExplicit(client, project, settings.deployment, settings.strategy);
  else if (active?.currentDeployment) {
    // During a rolling release, the stable deployment still serves most visitors: go back to it wholly.
    log.info(
      `A rolling release is ACTIVE (canary ${active.canaryDeployment?.id ?? "unknown"}): rolling back to its current deployment.`,
    );
    target = await resolveExplicit(client, project, active.currentDeployment.id, "rollback");
  } else if (rolledBack && from) target = from;
  else if (!from) throw new Error(advice.noProduction(project.name));
  else target = await pickAutomatically(client, log, project, from);
  const kind = chooseKind(settings.strategy, target);
  const verb = { rollback: "roll back", promote: "promote", rebuild: "rebuild for production and promote" }[
    kind
  ];
  log.info(`Target: ${describeTarget(target)}.`);
  log.info(`Plan: ${verb} ${target.id}${from ? ` (production now ${from.id})` : ""}.`);

  const description = shorten(settings.reason, MAX_DESCRIPTION);
  if (description !== settings.reason) log.warn(advice.reasonShortened(settings.reason.length, description));
  const inFlight = await listInFlight(client, { projectId: project.id, newerThan: target.createdAt });
  if (inFlight.length && !settings["cancel-in-flight"]) {
    log.warn(advice.inFlightLeftAlone(inFlight.map((d) => d.id).join(", ")));
  }
  return {
    dryRun: settings["dry-run"],
    project: {
      id: project.id,
      name: project.name,
      team: settings.team,
      pinned: project.autoAssignCustomDomains === false,
      paused: project.paused === true,
    },
    from,
    target,
    kind,
    verb,
    reason: settings.reason,
    description,
    alreadyCurrent: from?.id === target.id && !active,
    rolledBack,
    release: active && {
      canary: active.canaryDeployment?.id,
      percentage: active.activeStage?.targetPercentage,
    },
    before: project.lastAliasRequest ?? undefined,
    inFlight,
    cancelInFlight: settings["cancel-in-flight"],
    waitMs: settings.wait,
  };
}

/** At most `max` UTF-16 units, cut at a word where one is near, never inside a surrogate pair. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? "")) cut--;
  const space = text.lastIndexOf(" ", cut);
  if (space > max * 0.8) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}

export function nothingToDo(plan: VercelPlan): NothingToDo | undefined {
  if (!plan.alreadyCurrent || plan.dryRun) return undefined;
  // Builds on their way are still stopped when they could take production (not pinned) and may be.
  if (plan.inFlight.length && plan.cancelInFlight && !plan.project.pinned) return undefined;
  const id = plan.target.id;
  return {
    status: "already-current",
    reason: plan.rolledBack ? advice.alreadyRolledBack(id) : advice.alreadyCurrent(id),
  };
}

export function planOutputs(plan: VercelPlan): Outputs {
  return {
    "deployment-id": plan.target.id,
    "deployment-url": httpsUrl(plan.target.url),
    "previous-deployment-id": plan.from?.id,
    "auto-assign-disabled": (!plan.alreadyCurrent && plan.kind === "rollback") || plan.project.pinned,
    cancelled: "[]",
  };
}

export function describeVercelPromote(plan: VercelPlan, summary: Summary): void {
  const what = plan.alreadyCurrent
    ? "already serves production: a run would change nothing"
    : `${plan.dryRun ? "would " : ""}${plan.verb} ${plan.project.name} to it`;
  summary.text(`**${plan.target.id}** ${plan.dryRun ? `dry run: ${what} (nothing changed).` : `${what}.`}`);
  fromToTable(summary, plan.from, plan.target);
  if (plan.release) {
    summary.text(
      `A rolling release is in progress (canary ${plan.release.canary ?? "unknown"}${plan.release.percentage !== undefined ? ` at ${plan.release.percentage}%` : ""}): rolling back to its current deployment ends it.`,
    );
  }
  if (plan.inFlight.length) {
    const fate = !plan.cancelInFlight
      ? "left alone (`cancel-in-flight: false`)"
      : plan.dryRun
        ? "would be cancelled"
        : "to cancel";
    summary.text(`**Production builds on their way** (${fate}):`);
    summary.list(plan.inFlight.map((d) => `${d.id} ${d.state}: ${d.origin}`));
  }
  reasonLine(summary, plan.reason);
  if (plan.kind === "rollback" && !plan.alreadyCurrent) summary.text(advice.environment);
  if (plan.alreadyCurrent && plan.project.pinned)
    summary.text(plan.project.paused ? advice.paused : advice.pinned(plan.target.id));
  describeMigrations(plan.migrations, summary);
}
