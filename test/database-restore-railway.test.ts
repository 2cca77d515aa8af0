import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import databaseRestore from "../src/actions/database-restore/index.ts";
import { VOLUME_OPERATIONS } from "../src/platforms/railway/volume-operations.ts";
import { SCENARIO } from "../src/sim/railway.ts";
import {
  POSTGRES_ID,
  railwayInputs,
  startVolumeScenario,
  type VolumeScenario,
  volumeMutations,
} from "./helpers/railway-volumes.ts";
import { runInProcess } from "./helpers/run.ts";

const PUBLIC_SCHEMA = resolve(import.meta.dirname, "../../shared/api/railway-public-schema.graphql");
const started: VolumeScenario[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.sim.stop()));
});
async function scenario(options?: Parameters<typeof startVolumeScenario>[0]) {
  const s = await startVolumeScenario(options);
  started.push(s);
  return s;
}
const run = (s: VolumeScenario, extra: Record<string, string>) =>
  runInProcess(databaseRestore, railwayInputs(s.url, extra));
const text = (tk: { logs: string[]; summary: string; failed?: string; outputs: Record<string, string> }) =>
  [tk.logs.join("\n"), tk.summary, tk.failed ?? "", JSON.stringify(tk.outputs)].join("\n");

describe("Railway volume operations", () => {
  it.skipIf(!existsSync(PUBLIC_SCHEMA))(
    "each validates against Railway's public schema and the simulator's",
    async () => {
      const schema = buildSchema(readFileSync(PUBLIC_SCHEMA, "utf8"), { assumeValid: true });
      const s = await scenario();
      for (const [name, source] of Object.entries(VOLUME_OPERATIONS)) {
        expect(
          validate(schema, parse(source)).map((e) => e.message),
          name,
        ).toEqual([]);
        expect(
          validate(s.sim.schema, parse(source)).map((e) => e.message),
          name,
        ).toEqual([]);
      }
    },
  );
});

