import type { ActionContext } from "../../core/action.ts";
import { setOutputs } from "../../core/report.ts";
import { checkMigrations, type MigrationCheck, type Range } from "../../migrations/check.ts";
import { migrationsOutput, stopIfBlocked } from "../../migrations/report.ts";
import {
  connect,
  type Deployment,
  type Named,
  type Project,
  type RailwayClient,
} from "../../platforms/railway/client.ts";
import type { AutoDeployStatus, Drift } from "../../platforms/railway/config.ts";
import { metaText, type Skipped } from "../../platforms/railway/deployments.ts";
import { resolveEnvironment, resolveProject, resolveServices } from "../../platforms/railway/resolve.ts";
import { PlanFailure, prefixed } from "./explain.ts";
import { checkInputs, type railwayInputs, type Strategy } from "./inputs.ts";
import { planService } from "./service.ts";

export interface RailwayPlan {
  client: RailwayClient;
  project: Project;
  environment: Named;
  strategy: Strategy;
  waitMs: number;
  dryRun: boolean;
  cancelInFlight: boolean;
  freeze: boolean;
  services: ServicePlan[];
  /** Migrations between each target and production (undefined with `migrations: ignore`). */
  migrations: MigrationCheck | undefined;
}

interface Base {
  service: Named;
  /** What serves now (or the newest deployment when nothing does). */
  from?: Deployment;
  skipped: Skipped[];
}

export interface ChangePlan extends Base {
  kind: "change";
  from: Deployment;
  active: Deployment | undefined;
  target: Deployment;
  /** Every deployment id listed before the change: the new one is the one not among them. */
  known: string[];
  /** Another run's rollback/redeploy of the same target, still on its way: followed, none sent. */
  follow: Deployment | undefined;
  /** Deployments newer than the target still building or queued: cancelled first (cancel-in-flight). */
  inFlight: Deployment[];
  /** Variable names a rollback changes; undefined when not compared. */
  drift: Drift | undefined;
  autoDeploy: AutoDeployStatus | undefined;
  /** What a person should know about the plan (a drift read that failed, say). */
  notes: string[];
}

export interface CurrentPlan extends Base {
  kind: "current";
  /** The deployment production already runs, as far as the history tells. */
  to: string;
  reason: string;
}

export interface FailedPlan extends Base {
  kind: "failed";
  error: unknown;
}

export type ServicePlan = ChangePlan | CurrentPlan | FailedPlan;

type Ctx = ActionContext<typeof railwayInputs>;

/** Connects, resolves names and ids, and decides per service: reads only. */
export async function planRailway(ctx: Ctx): Promise<RailwayPlan> {
  const { settings } = ctx;
  const services = [...new Set(settings.services)];
  checkInputs({ ...settings, services });
  const token = await connect({
    token: settings.token as string,
    tokenType: settings["token-type"],
    apiUrl: settings["api-url"],
    logger: ctx.log,
  });
  const project = await resolveProject(token, settings.project);
  const environment = resolveEnvironment(project, token, settings.environment);
  const resolved = resolveServices(project, services);
  ctx.log.info(
    `Railway project ${project.name}, environment ${environment.name}: ${settings.strategy} ${resolved.map((s) => s.name).join(", ")}${settings["dry-run"] ? " (dry run)" : ""}.`,
  );
  const base = {
    client: token.client,
    project,
    environment,
    strategy: settings.strategy,
    waitMs: settings.wait,
    dryRun: settings["dry-run"],
    cancelInFlight: settings["cancel-in-flight"],
    freeze: settings["freeze-auto-deploy"],
  };
  const plans = await Promise.all(
    resolved.map((service) =>
      planService(base, service, settings.deployment, prefixed(ctx.log, service.name)).catch(
        (error: unknown): FailedPlan => ({ kind: "failed", service, error, skipped: [] }),
      ),
    ),
  );
  const failed = plans.filter((p) => p.kind === "failed");
  // A dry run has no later step to fail in: a service that cannot be planned fails it now.
  if (base.dryRun && failed.length) throw new PlanFailure(failed.map((p) => [p.service.name, p.error]));
  const changes = plans.filter((p) => p.kind === "change");
  const migrations = await checkMigrations(ctx, changes.map(migrationRange));
  setOutputs(ctx.tk, { migrations: migrationsOutput(migrations) });
  stopIfBlocked(migrations, base.dryRun);
  return { ...base, services: plans, migrations };
}

/** A deployment carries its commit and repository in its meta (`commitHash`, `repo`) when built from git. */
function migrationRange(sp: ChangePlan): Range {
  const side = (d: Deployment, role: string) => ({
    name: `${role} deployment ${d.id}`,
    commit: metaText(d, "commitHash"),
  });
  return {
    label: sp.service.name,
    target: side(sp.target, "the target"),
    production: side(sp.from, "production's"),
    repo: metaText(sp.from, "repo") ?? metaText(sp.target, "repo"),
    deployed: { target: sp.target.createdAt, production: sp.from.createdAt },
  };
}
