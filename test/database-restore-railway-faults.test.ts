import { describe, expect, it } from "vitest";
import databaseRestore from "../src/actions/database-restore/index.ts";
import { CancelledError } from "../src/core/action.ts";
import type { SimRequest } from "../src/sim/server.ts";
import {
  mounted,
  railwayInputs,
  startVolumeScenario,
  type VolumeScenario,
} from "./helpers/railway-volumes.ts";
import { runInProcess } from "./helpers/run.ts";

/**
 * A backup restore on the Railway simulator, a fault at every step: Railway answers an error, the
 * connection drops (a query is retried; a mutation is handled, then its answer lost), or SIGTERM arrives
 * while the step's request is in flight. After each: the service mounts the volume from before or the
 * restored one (never neither), `changed` and the message match that read-back, the volume from before is
 * kept, and a rerun finishes the restore or says already-current.
 */
const STEPS = [
  { step: "find instance", op: "EnvironmentVolumes", nth: 1, mutation: false },
  { step: "safety backup create", op: "VolumeBackupCreate", nth: 1, mutation: true },
  { step: "safety backup await", op: "WorkflowStatus", nth: 1, mutation: false },
  { step: "safety backup lock", op: "VolumeBackupLock", nth: 1, mutation: true },
  { step: "restore workflow", op: "VolumeBackupRestore", nth: 1, mutation: true },
  // The plan reads the staged changes first; the second read is the check before the commit.
  { step: "staged-changes check", op: "EnvironmentStagedChanges", nth: 2, mutation: false },
  { step: "commit", op: "EnvironmentPatchCommitStaged", nth: 1, mutation: true },
  // The first read lists the deployments before the commit; the second looks for the new one.
  { step: "await deployment", op: "ServiceDeployments", nth: 2, mutation: false },
] as const;
const FAULTS = ["graphql-error", "dropped connection", "SIGTERM"] as const;
const BEFORE = "now (after the bad migration)";
const RESTORED = "three hours ago";

function operationOf(request: SimRequest): string | undefined {
  const body = request.body as { operationName?: string; query?: string } | undefined;
  return body?.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? "")?.[1];
}

/** Plays `fault` on the step's request (its nth of that operation). */
function arm(
  s: VolumeScenario,
  step: (typeof STEPS)[number],
  fault: (typeof FAULTS)[number],
  controller: AbortController,
): { fired: () => boolean } {
  let seen = 0;
  const when = (request: SimRequest) => {
    if (operationOf(request) !== step.op || ++seen !== step.nth) return false;
    if (fault === "graphql-error")
      s.sim.inject({ kind: "graphql-error", operation: step.op, message: `Injected: ${step.op} failed` });
    if (fault === "SIGTERM") controller.abort(new CancelledError("SIGTERM"));
    return fault === "dropped connection";
  };
  s.sim.server.inject({ kind: step.mutation ? "drop-after-handle" : "drop", match: { when } });
  return { fired: () => seen >= step.nth };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

describe.concurrent("database-restore railway: a fault at every step of a backup restore", () => {
  for (const step of STEPS) {
    for (const fault of FAULTS) {
      it(`${fault} at ${step.step}`, async () => {
        const s = await startVolumeScenario();
        try {
          const inputs = railwayInputs(s.url, { backup: s.backups.threeHours.id, confirm: "postgres" });
          const old = s.instance;
          const controller = new AbortController();
          const armed = arm(s, step, fault, controller);
          const first = await runInProcess(databaseRestore, inputs, { signal: controller.signal });
          expect(armed.fired()).toBe(true);

          // The service mounts one of the two volumes; the volume from before is kept either way.
          const now = mounted(s.sim);
          expect([BEFORE, RESTORED]).toContain(now?.data);
          expect(s.sim.volumes.instances).toContain(old);
          expect(old.data).toBe(BEFORE);
          const restored = now?.data === RESTORED;
          expect(first.outputs.changed).toBe(restored ? "true" : "false");
          if (first.outputs.status === "failed") {
            expect(first.failed).toMatch(
              restored
                ? `Read back: postgres mounts the restored volume ${now?.volumeId}`
                : /Read back: postgres still mounts its volume|Nothing was changed/,
            );
            if (fault === "SIGTERM") expect(first.failed).toContain("SIGTERM");
          } else {
            expect(first.outputs.status).toBe("restored");
          }
          if (restored) expect(first.outputs["safety-backup"]).toBe(`volume:${old.volumeId}`);

          // Railway's workflows end meanwhile; then a rerun finishes the restore or has nothing to do.
          await settle();
          const second = await runInProcess(databaseRestore, inputs);
          expect(second.failed).toBeUndefined();
          expect(["restored", "already-current"]).toContain(second.outputs.status);
          expect(second.outputs.changed).toBe(second.outputs.status === "restored" ? "true" : "false");
          expect(mounted(s.sim)?.data).toBe(RESTORED);
          expect(s.sim.volumes.instances.filter((i) => i.serviceId === null)).toContain(old);
          const third = await runInProcess(databaseRestore, inputs);
          expect(third.outputs.status).toBe("already-current");
        } finally {
          await s.sim.stop();
        }
      });
    }
  }
});
