import type { AnyAction } from "../core/action.ts";

/**
 * Every action, by its folder name under actions/. Loaded lazily: the one shared bundle carries them all,
 * and a step only loads the action it runs.
 */
export const actions: Record<string, () => Promise<{ default: AnyAction }>> = {
  "smoke-test": () => import("./smoke-test/index.ts"),
  analyze: () => import("./analyze/index.ts"),
  "revert-commit": () => import("./revert-commit/index.ts"),
  "vercel-promote": () => import("./vercel-promote/index.ts"),
  traffic: () => import("./traffic/index.ts"),
  "railway-redeploy": () => import("./railway-redeploy/index.ts"),
  notify: () => import("./notify/index.ts"),
  "database-restore": () => import("./database-restore/index.ts"),
  "cache-flush": () => import("./cache-flush/index.ts"),
  "storage-restore": () => import("./storage-restore/index.ts"),
  readiness: () => import("./readiness/index.ts"),
};

export async function loadAction(name: string): Promise<AnyAction> {
  const load = actions[name];
  if (!load) throw new Error(`No action named "${name}". Actions: ${Object.keys(actions).join(", ")}.`);
  return (await load()).default;
}
