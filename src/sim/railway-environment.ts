import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";

/**
 * An environment's staged and committed patches and its config (the `EnvironmentConfig` JSON document),
 * for the simulator. Shapes follow `railway-public-schema.graphql` and the CLI's
 * `controllers/config/environment.rs` (`services.<id>.volumeMounts.<volumeId>`, `volumes.<volumeId>`);
 * HA roles follow the CLI's `controllers/postgres_plugins.rs` (`clusterRole`, `parentServiceId`).
 */
export const RAILWAY_ENVIRONMENT_SDL = `
scalar EnvironmentConfig
type EnvironmentPatch {
  id: ID! status: String! message: String createdAt: DateTime! environmentId: String! patch(decryptVariables: Boolean): EnvironmentConfig!
}
type QueryEnvironmentPatchesConnectionEdge { cursor: String! node: EnvironmentPatch! }
type QueryEnvironmentPatchesConnection { edges: [QueryEnvironmentPatchesConnectionEdge!]! pageInfo: PageInfo! }

extend type Environment {
  config(decryptVariables: Boolean): EnvironmentConfig!
}
extend type Query {
  environmentStagedChanges(environmentId: String!): EnvironmentPatch!
  environmentPatches(after: String, before: String, environmentId: String!, first: Int, last: Int): QueryEnvironmentPatchesConnection!
}
extend type Mutation {
  environmentPatchCommitStaged(commitMessage: String, environmentId: String!, skipDeploys: Boolean): String!
}
`;

export type Patch = Record<string, Record<string, unknown>>;

export interface CommittedPatch {
  id: string;
  environmentId: string;
  message: string | null;
  createdAt: number;
  patch: Patch;
}

/** A member of a Postgres HA cluster, as the environment config marks it (CLI `postgres_plugins.rs`). */
export interface ClusterMember {
  clusterRole: "root" | "replica" | "internal" | "edge";
  parentServiceId?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Merges `patch` into `into`, object by object (the schema's `environmentStageChanges(merge: true)`). */
export function mergePatch(into: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = into[key];
    if (isObject(current) && isObject(value)) mergePatch(current, value);
    else into[key] = isObject(value) ? structuredClone(value) : value;
  }
}

export class EnvironmentPatches {
  /** Committed patches, oldest first. */
  readonly committed: CommittedPatch[] = [];
  private readonly staged = new Map<string, Patch>();
  /** Postgres HA roles by service id; services without one are standalone. */
  readonly clusters = new Map<string, ClusterMember>();

  /** Someone's staged change (a variable edited in the dashboard and not deployed yet), or a staged swap. */
  stage(environmentId: string, patch: Patch): void {
    const current = this.staged.get(environmentId) ?? {};
    mergePatch(current, patch);
    this.staged.set(environmentId, current);
  }

  stagedIn(environmentId: string): Patch {
    return this.staged.get(environmentId) ?? {};
  }

  /** Takes everything staged (other people's changes too) as one committed patch. */
  commit(environmentId: string, message: string | null): CommittedPatch {
    const patch = this.staged.get(environmentId);
    if (!patch || Object.keys(patch).length === 0) throw new GraphQLError("No staged changes to commit");
    this.staged.delete(environmentId);
    const committed = { id: randomUUID(), environmentId, message, createdAt: Date.now(), patch };
    this.committed.push(committed);
    return committed;
  }

  /**
   * The environment config: every service's volume mounts (keyed by volume id) and HA role, every mounted
   * volume (keyed by volume id), as the CLI's `EnvironmentConfig` reads them.
   */
  config(mounted: Array<{ serviceId: string; volumeId: string; mountPath: string; sizeMB: number }>) {
    const services: Record<string, Record<string, unknown>> = {};
    const volumes: Record<string, unknown> = {};
    for (const volume of mounted) {
      const service = services[volume.serviceId] ?? { volumeMounts: {} };
      (service.volumeMounts as Record<string, unknown>)[volume.volumeId] = { mountPath: volume.mountPath };
      services[volume.serviceId] = service;
      volumes[volume.volumeId] = { sizeMB: volume.sizeMB };
    }
    for (const [serviceId, member] of this.clusters)
      services[serviceId] = { ...services[serviceId], ...member };
    return { services, volumes };
  }
}

/** Resolvers for staged and committed patches; `apply` plays a committed patch on the environment. */
export function environmentPatchResolvers(
  patches: EnvironmentPatches,
  authorize: (environmentId: string) => void,
  apply: (committed: CommittedPatch) => void,
) {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    environmentStagedChanges: ({ environmentId }: { environmentId: string }) => {
      authorize(environmentId);
      return {
        id: `staged-${environmentId}`,
        status: "STAGED",
        message: null,
        createdAt: new Date().toISOString(),
        environmentId,
        patch: patches.stagedIn(environmentId),
      };
    },
    environmentPatches: ({ environmentId, first }: { environmentId: string; first?: number }) => {
      authorize(environmentId);
      const nodes = patches.committed
        .filter((p) => p.environmentId === environmentId)
        .reverse()
        .slice(0, first ?? 20)
        .map((p) => ({ ...p, status: "COMMITTED", createdAt: iso(p.createdAt) }));
      return {
        edges: nodes.map((node, i) => ({ cursor: String(i), node })),
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      };
    },
    environmentPatchCommitStaged: (args: { environmentId: string; commitMessage?: string }) => {
      authorize(args.environmentId);
      const committed = patches.commit(args.environmentId, args.commitMessage ?? null);
      apply(committed);
      return committed.id;
    },
  };
}
