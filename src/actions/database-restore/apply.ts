import { providerOf } from "./plan.ts";
import type { Ctx, RestorePlan, RestoreRun } from "./provider.ts";

export async function applyRestore(ctx: Ctx, plan: RestorePlan): Promise<RestoreRun> {
  // From here a failure may have changed the target: "unknown" until a provider's read-back says more.
  ctx.tk.setOutput("changed", "unknown");
  return providerOf(plan).apply(ctx, plan);
}
