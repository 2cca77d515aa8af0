import { type RailwaySeed, RailwaySimulator, rollbackScenario, SCENARIO } from "../../src/sim/railway.ts";
import type { SimBackup, SimVolumeInstance, VolumeOptions } from "../../src/sim/railway-volumes.ts";

export const POSTGRES_ID = "5a1b2c3d-0003-4000-8000-0000000d0b00";
const HOUR = 3_600_000;
export const FAST = { initializingMs: 15, buildingMs: 15, deployingMs: 30 };
const VOLUME_MUTATIONS = new Set([
  "VolumeBackupCreate",
  "VolumeBackupLock",
  "VolumeBackupRestore",
  "VolumePITRRestore",
  "EnvironmentPatchCommitStaged",
]);

export interface VolumeScenario {
  sim: RailwaySimulator;
  url: string;
  instance: SimVolumeInstance;
  /** Daily 26 h ago, Daily 3 h ago, Manual 30 min ago. */
  backups: { day: SimBackup; threeHours: SimBackup; recent: SimBackup };
}

/**
 * The rollback scenario plus a `postgres` service with a volume in production (PITR enabled for a week)
 * and three backups.
 */
export async function startVolumeScenario(options: VolumeOptions = {}): Promise<VolumeScenario> {
  const seed: RailwaySeed = rollbackScenario({ timing: FAST });
  seed.projects[0]?.services.push({ id: POSTGRES_ID, name: "postgres" });
  seed.deployments?.push({
    id: "d0d0b000-0000-4000-8000-000000000001",
    serviceId: POSTGRES_ID,
    environmentId: SCENARIO.environmentId,
    status: "SUCCESS",
    createdAt: -48 * HOUR,
    meta: { image: "ghcr.io/railwayapp-templates/postgres-ssl:16" },
  });
  const sim = new RailwaySimulator(seed);
  sim.volumes.configure({ workflowMs: 60, visibleAfterMs: 20, ...options });
  const now = Date.now();
  const instance = sim.volumes.addInstance({
    serviceId: POSTGRES_ID,
    projectId: SCENARIO.projectId,
    environmentId: SCENARIO.environmentId,
    mountPath: "/var/lib/postgresql/data",
    sizeMB: 5000,
    usedMB: 812,
    data: "now (after the bad migration)",
    pitrSince: now - 7 * 24 * HOUR,
  });
  const backup = (name: string, agoMs: number, data: string) =>
    sim.volumes.addBackup({ volumeInstanceId: instance.id, name, createdAt: now - agoMs, usedMB: 800, data });
  const backups = {
    day: backup("Daily", 26 * HOUR, "yesterday"),
    threeHours: backup("Daily", 3 * HOUR, "three hours ago"),
    recent: backup("Manual", HOUR / 2, "half an hour ago"),
  };
  const url = await sim.start();
  return { sim, url, instance, backups };
}

/** What the postgres service mounts now: a restore swaps in a new volume and keeps the old one unmounted. */
export const mounted = (sim: RailwaySimulator) => sim.volumes.mountedOn(POSTGRES_ID);

export const volumeMutations = (sim: RailwaySimulator) =>
  sim.operations().filter((o) => VOLUME_MUTATIONS.has(o));

export const railwayInputs = (url: string, extra: Record<string, string> = {}) => ({
  provider: "railway",
  "railway-token": SCENARIO.projectToken,
  "railway-service": "postgres",
  "railway-api-url": url,
  ...extra,
});
