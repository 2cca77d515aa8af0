import { providerOf } from "./plan.ts";
import type { Ctx, RestorePlan, RestoreRun } from "./provider.ts";

export async function applyRestore(ctx: Ctx, plan: RestorePlan): Promise<RestoreRun> {
  return providerOf(plan).apply(ctx, plan);
}
