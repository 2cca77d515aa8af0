import type { ActionContext } from "../../core/action.ts";
import { setOutputs } from "../../core/report.ts";
import { checkMigrations, type MigrationCheck } from "../../migrations/check.ts";
import { migrationsOutput, stopIfBlocked } from "../../migrations/report.ts";
import type { VercelPromoteInputs } from "./inputs.ts";
import type { VercelPlan } from "./plan.ts";

/**
 * The migrations between the target's commit and production's (meta `githubCommitSha`, `githubOrg`/
 * `githubRepo`); a CLI deploy has no commit, and the check says so. Block mode stops here, before any change.
 */
export async function migrationsOf(
  ctx: ActionContext<VercelPromoteInputs>,
  plan: Omit<VercelPlan, "migrations">,
): Promise<MigrationCheck | undefined> {
  const { from, target } = plan;
  const ranges =
    from && !plan.alreadyCurrent
      ? [
          {
            label: plan.project.name,
            target: { name: `the target deployment ${target.id}`, commit: target.sha },
            production: { name: `production's deployment ${from.id}`, commit: from.sha },
            repo: from.repo ?? target.repo,
            deployed: { target: iso(target.createdAt), production: iso(from.createdAt) },
          },
        ]
      : [];
  const migrations = await checkMigrations(ctx, ranges);
  setOutputs(ctx.tk, { migrations: migrationsOutput(migrations) });
  stopIfBlocked(migrations, plan.dryRun);
  return migrations;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
