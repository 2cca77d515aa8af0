import { describe, expect, it } from "vitest";
import { lastRestore, restoreMarker } from "../src/platforms/railway/volume-choice.ts";
import { haCluster, otherStagedChanges, stagedSwap } from "../src/platforms/railway/volume-staging.ts";

const ours = { serviceId: "svc-pg", volumeId: "vol-old" };
const names = new Map([
  ["svc-pg", "postgres"],
  ["svc-api", "backend"],
  ["svc-r1", "postgres-replica-1"],
]);
const swap = {
  volumes: { "vol-new": { sizeMB: 5000 } },
  services: { "svc-pg": { volumeMounts: { "vol-new": { mountPath: "/data" } } } },
};

describe("a staged volume swap (PLATFORMS.md turn 3: the patch names the NEW volume id)", () => {
  it("the service's own swap to a new volume is not someone else's change, and names the new volume", () => {
    expect(otherStagedChanges(swap, ours, names)).toEqual([]);
    expect(stagedSwap(swap, ours)).toBe("vol-new");
    // Unmounting the old volume in the same patch is part of the swap too.
    const withUnmount = {
      ...swap,
      services: { "svc-pg": { volumeMounts: { "vol-new": { mountPath: "/data" }, "vol-old": null } } },
    };
    expect(otherStagedChanges(withUnmount, ours, names)).toEqual([]);
    expect(stagedSwap(withUnmount, ours)).toBe("vol-new");
  });

  it("anything else staged is named: another service, another key of this service, another volume, another section", () => {
    const patch = {
      volumes: { "vol-new": { sizeMB: 5000 }, "vol-other": { sizeMB: 100 } },
      services: {
        "svc-pg": { volumeMounts: { "vol-new": { mountPath: "/data" } }, variables: { X: { value: "1" } } },
        "svc-api": { deploy: { numReplicas: 2 } },
      },
      sharedVariables: { Y: { value: "2" } },
    };
    expect(otherStagedChanges(patch, ours, names)).toEqual([
      "volume vol-other",
      "service postgres: variables",
      "service backend: deploy",
      "sharedVariables",
    ]);
  });

  it("nothing staged, or only empty sections: no swap, no other change", () => {
    for (const patch of [undefined, null, {}, { services: {}, volumes: {} }]) {
      expect(otherStagedChanges(patch, ours, names)).toEqual([]);
      expect(stagedSwap(patch, ours)).toBeUndefined();
    }
  });
});

describe("Postgres HA clusters (clusterRole, parentServiceId in the environment config)", () => {
  it("a root with replicas, a replica, and a standalone service", () => {
    const config = {
      services: {
        "svc-pg": { clusterRole: "root" },
        "svc-r1": { clusterRole: "replica", parentServiceId: "svc-pg" },
        "svc-api": {},
      },
    };
    expect(haCluster(config, "svc-pg", names)).toBe(
      "postgres is the root of a Postgres HA cluster with replicas postgres-replica-1",
    );
    expect(haCluster(config, "svc-r1", names)).toBe(
      "postgres-replica-1 is the replica of a Postgres HA cluster (root: postgres)",
    );
    expect(haCluster(config, "svc-api", names)).toBeUndefined();
    expect(haCluster({}, "svc-pg", names)).toBeUndefined();
    // A root with only a PgBouncer edge child is a pooled standalone, not a cluster (postgres_plugins.rs).
    const pooled = {
      services: {
        "svc-pg": { clusterRole: "root" },
        "svc-api": { clusterRole: "edge", parentServiceId: "svc-pg" },
      },
    };
    expect(haCluster(pooled, "svc-pg", names)).toBeUndefined();
    // A role this code does not know: treated as a cluster member.
    expect(haCluster({ services: { "svc-pg": { clusterRole: "witness" } } }, "svc-pg", names)).toBe(
      "postgres is the witness of a Postgres HA cluster",
    );
  });
});

describe("the rerun marker survives the swap: keyed by the service and the NEW volume", () => {
  it("reads the newest committed restore of the service", () => {
    const patch = (message: string, status = "COMMITTED") => ({ id: "p", status, message, createdAt: "" });
    const marker = (serviceId: string, backupId: string, volumeId: string) =>
      restoreMarker({ serviceId, backupId, volumeId, fromInstanceId: `inst-before-${volumeId}` });
    const patches = [
      patch(`restore ${marker("svc-pg", "bk-2", "vol-b")}`, "STAGED"),
      patch(`restore ${marker("svc-other", "bk-9", "vol-z")}`),
      patch(`restore ${marker("svc-pg", "bk-1", "vol-a")}`),
    ];
    expect(lastRestore(patches, "svc-pg")).toEqual({
      serviceId: "svc-pg",
      backupId: "bk-1",
      volumeId: "vol-a",
      fromInstanceId: "inst-before-vol-a",
    });
    expect(lastRestore(patches, "svc-none")).toBeUndefined();
  });
});
