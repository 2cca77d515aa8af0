import { z } from "zod";
import { errorMessage } from "../../core/secrets.ts";
import { connect, deploymentSchema, type Named, type RailwayClient } from "../../platforms/railway/client.ts";
import { chooseTarget } from "../../platforms/railway/deployments.ts";
import { resolveEnvironment, resolveProject, resolveServices } from "../../platforms/railway/resolve.ts";
import { environmentVolumes, listBackups } from "../../platforms/railway/volumes.ts";
import { age, type Check, fail, pass, type TargetResult, warn } from "./check.ts";
import type { Ctx } from "./inputs.ts";
import { BACKUP_SCHEDULES_QUERY, SERVICE_DEPLOYMENTS_QUERY } from "./railway-queries.ts";

const T = "railway";
const ageOf = (iso: string) => (Date.now() - Date.parse(iso)) / 1000;

/** Railway: the token, each service's automatic pick, and the database volume's backups. */
export async function checkRailway(ctx: Ctx): Promise<TargetResult> {
  const { settings } = ctx;
  let client: RailwayClient;
  let projectId: string;
  let environment: Named;
  let services: Named[];
  let database: Named | undefined;
  try {
    const token = await connect({
      token: settings["railway-token"] as string,
      tokenType: "auto",
      apiUrl: settings["railway-api-url"],
      logger: ctx.log,
    });
    const project = await resolveProject(token, settings["railway-project"]);
    environment = resolveEnvironment(project, token, settings.environment);
    services = resolveServices(project, settings.services);
    const db = settings["railway-database-service"];
    database = db ? resolveServices(project, [db])[0] : undefined;
    client = token.client;
    projectId = project.id;
  } catch (error) {
    const fix =
      "Create a new project token for this environment (Project → Settings → Tokens), store it as RAILWAY_TOKEN, and check railway-project, environment and services.";
    return { checks: [fail(T, "token and project", errorMessage(error), fix)] };
  }
  const checks: Check[] = [
    pass(T, "token and project", `project ${projectId}, environment ${environment.name}`),
  ];
  const picks = await Promise.all(services.map((s) => checkService(client, projectId, environment.id, s)));
  checks.push(...picks.map((p) => p.check));
  const result: TargetResult = { checks };
  const times = picks.flatMap((p) => (p.deploySeconds === undefined ? [] : [p.deploySeconds]));
  if (times.length)
    result.rto = { seconds: Math.max(...times), basis: "the slowest service's last successful deploy" };
  if (database) {
    const backups = await checkBackups(client, projectId, environment.id, database);
    checks.push(...backups.checks);
    if (backups.rpo) result.rpo = backups.rpo;
  }
  return result;
}

async function checkService(
  client: RailwayClient,
  projectId: string,
  environmentId: string,
  service: Named,
): Promise<{ check: Check; deploySeconds?: number }> {
  const name = `${service.name}: rollback target`;
  try {
    const { active, deployments } = await serviceDeployments(client, projectId, environmentId, service.id);
    const serving = active[0] ?? deployments[0];
    if (!serving) return { check: fail(T, name, "no deployment", "Deploy the service first.") };
    const deploySeconds = deployTime(serving);
    const choice = chooseTarget(serving, deployments);
    if (choice.kind === "target") {
      const evidence = `${choice.target.id}, ${age(ageOf(choice.target.createdAt))} old, canRollback`;
      return { check: pass(T, name, evidence), deploySeconds };
    }
    if (choice.kind === "none") {
      const skipped = choice.skipped.map((s) => `${s.id}: ${s.reason}`).join("; ");
      return {
        check: fail(
          T,
          name,
          `${choice.reason}${skipped ? ` (${skipped})` : ""}`,
          "Deploy a known-good version again so a recent image exists (railway redeploy), or plan a rebuild from a known-good commit (git-revert).",
        ),
        deploySeconds,
      };
    }
    return {
      check: warn(
        T,
        name,
        `production (${serving.id}) is itself a rollback or redeploy: an automatic pick stays on it`,
        "Deploy the fixed version, so production is no longer a rollback; going further back needs an explicit railway-deployment.",
      ),
      deploySeconds,
    };
  } catch (error) {
    return {
      check: fail(T, name, errorMessage(error), "Check the token may read this service's deployments."),
    };
  }
}

