import { afterEach, describe, expect, it } from "vitest";
import { SCENARIO } from "../src/sim/railway.ts";
import { ATLAS, atlasInputs, startAtlas, stopAtlasAfterEach } from "./helpers/atlas.ts";
import { runBundle } from "./helpers/bundle.ts";
import {
  mounted,
  railwayInputs,
  startVolumeScenario,
  type VolumeScenario,
  volumeMutations,
} from "./helpers/railway-volumes.ts";

stopAtlasAfterEach();
const railways: VolumeScenario[] = [];
afterEach(async () => {
  await Promise.all(railways.splice(0).map((s) => s.sim.stop()));
});

describe("dist/database-restore run as the runner runs it", () => {
  it("railway: dry run, restore, then already-current; the token masked and never shown", async () => {
    const s = await startVolumeScenario();
    railways.push(s);
    const inputs = railwayInputs(s.url, { "point-in-time": "2h" });
    const planned = await runBundle("database-restore", { ...inputs, "dry-run": "true" });
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.outputs.status).toBe("planned");
    expect(volumeMutations(s.sim)).toEqual([]);

    const restored = await runBundle("database-restore", { ...inputs, confirm: "postgres" });
    expect(restored.code, restored.all).toBe(0);
    expect(restored.outputs.status).toBe("restored");
    expect(restored.outputs["safety-backup"]).toBe(`volume:${s.instance.volumeId}`);
    expect(restored.outputs.changed).toBe("true");
    expect(mounted(s.sim)?.data).toBe("three hours ago");
    expect(s.instance.data).toBe("now (after the bad migration)");

    const again = await runBundle("database-restore", { ...inputs, confirm: "postgres" });
    expect(again.outputs.status).toBe("already-current");
    expect(again.outputs.changed).toBe("false");
    for (const run of [planned, restored, again]) {
      expect(run.stdout).toContain("::add-mask::");
      expect(run.all).not.toContain(SCENARIO.projectToken);
    }
  });

  it("atlas: dry run, restore, then already-current; the secret and tokens masked and never shown", async () => {
    const { sim, url } = await startAtlas();
    const inputs = atlasInputs(url, { "point-in-time": new Date(Date.now() - 3_600_000).toISOString() });
    const planned = await runBundle("database-restore", { ...inputs, "dry-run": "true" });
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.outputs.status).toBe("planned");
    expect(planned.summary).toContain("ALL data on cluster shop-prod");

    const restored = await runBundle("database-restore", { ...inputs, confirm: "shop-prod" });
    expect(restored.code, restored.all).toBe(0);
    expect(restored.outputs.status).toBe("restored");
    expect(restored.outputs["safety-backup"]).toBe(sim.snapshots[0]?.id);

    const again = await runBundle("database-restore", { ...inputs, confirm: "shop-prod" });
    expect(again.outputs.status).toBe("already-current");
    const tokens = sim.requests
      .map((r) => /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ""))?.[1])
      .filter((t): t is string => Boolean(t));
    for (const run of [planned, restored, again]) {
      expect(run.stdout).toContain(`::add-mask::${ATLAS.clientSecret}`);
      expect(run.all).not.toContain(ATLAS.clientSecret);
      for (const token of tokens) expect(run.all).not.toContain(token);
    }
  });
});
