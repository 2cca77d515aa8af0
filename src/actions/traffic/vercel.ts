import type { Logger } from "../../core/action.ts";
import { HttpError } from "../../core/http.ts";
import { inputError } from "../../core/inputs.ts";
import { VercelClient } from "../../platforms/vercel/client.ts";
import type { Settings } from "./plan.ts";

/** Vercel: the whole project is paused (every visitor gets 503) or serves again. */
export interface VercelTrafficPlan {
  platform: "vercel";
  mode: "pause" | "resume";
  project: { id: string; name: string };
  paused: boolean;
  domains: string[];
  production: string | undefined;
}

function client(settings: Settings, log: Logger): VercelClient {
  return new VercelClient({
    token: settings.token as string,
    baseUrl: settings["api-url"] ?? "https://api.vercel.com",
    team: settings.team,
    log,
  });
}

export async function planVercelTraffic(settings: Settings, log: Logger): Promise<VercelTrafficPlan> {
  if (!settings.project)
    throw inputError("project", "is required with platform: vercel.", `"shop" or "prj_7gHk2pQ"`);
  const project = await client(settings, log).getProject(settings.project);
  const production = project.targets?.production ?? undefined;
  log.info(`Project ${project.name} (${project.id}) is ${project.paused ? "paused" : "serving"}.`);
  return {
    platform: "vercel",
    mode: settings.mode,
    project: { id: project.id, name: project.name },
    paused: project.paused === true,
    domains: production?.alias ?? [],
    production: production?.id,
  };
}

/** Pauses or unpauses once; after an answer that never came, the project's state decides. */
export async function applyVercelTraffic(
  settings: Settings,
  log: Logger,
  plan: VercelTrafficPlan,
): Promise<void> {
  const vercel = client(settings, log);
  const pause = plan.mode === "pause";
  try {
    if (pause) await vercel.pauseProject(plan.project.id);
    else await vercel.unpauseProject(plan.project.id);
  } catch (error) {
    if (!(error instanceof HttpError) || !error.ambiguous) throw error;
    log.warn(
      `The ${plan.mode} request got no clear answer (${error.message}); reading the project to see whether it was applied.`,
    );
    const now = await vercel.getProject(plan.project.id);
    if ((now.paused === true) !== pause) throw error;
  }
  log.info(
    `Project ${plan.project.name} ${pause ? "paused: visitors get 503" : "unpaused: production serves again"}.`,
  );
}
