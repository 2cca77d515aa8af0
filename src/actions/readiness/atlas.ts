import { z } from "zod";
import { errorMessage } from "../../core/secrets.ts";
import { getCluster } from "../../platforms/atlas/backup.ts";
import { AtlasClient } from "../../platforms/atlas/client.ts";
import { age, type Check, fail, pass, type TargetResult, warn } from "./check.ts";
import type { Ctx } from "./inputs.ts";

const T = "database";
const scheduleSchema = z.object({ restoreWindowDays: z.number().nullable().optional() }).loose();

/** MongoDB Atlas: continuous cloud backup on, and a point-in-time window reaching back past the horizon. */
export async function checkAtlas(ctx: Ctx): Promise<TargetResult> {
  const { settings } = ctx;
  const groupId = settings["atlas-group-id"] as string;
  const name = settings["atlas-cluster"] as string;
  const client = new AtlasClient({
    clientId: settings["atlas-client-id"] as string,
    clientSecret: settings["atlas-client-secret"] as string,
    baseUrl: settings["atlas-api-url"],
    logger: ctx.log,
  });
  const path = `/groups/${encodeURIComponent(groupId)}/clusters/${encodeURIComponent(name)}/backup/schedule`;
  let cluster: Awaited<ReturnType<typeof getCluster>>;
  try {
    cluster = await getCluster(client, groupId, name);
  } catch (error) {
    return {
      checks: [
        fail(
          T,
          "atlas cluster",
          `${name}: ${errorMessage(error)}`,
          "Check the service account (atlas-client-id/secret, Project Backup Manager role), atlas-group-id and atlas-cluster.",
        ),
      ],
    };
  }
  const checks: Check[] = [pass(T, "atlas cluster", `${name}: ${cluster.stateName ?? "state unknown"}`)];
  if (!cluster.pitEnabled) {
    checks.push(
      fail(
        T,
        "continuous backup",
        `${name}: continuous cloud backup is off, so no point in time can be restored`,
        "Turn on Continuous Cloud Backup (cluster → Backup → Edit).",
      ),
    );
    return { checks };
  }
  checks.push(pass(T, "continuous backup", `${name}: on`));
  const horizon = settings["restore-horizon"] / 1000;
  try {
    const schedule = scheduleSchema.parse(await client.request("GET", path, scheduleSchema));
    const days = schedule.restoreWindowDays ?? 0;
    checks.push(
      days * 86_400 >= horizon
        ? pass(T, "point-in-time window", `${days}d`)
        : warn(
            T,
            "point-in-time window",
            `${days}d, shorter than the restore horizon (${age(horizon)})`,
            "Raise the restore window in the backup policy, or shorten restore-horizon.",
          ),
    );
  } catch (error) {
    checks.push(
      warn(
        T,
        "point-in-time window",
        errorMessage(error),
        "Let the service account read the backup schedule.",
      ),
    );
  }
  return { checks, rpo: { seconds: 0, basis: `Atlas continuous backup of ${name}` } };
}
