import { afterEach, describe, expect, it } from "vitest";
import { SCENARIO } from "../src/sim/railway.ts";
import { mounted, POSTGRES_ID, startVolumeScenario, type VolumeScenario } from "./helpers/railway-volumes.ts";

const started: VolumeScenario[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.sim.stop()));
});
async function scenario() {
  const s = await startVolumeScenario({ workflowMs: 5, visibleAfterMs: 0 });
  started.push(s);
  return s;
}
const ended = () => new Promise((resolve) => setTimeout(resolve, 30));

/** The simulator's Railway volumes, each behaviour as its source says (docs volumes/backups.md, PLATFORMS.md). */
describe("Railway simulator: volume backup restores", () => {
  it("a restore stages a swap to a NEW volume, named by its id under volumes and the service's volumeMounts; nothing is mounted until the commit", async () => {
    const s = await scenario();
    const { volumes } = s.sim;
    volumes.restore(s.instance, s.backups.threeHours.id);
    await ended();
    const staged = volumes.patches.stagedIn(SCENARIO.environmentId);
    const [fresh] = Object.keys(staged.volumes ?? {});
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(s.instance.volumeId);
    expect(staged.services?.[POSTGRES_ID]).toEqual({
      volumeMounts: { [fresh as string]: { mountPath: "/var/lib/postgresql/data" } },
    });
    expect(mounted(s.sim)).toBe(s.instance);
    expect(s.instance.data).toBe("now (after the bad migration)");
  });

  it("a restore deletes every backup newer than the one restored, locked ones too; older ones stay", async () => {
    const s = await scenario();
    const { volumes } = s.sim;
    volumes.lock(s.instance, s.backups.recent.id);
    volumes.restore(s.instance, s.backups.threeHours.id);
    await ended();
    expect(volumes.backups.map((b) => b.id)).toEqual([s.backups.day.id, s.backups.threeHours.id]);
  });

  it("the commit mounts the new volume (a new instance id) and keeps the old one, unmounted; the backups follow the mount; the service redeploys", async () => {
    const s = await scenario();
    const { volumes } = s.sim;
    const before = s.sim.deploymentsOf("postgres").length;
    volumes.restore(s.instance, s.backups.threeHours.id);
    await ended();
    volumes.apply(volumes.patches.commit(SCENARIO.environmentId, "restore"));
    const now = mounted(s.sim);
    expect(now?.data).toBe("three hours ago");
    expect(now?.id).not.toBe(s.instance.id);
    expect(s.instance.serviceId).toBeNull();
    expect(volumes.instances).toContain(s.instance);
    expect(volumes.backups.every((b) => b.volumeInstanceId === now?.id)).toBe(true);
    expect(volumes.patches.stagedIn(SCENARIO.environmentId)).toEqual({});
    expect(s.sim.deploymentsOf("postgres")).toHaveLength(before + 1);
  });

  it("a second restore before the commit replaces the first staged swap of that service", async () => {
    const s = await scenario();
    const { volumes } = s.sim;
    volumes.restore(s.instance, s.backups.recent.id);
    await ended();
    volumes.restore(s.instance, s.backups.threeHours.id);
    await ended();
    const mounts = volumes.patches.stagedIn(SCENARIO.environmentId).services?.[POSTGRES_ID] as {
      volumeMounts: Record<string, unknown>;
    };
    expect(Object.keys(mounts.volumeMounts)).toHaveLength(1);
    expect(volumes.pending.size).toBe(1);
  });

  it("the environment config marks HA members with clusterRole and parentServiceId, and lists mounts by volume id", async () => {
    const s = await scenario();
    const { volumes } = s.sim;
    volumes.patches.clusters.set(POSTGRES_ID, { clusterRole: "root" });
    const config = volumes.configOf(SCENARIO.environmentId);
    expect(config.services[POSTGRES_ID]).toEqual({
      clusterRole: "root",
      volumeMounts: { [s.instance.volumeId]: { mountPath: "/var/lib/postgresql/data" } },
    });
    expect(config.volumes).toEqual({ [s.instance.volumeId]: { sizeMB: 5000 } });
  });
});
