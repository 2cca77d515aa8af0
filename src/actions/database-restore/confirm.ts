import { inputError } from "../../core/inputs.ts";
import type { Ctx } from "./provider.ts";

/**
 * As when deleting a repository: `confirm` repeats the name of what is about to be overwritten. A dry
 * run needs none, but a wrong one is still refused (it shows a mix-up of targets).
 */
export function checkConfirm(ctx: Ctx, target: string, what: string): void {
  const { confirm } = ctx.settings;
  const dryRun = ctx.settings["dry-run"];
  if (confirm === undefined) {
    if (dryRun) return;
    throw inputError(
      "confirm",
      `is required: type the name of the ${what} that will be overwritten, "${target}", to confirm the restore.`,
      `"${target}"`,
    );
  }
  if (confirm !== target) {
    throw inputError(
      "confirm",
      `is "${confirm}", but the ${what} that would be overwritten is "${target}". Nothing was changed.`,
      `"${target}"`,
    );
  }
}
