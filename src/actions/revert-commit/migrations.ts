import { setOutputs } from "../../core/report.ts";
import { checkMigrations, type MigrationCheck, type Range } from "../../migrations/check.ts";
import { migrationsOutput, stopIfBlocked } from "../../migrations/report.ts";
import type { Commit } from "../../platforms/git-history.ts";
import type { Request, RevertContext } from "./inputs.ts";

/**
 * The migrations the commits to revert brought: a revert removes the migration files, never the schema
 * change they made. Read from the checkout (revert-commit always has the history it reverts).
 */
export async function revertMigrations(
  ctx: RevertContext,
  request: Request,
  revert: { to: Commit | undefined; tip: string; targets: readonly Commit[] },
): Promise<MigrationCheck | undefined> {
  const ranges: Range[] = revert.to
    ? [range(`everything after ${revert.to.short}`, revert.to.sha, revert.tip)]
    : revert.targets.map((c) =>
        range(`commit ${c.short}`, c.parents[Math.min(request.mainline, c.parents.length) - 1], c.sha),
      );
  const migrations = await checkMigrations({ ...ctx, cwd: request.dir }, ranges);
  setOutputs(ctx.tk, { migrations: migrationsOutput(migrations) });
  stopIfBlocked(migrations, ctx.settings["dry-run"]);
  return migrations;
}

function range(label: string, base: string | undefined, head: string): Range {
  return {
    label,
    target: { name: "its parent", commit: base },
    production: { name: head.slice(0, 7), commit: head },
    repo: undefined,
  };
}
