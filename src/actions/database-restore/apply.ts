import { providerOf } from "./plan.ts";
import { type Ctx, RestoreFailed, type RestorePlan, type RestoreRun } from "./provider.ts";

/** Every failure sets `changed`: from the provider's read-back, else `unknown` (nothing read it back). */
export async function applyRestore(ctx: Ctx, plan: RestorePlan): Promise<RestoreRun> {
  try {
    return await providerOf(plan).apply(ctx, plan);
  } catch (error) {
    const outputs = error instanceof RestoreFailed ? error.outputs : { changed: "unknown" };
    for (const [name, value] of Object.entries(outputs))
      if (value !== undefined) ctx.tk.setOutput(name, value);
    throw error;
  }
}
