import type { Summary } from "../../core/report.ts";
import { atlasProvider } from "./atlas.ts";
import type { ProviderName } from "./inputs.ts";
import { postgresProvider } from "./postgres.ts";
import type { Ctx, Provider, RestorePlan } from "./provider.ts";
import { railwayProvider } from "./railway.ts";

const providers: Record<ProviderName, Provider> = {
  postgres: postgresProvider as Provider,
  railway: railwayProvider as Provider,
  atlas: atlasProvider as Provider,
};

export function providerOf(plan: RestorePlan): Provider {
  return providers[plan.provider];
}

export async function planRestore(ctx: Ctx): Promise<RestorePlan> {
  const provider = providers[ctx.settings.provider as ProviderName];
  const plan = await provider.plan(ctx);
  ctx.log.info(`Restore ${plan.target} from ${plan.restoredFrom}.`);
  for (const [label, value] of plan.facts) ctx.log.info(`  ${label}: ${value}`);
  for (const line of plan.replaces) ctx.log.info(`  replaces ${line}`);
  return plan;
}

export function describeRestore(plan: RestorePlan, summary: Summary): void {
  summary.text(`Restore **${plan.target}** (${plan.provider}) from \`${plan.restoredFrom}\`.`);
  summary.table(["", ""], [...plan.facts]);
  summary.heading("Would be replaced").list([...plan.replaces]);
  summary.text(
    plan.safety
      ? `Safety backup first: ${plan.safety}.`
      : plan.noSafetyReason
        ? `Safety backup: ${plan.noSafetyReason}`
        : "⚠️ **No safety backup** (`safety-backup: false`): the data being replaced is not kept.",
  );
}
