import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import databaseRestore from "../src/actions/database-restore/index.ts";
import { VOLUME_OPERATIONS } from "../src/platforms/railway/volume-operations.ts";
import { SCENARIO } from "../src/sim/railway.ts";
import {
  mounted,
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
    expect(tk.outputs.changed).toBe("false");
    expect(tk.summary).toContain(
      `the volume mounted now (${s.instance.volumeId}) is kept by Railway, unmounted`,
    );
    expect(volumeMutations(s.sim)).toEqual([]);
    expect(mounted(s.sim)?.data).toBe("now (after the bad migration)");
  });

  it("restores: safety backup taken, the backup restored into a NEW volume, the old one kept unmounted, the service redeploys; a rerun is already-current", async () => {
    const s = await scenario();
    const old = s.instance;
    const tk = await run(s, { "point-in-time": "2h", confirm: "postgres" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    expect(tk.outputs.changed).toBe("true");
    const now = mounted(s.sim);
    expect(now?.data).toBe("three hours ago");
    expect(now?.volumeId).not.toBe(old.volumeId);
    // The volume from before is retained, unmounted, and is what `safety-backup` names.
    expect(old.serviceId).toBeNull();
    expect(old.data).toBe("now (after the bad migration)");
    expect(tk.outputs["safety-backup"]).toBe(`volume:${old.volumeId}`);
    // The locked safety backup was newer than the backup restored: the restore deleted it (and `recent`).
    expect(s.sim.volumes.backups.map((b) => b.name)).toEqual(["Daily", "Daily"]);
    expect(tk.summary).toContain("assumed gone");
    expect(s.sim.activeDeployment("postgres")?.meta.reason).toBe("deploy");
    expect(volumeMutations(s.sim)).toEqual([
      "VolumeBackupCreate",
      "VolumeBackupLock",
      "VolumeBackupRestore",
      "EnvironmentPatchCommitStaged",
    ]);
    const commit = s.sim.volumes.patches.committed[0];
    expect(commit?.message).toContain(
      `[database-restore service=${POSTGRES_ID} backup=${s.backups.threeHours.id} volume=${now?.volumeId} from=${old.id}]`,
    );
    // The API budget of one restore (Free plans allow 100 requests an hour).
    const requests = s.sim.requests.length;
    expect(requests).toBeLessThanOrEqual(25);
    expect(tk.summary).toContain(`${requests} Railway API requests in all`);
    console.info(`One Railway volume restore cost ${requests} requests: ${s.sim.operations().join(", ")}`);

    // The marker names the new volume, which the service still mounts: nothing to do.
    const again = await run(s, { "point-in-time": "2h", confirm: "postgres" });
    expect(again.outputs.status).toBe("already-current");
    expect(again.outputs.changed).toBe("false");
    expect(volumeMutations(s.sim)).toHaveLength(4);
  });

  it("when the backups stay listed under the old volume instance after the swap (undocumented), a rerun still says already-current", async () => {
    const s = await scenario({ backupsFollowMount: false });
    const inputs = { backup: "Manual", confirm: "postgres", "safety-backup": "false" };
    const first = await run(s, inputs);
    expect(first.outputs.status).toBe("restored");
    expect(mounted(s.sim)?.data).toBe("half an hour ago");
    expect(s.sim.volumes.backups.every((b) => b.volumeInstanceId === s.instance.id)).toBe(true);
    const again = await run(s, inputs);
    expect(again.outputs.status).toBe("already-current");
    expect(again.outputs.changed).toBe("false");
  });

  it("a failed commit whose read-back fails too: changed unknown, says where to look; a rerun commits the staged swap", async () => {
    const s = await scenario();
    s.sim.server.inject({
      kind: "delay",
      ms: 0,
      match: {
        when: (request) => {
          if (
            !String((request.body as { query?: string }).query).includes(
              "mutation EnvironmentPatchCommitStaged",
            )
          )
            return false;
          s.sim.inject({
            kind: "graphql-error",
            operation: "EnvironmentPatchCommitStaged",
            message: "Internal error",
          });
          s.sim.inject({ kind: "graphql-error", operation: "EnvironmentVolumes", message: "Internal error" });
          return true;
        },
      },
    });
    const inputs = { backup: s.backups.threeHours.id, confirm: "postgres" };
    const tk = await run(s, inputs);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.outputs.changed).toBe("unknown");
    expect(tk.failed).toContain(`What postgres mounts now could not be read back`);
    expect(tk.outputs["safety-backup"]).toBe(`volume:${s.instance.volumeId}`);
    expect(mounted(s.sim)).toBe(s.instance);
    const again = await run(s, inputs);
    expect(again.outputs.status).toBe("restored");
    expect(mounted(s.sim)?.data).toBe("three hours ago");
  });

  it("other staged changes in the environment: stops before anything changes and names them", async () => {
    const s = await scenario();
    s.sim.volumes.patches.stage(SCENARIO.environmentId, {
      services: { [SCENARIO.services.backend.id]: { variables: { FEATURE_X: { value: "on" } } } },
    });
    const tk = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.outputs.changed).toBe("false");
    expect(tk.failed).toContain("service backend: variables");
    expect(tk.failed).toContain("never commits other people's changes");
    expect(volumeMutations(s.sim)).toEqual([]);
    expect(s.sim.volumes.patches.committed).toEqual([]);
  });

  it("a swap staged by someone else, not a restore of the chosen backup: refused, nothing changed", async () => {
    const s = await scenario();
    s.sim.volumes.patches.stage(SCENARIO.environmentId, {
      services: {
        [POSTGRES_ID]: { volumeMounts: { "vol-by-hand": { mountPath: "/var/lib/postgresql/data" } } },
      },
    });
    const tk = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.outputs.changed).toBe("false");
    expect(tk.failed).toContain("vol-by-hand is already staged");
    expect(volumeMutations(s.sim)).toEqual([]);
  });

  it("a Postgres HA cluster (clusterRole in the environment config): an in-place backup restore is refused, as the CLI does", async () => {
    const s = await scenario();
    s.sim.volumes.patches.clusters.set(POSTGRES_ID, { clusterRole: "root" });
    s.sim.volumes.patches.clusters.set(SCENARIO.services.backend.id, {
      clusterRole: "replica",
      parentServiceId: POSTGRES_ID,
    });
    for (const dryRun of ["true", "false"]) {
      const tk = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres", "dry-run": dryRun });
      expect(tk.outputs.status).toBe("failed");
      expect(tk.outputs.changed).toBe("false");
      expect(tk.failed).toContain("postgres is the root of a Postgres HA cluster with replicas backend");
      expect(tk.failed).toContain("replicas diverged from the restored leader");
      expect(tk.failed).toContain("mode: new-service");
    }
    expect(volumeMutations(s.sim)).toEqual([]);
  });

  it("a restore workflow that errors: nothing committed, the read-back says the volume from before is mounted; a rerun restores", async () => {
    const s = await scenario();
    s.sim.volumes.failNext("VolumeBackupRestore", "snapshot unreadable");
    const tk = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.outputs.changed).toBe("false");
    expect(tk.failed).toContain("snapshot unreadable");
    expect(tk.failed).toContain(`Read back: postgres still mounts its volume ${s.instance.volumeId}`);
    expect(volumeMutations(s.sim)).not.toContain("EnvironmentPatchCommitStaged");
    expect(mounted(s.sim)?.data).toBe("now (after the bad migration)");
    const again = await run(s, { backup: s.backups.threeHours.id, confirm: "postgres" });
    expect(again.outputs.status).toBe("restored");
    expect(mounted(s.sim)?.data).toBe("three hours ago");
  });

  it("mode new-service: a new service restored to the point in time, the source untouched; a rerun is already-current", async () => {
    const s = await scenario();
    const at = new Date(Date.now() - 90 * 60_000).toISOString();
    const tk = await run(s, { mode: "new-service", "point-in-time": at, confirm: "postgres" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    const made = s.sim.volumes.instances.find((i) => i.serviceId !== POSTGRES_ID);
    expect(made?.data).toBe(`now (after the bad migration) as of ${at}`);
    expect(mounted(s.sim)).toBe(s.instance);
    expect(tk.outputs.changed).toBe("true");
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