const timedDeployment = deploymentSchema.extend({ statusUpdatedAt: z.string().nullable().optional() });
type TimedDeployment = z.infer<typeof timedDeployment>;
const serviceDeploymentsData = z.object({
  serviceInstance: z.object({ activeDeployments: z.array(timedDeployment) }).nullable(),
  deployments: z.object({ edges: z.array(z.object({ node: timedDeployment })) }),
});

const newestFirst = (list: TimedDeployment[]) =>
  [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

async function serviceDeployments(
  client: RailwayClient,
  projectId: string,
  environmentId: string,
  serviceId: string,
) {
  const data = await client.query(
    "ReadinessServiceDeployments",
    SERVICE_DEPLOYMENTS_QUERY,
    { projectId, environmentId, serviceId },
    serviceDeploymentsData,
  );
  return {
    active: newestFirst(data.serviceInstance?.activeDeployments ?? []),
    deployments: newestFirst(data.deployments.edges.map((e) => e.node)),
  };
}

/** Seconds from creation to SUCCESS of the serving deployment (build included: a rollback reuses the image, so at most this). */
function deployTime(deployment: TimedDeployment): number | undefined {
  if (deployment.status !== "SUCCESS" || !deployment.statusUpdatedAt) return undefined;
  const seconds = (Date.parse(deployment.statusUpdatedAt) - Date.parse(deployment.createdAt)) / 1000;
  return seconds > 0 ? seconds : undefined;
}

const schedulesData = z.object({
  volumeInstanceBackupScheduleList: z.array(
    z.object({ kind: z.string(), retentionSeconds: z.number().nullable() }),
  ),
});

async function checkBackups(
  client: RailwayClient,
  projectId: string,
  environmentId: string,
  database: Named,
): Promise<TargetResult> {
  const schedule = `${database.name}: backup schedule`;
  const newest = `${database.name}: newest backup`;
  try {
    const volume = (await environmentVolumes(client, projectId, environmentId)).instances.find(
      (v) => v.serviceId === database.id,
    );
    if (!volume) {
      return {
        checks: [
          fail(
            T,
            schedule,
            `${database.name} has no volume in this environment`,
            "Check railway-database-service names the database service.",
          ),
        ],
      };
    }
    const [{ volumeInstanceBackupScheduleList: schedules }, backups] = await Promise.all([
      client.query(
        "VolumeBackupSchedules",
        BACKUP_SCHEDULES_QUERY,
        { volumeInstanceId: volume.id },
        schedulesData,
      ),
      listBackups(client, volume.id),
    ]);
    const checks: Check[] = [
      schedules.length
        ? pass(
            T,
            schedule,
            schedules
              .map(
                (s) =>
                  `${s.kind.toLowerCase()}${s.retentionSeconds ? `, kept ${age(s.retentionSeconds)}` : ""}`,
              )
              .join("; "),
          )
        : fail(
            T,
            schedule,
            "no backup schedule on the volume",
            `Turn on scheduled backups: ${database.name} → Backups → Edit schedule (daily).`,
          ),
    ];
    const last = backups[0];
    if (!last) {
      checks.push(
        fail(
          T,
          newest,
          "no backup of the volume",
          `Create one now (${database.name} → Backups → Backup now) and turn on a schedule.`,
        ),
      );
      return { checks };
    }
    const seconds = ageOf(last.createdAt);
    checks.push(pass(T, newest, `${last.name ?? last.id}, ${age(seconds)} old`));
    return { checks, rpo: { seconds, basis: `Railway volume backup of ${database.name}` } };
  } catch (error) {
    return {
      checks: [fail(T, schedule, errorMessage(error), "Check the token may read the environment's volumes.")],
    };
  }
}
