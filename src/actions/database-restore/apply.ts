import { providerOf } from "./plan.ts";
import { type Ctx, RestoreFailed, type RestorePlan, type RestoreRun } from "./provider.ts";

/**
 * From here a failure may have changed the target: `changed` is "unknown" until a provider's read-back says
 * more, either by throwing RestoreFailed with its outputs or by setting them itself before it throws.
 */
export async function applyRestore(ctx: Ctx, plan: RestorePlan): Promise<RestoreRun> {
  ctx.tk.setOutput("changed", "unknown");
  try {
    return await providerOf(plan).apply(ctx, plan);
  } catch (error) {
    if (error instanceof RestoreFailed)
      for (const [name, value] of Object.entries(error.outputs))
        if (value !== undefined) ctx.tk.setOutput(name, value);
    throw error;
  }
}
