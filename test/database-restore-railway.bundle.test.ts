import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { SCENARIO } from "../src/sim/railway.ts";
import type { SimRequest } from "../src/sim/server.ts";
import { runBundle } from "./helpers/bundle.ts";
import {
  mounted,
  POSTGRES_ID,
  railwayInputs,
  startVolumeScenario,
  type VolumeScenario,
} from "./helpers/railway-volumes.ts";

const started: VolumeScenario[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.sim.stop()));
});
async function scenario() {
  const s = await startVolumeScenario();
  started.push(s);
  return s;
}

/** The process this test started with `tag` in its environment (only ours: other users' /proc is unreadable). */
function taggedPid(tag: string): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, "utf8").includes(`BUNDLE_TEST_TAG=${tag}`))
        return Number(entry);
    } catch {
      // gone, or not ours
    }
  }
  return undefined;
}

describe("dist/database-restore, provider railway, run as the runner runs it", () => {
  it("SIGTERM while Railway restores: exits 1, says from a read-back that the volume from before is mounted and the swap staged; a rerun commits it, the next is already-current", async () => {
    const s = await scenario();
    const tag = randomUUID();
    s.sim.server.inject({
      kind: "delay",
      ms: 0,
      match: {
        when: (request: SimRequest) => {
          if (!String((request.body as { query?: string })?.query).includes("mutation VolumeBackupRestore"))
            return false;
          const pid = taggedPid(tag);
          if (pid) process.kill(pid, "SIGTERM");
          return true;
        },
      },
    });
    const inputs = railwayInputs(s.url, { backup: s.backups.threeHours.id, confirm: "postgres" });
    const first = await runBundle("database-restore", inputs, { env: { BUNDLE_TEST_TAG: tag } });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Received SIGTERM/);
    expect(first.outputs.status).toBe("failed");
    expect(first.outputs.changed).toBe("false");
    expect(mounted(s.sim)).toBe(s.instance);
    expect(first.stdout).toContain(`Read back: postgres still mounts its volume ${s.instance.volumeId}`);
    expect(first.stdout).toContain("is staged, not committed");

    const second = await runBundle("database-restore", inputs);
    expect(second.code, second.all).toBe(0);
    expect(second.outputs.status).toBe("restored");
    expect(second.outputs.changed).toBe("true");
    expect(second.summary).toContain("only its commit is left");
    expect(mounted(s.sim)?.data).toBe("three hours ago");
    const third = await runBundle("database-restore", inputs);
    expect(third.outputs.status).toBe("already-current");
    for (const run of [first, second, third]) expect(run.all).not.toContain(SCENARIO.projectToken);
  });

  it("an HA cluster: refused before anything changes, changed false", async () => {
    const s = await scenario();
    s.sim.volumes.patches.clusters.set(POSTGRES_ID, { clusterRole: "root" });
    s.sim.volumes.patches.clusters.set(SCENARIO.services.backend.id, {
      clusterRole: "replica",
      parentServiceId: POSTGRES_ID,
    });
    const run = await runBundle(
      "database-restore",
      railwayInputs(s.url, { backup: s.backups.threeHours.id, confirm: "postgres" }),
    );
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: "failed", changed: "false" });
    expect(run.stdout).toContain("replicas diverged from the restored leader");
    expect(s.sim.volumes.patches.committed).toEqual([]);
  });
});