describe("database-restore with provider railway", () => {
  it("dry run: picks the newest backup before point-in-time, says which newer backups Railway would delete, changes nothing", async () => {
    const s = await scenario();
    const tk = await run(s, { "point-in-time": "2h", "dry-run": "true" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("planned");
    expect(tk.outputs["restored-from"]).toContain(s.backups.threeHours.id);
    expect(tk.summary).toContain("deletes the 1 backup(s) newer than the one restored");
    expect(tk.summary).toContain(s.backups.recent.id);
    expect(volumeMutations(s.sim)).toEqual([]);
    expect(s.instance.data).toBe("now (after the bad migration)");
  });

  it("restores: safety backup taken and locked, swap committed, the service redeploys to SUCCESS; a rerun is already-current", async () => {
    const s = await scenario();
    const tk = await run(s, { "point-in-time": "2h", confirm: "postgres" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    expect(s.instance.data).toBe("three hours ago");
    const safety = s.sim.volumes.backups.find((b) => b.id === tk.outputs["safety-backup"]);
    expect(safety?.data).toBe("now (after the bad migration)");
    expect(safety?.expiresAt).toBeNull();
    expect(s.sim.volumes.backups.some((b) => b.id === s.backups.recent.id)).toBe(false);
    expect(s.sim.activeDeployment("postgres")?.meta.reason).toBe("deploy");
    expect(volumeMutations(s.sim)).toEqual([
      "VolumeBackupCreate",
      "VolumeBackupLock",
      "VolumeBackupRestore",
      "EnvironmentPatchCommitStaged",
    ]);
    // The API budget of one restore (Free plans allow 100 requests an hour).
    const requests = s.sim.requests.length;
    expect(requests).toBeLessThanOrEqual(25);
    expect(tk.summary).toContain(`${requests} Railway API requests in all`);
    console.info(`One Railway volume restore cost ${requests} requests: ${s.sim.operations().join(", ")}`);

    const again = await run(s, { "point-in-time": "2h", confirm: "postgres" });
    expect(again.outputs.status).toBe("already-current");
    expect(volumeMutations(s.sim)).toHaveLength(4);
  });

  it("other staged changes in the environment: stops before anything changes and names them", async () => {
    const s = await scenario();
    s.sim.volumes.patches.stage(SCENARIO.environmentId, {
      services: { [SCENARIO.services.backend.id]: { variables: { FEATURE_X: { value: "on" } } } },
    });
    const tk = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("service backend: variables");
    expect(tk.failed).toContain("never commits other people's changes");
    expect(volumeMutations(s.sim)).toEqual([]);
    expect(s.sim.volumes.patches.committed).toEqual([]);
  });

  it("a restore workflow that errors: nothing committed, the volume unchanged, Railway's error in the message", async () => {
    const s = await scenario();
    s.sim.volumes.failNext("VolumeBackupRestore", "snapshot unreadable");
    const tk = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("snapshot unreadable");
    expect(tk.failed).toContain("The live volume was not changed");
    expect(volumeMutations(s.sim)).not.toContain("EnvironmentPatchCommitStaged");
    expect(s.instance.data).toBe("now (after the bad migration)");
  });

  it("when the restore deletes the locked safety backup too (undocumented, so the simulator's default): stops before the commit", async () => {
    const s = await scenario();
    const tk = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("deleted the safety backup");
    expect(tk.failed).toContain("NOT committed");
    expect(s.sim.volumes.patches.committed).toEqual([]);
    expect(s.instance.data).toBe("now (after the bad migration)");
  });

  it("mode new-service: a new service restored to the point in time, the source untouched; a rerun is already-current", async () => {
    const s = await scenario();
    const at = new Date(Date.now() - 90 * 60_000).toISOString();
    const tk = await run(s, { mode: "new-service", "point-in-time": at, confirm: "postgres" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    const made = s.sim.volumes.instances.find((i) => i.serviceId !== POSTGRES_ID);
    expect(made?.data).toBe(`now (after the bad migration) as of ${at}`);
    expect(s.instance.data).toBe("now (after the bad migration)");
    expect(tk.summary).toContain("postgres-restored-");
    expect(tk.summary).toContain("nothing is overwritten");
    expect(volumeMutations(s.sim)).toEqual(["VolumePITRRestore"]);
    const again = await run(s, { mode: "new-service", "point-in-time": at, confirm: "postgres" });
    expect(again.outputs.status).toBe("already-current");
    expect(volumeMutations(s.sim)).toEqual(["VolumePITRRestore"]);
  });

  it("confirm wrong or missing, an unknown backup, mode in-place: refused before any change", async () => {
    const s = await scenario();
    const wrong = await run(s, { backup: s.backups.day.id, confirm: "backend" });
    expect(wrong.failed).toContain(
      '"confirm" is "backend", but the service that would be overwritten is "postgres"',
    );
    const missing = await run(s, { backup: s.backups.day.id });
    expect(missing.failed).toContain("confirm");
    const unknown = await run(s, { backup: "nightly-42", confirm: "postgres" });
    expect(unknown.failed).toContain('No backup has the id or name "nightly-42"');
    const ambiguous = await run(s, { backup: "Daily", confirm: "postgres" });
    expect(ambiguous.failed).toContain('2 backups are named "Daily"');
    const inPlace = await run(s, { backup: s.backups.day.id, confirm: "postgres", mode: "in-place" });
    expect(inPlace.failed).toContain("mode");
    expect(volumeMutations(s.sim)).toEqual([]);
    for (const tk of [wrong, missing, unknown, ambiguous, inPlace]) expect(tk.outputs.status).toBe("failed");
  });

  it("the token is never shown", async () => {
    const s = await scenario();
    s.sim.volumes.failNext("VolumeBackupCreate", `refused for ${SCENARIO.projectToken}`);
    const runs = [
      await run(s, { "point-in-time": "2h", "dry-run": "true" }),
      await run(s, { "point-in-time": "2h", confirm: "postgres" }),
    ];
    for (const tk of runs) expect(text(tk)).not.toContain(SCENARIO.projectToken);
    expect(runs[1]?.outputs.status).toBe("failed");
  });
});
