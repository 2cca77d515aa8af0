import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";

/**
 * Railway volumes for the simulator: volume instances per environment, backups, restore workflows and
 * staged changes. Names and argument types follow `railway-public-schema.graphql`; the behaviour follows
 * PLATFORMS.md (volume instances only through the environment; a backup restore only stages the volume
 * swap, commit it with `environmentPatchCommitStaged`, then the service redeploys; a restore deletes the
 * backups newer than the one restored; `volumeInstancePITRRestore` makes a new service, the source stays
 * online; `workflowStatus` answers NotFound until a new workflow is visible). Where nobody documents the
 * answer, the simulator is pessimistic: see `keepLockedOnRestore` and the staged patch shape.
 */
export const RAILWAY_VOLUMES_SDL = `
scalar EnvironmentConfig
type WorkflowId { workflowId: String }
type WorkflowResult { error: String status: String! }
type VolumeInstance {
  id: ID! volumeId: String! serviceId: String environmentId: String! mountPath: String!
  currentSizeMB: Float! sizeMB: Int! state: String createdAt: DateTime!
}
type EnvironmentVolumeInstancesConnectionEdge { cursor: String! node: VolumeInstance! }
type EnvironmentVolumeInstancesConnection { edges: [EnvironmentVolumeInstancesConnectionEdge!]! pageInfo: PageInfo! }
type VolumeInstanceBackup {
  id: String! name: String createdAt: DateTime! expiresAt: DateTime externalId: String!
  usedMB: Int referencedMB: Int volumeInstanceSizeMB: Int
}
type EnvironmentPatch {
  id: ID! status: String! message: String createdAt: DateTime! environmentId: String! patch(decryptVariables: Boolean): EnvironmentConfig!
}
type QueryEnvironmentPatchesConnectionEdge { cursor: String! node: EnvironmentPatch! }
type QueryEnvironmentPatchesConnection { edges: [QueryEnvironmentPatchesConnectionEdge!]! pageInfo: PageInfo! }

enum VolumeInstanceBackupScheduleKind { DAILY MONTHLY WEEKLY }
type VolumeInstanceBackupSchedule { createdAt: DateTime! cron: String! id: ID! kind: VolumeInstanceBackupScheduleKind! name: String! retentionSeconds: Int }
extend type Environment {
  volumeInstances(after: String, before: String, first: Int, last: Int): EnvironmentVolumeInstancesConnection!
}
extend type Query {
  volumeInstanceBackupList(volumeInstanceId: String!): [VolumeInstanceBackup!]!
  volumeInstanceBackupScheduleList(volumeInstanceId: String!): [VolumeInstanceBackupSchedule!]!
  workflowStatus(workflowId: String!): WorkflowResult!
  environmentStagedChanges(environmentId: String!): EnvironmentPatch!
  environmentPatches(after: String, before: String, environmentId: String!, first: Int, last: Int): QueryEnvironmentPatchesConnection!
}
extend type Mutation {
  volumeInstanceBackupCreate(name: String, volumeInstanceId: String!): WorkflowId!
  volumeInstanceBackupLock(volumeInstanceBackupId: String!, volumeInstanceId: String!): Boolean!
  volumeInstanceBackupRestore(replicaServiceIds: [String!], volumeInstanceBackupId: String!, volumeInstanceId: String!, wipeServiceIds: [String!]): WorkflowId!
  volumeInstancePITRRestore(newServiceName: String, sourceRepoPath: String, targetTimestamp: DateTime!, volumeInstanceId: String!): WorkflowId!
  environmentPatchCommitStaged(commitMessage: String, environmentId: String!, skipDeploys: Boolean): String!
}
`;

export interface SimVolumeInstance {
  id: string;
  volumeId: string;
  serviceId: string;
  projectId: string;
  environmentId: string;
  mountPath: string;
  sizeMB: number;
  usedMB: number;
  /** What the volume holds, as a label tests compare ("orders up to 12:00"). */
  data: string;
  /** Point-in-time recovery enabled: the earliest restorable time (epoch ms). */
  pitrSince?: number;
}

export interface SimBackup {
  id: string;
  volumeInstanceId: string;
  name: string;
  createdAt: number;
  expiresAt: number | null;
  usedMB: number;
  data: string;
}

/** A volume's backup schedule, as the dashboard's Backups tab sets it (daily, weekly, monthly). */
export interface SimBackupSchedule {
  volumeInstanceId: string;
  kind: "DAILY" | "WEEKLY" | "MONTHLY";
  retentionSeconds: number | null;
}

export interface VolumeHooks {
  /** A new deployment of the service (a committed volume swap, a new service's first boot). */
  redeploy(serviceId: string, environmentId: string): void;
  /** Adds a service to the project; returns its id. */
  addService(projectId: string, name: string): string;
}

interface Workflow {
  id: string;
  createdAt: number;
  finishAt: number;
  status: "Running" | "Complete" | "Error";
  error: string | null;
  finish: () => void;
}

export interface VolumeOptions {
  /** How long a workflow runs; `visibleAfterMs`: how long workflowStatus answers NotFound after creation. */
  workflowMs?: number;
  visibleAfterMs?: number;
  /**
   * Whether a restore spares *locked* backups newer than the one restored. Railway's docs say newer
   * backups are deleted and say nothing of locked ones, so the default is the pessimistic `false`.
   */
  keepLockedOnRestore?: boolean;
}

const DAY = 86_400_000;

export class RailwayVolumes {
  readonly instances: SimVolumeInstance[] = [];
  readonly backups: SimBackup[] = [];
  readonly schedules: SimBackupSchedule[] = [];
  /** Committed patches per environment, oldest first. */
  readonly committed: Array<{
    id: string;
    environmentId: string;
    message: string | null;
    createdAt: number;
    patch: Record<string, unknown>;
  }> = [];
  private readonly staged = new Map<string, Record<string, Record<string, unknown>>>();
  private readonly workflows = new Map<string, Workflow>();
  private readonly failures: Array<{ operation: string; error: string }> = [];
  private readonly hooks: VolumeHooks;
  options: Required<VolumeOptions> = { workflowMs: 80, visibleAfterMs: 20, keepLockedOnRestore: false };

  constructor(hooks: VolumeHooks) {
    this.hooks = hooks;
  }

  configure(options: VolumeOptions): this {
    this.options = { ...this.options, ...options };
    return this;
  }

  addInstance(
    instance: Omit<SimVolumeInstance, "id" | "volumeId"> & { id?: string; volumeId?: string },
  ): SimVolumeInstance {
    const added = { id: randomUUID(), volumeId: randomUUID(), ...instance };
    this.instances.push(added);
    return added;
  }

  addBackup(
    backup: Omit<SimBackup, "id" | "expiresAt"> & { id?: string; expiresAt?: number | null },
  ): SimBackup {
    const added = { id: randomUUID(), expiresAt: backup.createdAt + 7 * DAY, ...backup };
    this.backups.push(added);
    return added;
  }

  /** Someone else's staged change (a variable edited in the dashboard and not deployed yet). */
  stage(environmentId: string, patch: Record<string, Record<string, unknown>>): void {
    const current = this.staged.get(environmentId) ?? {};
    for (const [section, entries] of Object.entries(patch))
      current[section] = { ...current[section], ...entries };
    this.staged.set(environmentId, current);
  }

  stagedIn(environmentId: string): Record<string, Record<string, unknown>> {
    return this.staged.get(environmentId) ?? {};
  }

  /** The next workflow started by `operation` (VolumeBackupCreate, VolumeBackupRestore, VolumePITRRestore) ends in Error. */
  failNext(operation: string, error: string): this {
    this.failures.push({ operation, error });
    return this;
  }

  instancesIn(environmentId: string) {
    return this.instances
      .filter((i) => i.environmentId === environmentId)
      .map((i) => ({
        id: i.id,
        volumeId: i.volumeId,
        serviceId: i.serviceId,
        environmentId: i.environmentId,
        mountPath: i.mountPath,
        currentSizeMB: i.usedMB,
        sizeMB: i.sizeMB,
        state: "READY",
        createdAt: new Date(0).toISOString(),
      }));
  }

  instance(id: string): SimVolumeInstance {
    const found = this.instances.find((i) => i.id === id);
    if (!found) throw new GraphQLError("Not Authorized");
    return found;
  }

  private start(operation: string, finish: () => void): { workflowId: string } {
    const now = Date.now();
    const failure = this.failures.findIndex((f) => f.operation === operation);
    const error = failure >= 0 ? this.failures.splice(failure, 1)[0]?.error : undefined;
    const workflow: Workflow = {
      id: randomUUID(),
      createdAt: now,
      finishAt: now + this.options.workflowMs,
      status: "Running",
      error: null,
      finish,
    };
    this.workflows.set(workflow.id, workflow);
    const timer = setTimeout(() => {
      if (error !== undefined) {
        workflow.status = "Error";
        workflow.error = error;
        return;
      }
      workflow.finish();
      workflow.status = "Complete";
    }, this.options.workflowMs);
    // A workflow still running when a test ends must not keep the process alive.
    timer.unref();
    return { workflowId: workflow.id };
  }

  workflowStatus(id: string) {
    const workflow = this.workflows.get(id);
    if (!workflow || Date.now() - workflow.createdAt < this.options.visibleAfterMs) {
      return { status: "NotFound", error: null };
    }
    return { status: workflow.status, error: workflow.error };
  }

  createBackup(instance: SimVolumeInstance, name: string | undefined) {
    return this.start("VolumeBackupCreate", () => {
      this.addBackup({
        volumeInstanceId: instance.id,
        name: name ?? "Manual",
        createdAt: Date.now(),
        usedMB: instance.usedMB,
        data: instance.data,
      });
    });
  }

  lock(instance: SimVolumeInstance, backupId: string): boolean {
    const backup = this.backups.find((b) => b.id === backupId && b.volumeInstanceId === instance.id);
    if (!backup) throw new GraphQLError("Backup not found");
    backup.expiresAt = null;
    return true;
  }

  /** Completes by deleting the newer backups and staging the swap; the volume changes only on commit. */
  restore(instance: SimVolumeInstance, backupId: string) {
    const backup = this.backups.find((b) => b.id === backupId && b.volumeInstanceId === instance.id);
    if (!backup) throw new GraphQLError("Backup not found");
    return this.start("VolumeBackupRestore", () => {
      for (const other of [...this.backups]) {
        const newer = other.volumeInstanceId === instance.id && other.createdAt > backup.createdAt;
        const spared = this.options.keepLockedOnRestore && other.expiresAt === null;
        if (newer && !spared) this.backups.splice(this.backups.indexOf(other), 1);
      }
      // How Railway writes a staged volume swap into the patch is not documented: under its volume's id.
      this.stage(instance.environmentId, {
        volumes: { [instance.volumeId]: { restoreBackupId: backup.id } },
      });
    });
  }

  pitr(instance: SimVolumeInstance, targetMs: number, newServiceName: string | undefined) {
    if (instance.pitrSince === undefined)
      throw new GraphQLError("Point-in-time recovery is not enabled for this service");
    if (Number.isNaN(targetMs) || targetMs < instance.pitrSince || targetMs > Date.now())
      throw new GraphQLError("Target timestamp is outside the available restore window");
    return this.start("VolumePITRRestore", () => {
      const serviceId = this.hooks.addService(instance.projectId, newServiceName ?? `restored-${Date.now()}`);
      this.addInstance({
        serviceId,
        projectId: instance.projectId,
        environmentId: instance.environmentId,
        mountPath: instance.mountPath,
        sizeMB: instance.sizeMB,
        usedMB: instance.usedMB,
        data: `${instance.data} as of ${new Date(targetMs).toISOString()}`,
      });
      this.hooks.redeploy(serviceId, instance.environmentId);
    });
  }

  /** Commits everything staged (other people's changes too): volumes swap, affected services redeploy. */
  commit(environmentId: string, message: string | null): string {
    const patch = this.staged.get(environmentId);
    if (!patch || Object.keys(patch).length === 0) throw new GraphQLError("No staged changes to commit");
    this.staged.delete(environmentId);
    const id = randomUUID();
    this.committed.push({ id, environmentId, message, createdAt: Date.now(), patch });
    const services = new Set(Object.keys(patch.services ?? {}));
    for (const [volumeId, change] of Object.entries(patch.volumes ?? {})) {
      const instance = this.instances.find(
        (i) => i.volumeId === volumeId && i.environmentId === environmentId,
      );
      const backupId = (change as { restoreBackupId?: string }).restoreBackupId;
      const backup = this.backups.find((b) => b.id === backupId);
      if (instance && backup) {
        instance.data = backup.data;
        instance.usedMB = backup.usedMB;
      }
      if (instance) services.add(instance.serviceId);
    }
    for (const serviceId of services) this.hooks.redeploy(serviceId, environmentId);
    return id;
  }
}

/** Resolvers to spread into the simulator's root value; `authorize` throws when the token may not act there. */
export function railwayVolumesResolvers(
  volumes: RailwayVolumes,
  authorize: (projectId: string, environmentId: string) => void,
  environmentProject: (environmentId: string) => string,
) {
  const visible = (id: string) => {
    const instance = volumes.instance(id);
    authorize(instance.projectId, instance.environmentId);
    return instance;
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    // Read-only: public schema Query.volumeInstanceBackupScheduleList (railway-public-schema.graphql).
    volumeInstanceBackupScheduleList: ({ volumeInstanceId }: { volumeInstanceId: string }) => {
      visible(volumeInstanceId);
      return volumes.schedules
        .filter((s) => s.volumeInstanceId === volumeInstanceId)
        .map((s, index) => ({
          id: `${volumeInstanceId}-${s.kind}`,
          name: `${s.kind[0]}${s.kind.slice(1).toLowerCase()} backup`,
          kind: s.kind,
          cron: { DAILY: "0 3 * * *", WEEKLY: "0 3 * * 0", MONTHLY: "0 3 1 * *" }[s.kind],
          retentionSeconds: s.retentionSeconds,
          createdAt: new Date(index).toISOString(),
        }));
    },
    volumeInstanceBackupList: ({ volumeInstanceId }: { volumeInstanceId: string }) => {
      visible(volumeInstanceId);
      return volumes.backups
        .filter((b) => b.volumeInstanceId === volumeInstanceId)
        .map((b) => ({
          id: b.id,
          name: b.name,
          createdAt: iso(b.createdAt),
          expiresAt: iso(b.expiresAt),
          externalId: `ext-${b.id}`,
          usedMB: b.usedMB,
          referencedMB: b.usedMB,
          volumeInstanceSizeMB: volumes.instance(volumeInstanceId).sizeMB,
        }));
    },
    // Workflow ids are not tied to a project in the schema; any valid token may read one.
    workflowStatus: ({ workflowId }: { workflowId: string }) => volumes.workflowStatus(workflowId),
    environmentStagedChanges: ({ environmentId }: { environmentId: string }) => {
      authorize(environmentProject(environmentId), environmentId);
      return {
        id: `staged-${environmentId}`,
        status: "STAGED",
        message: null,
        createdAt: new Date().toISOString(),
        environmentId,
        patch: volumes.stagedIn(environmentId),
      };
    },
    environmentPatches: ({ environmentId, first }: { environmentId: string; first?: number }) => {
      authorize(environmentProject(environmentId), environmentId);
      const nodes = volumes.committed
        .filter((p) => p.environmentId === environmentId)
        .reverse()
        .slice(0, first ?? 20)
        .map((p) => ({ ...p, status: "COMMITTED", createdAt: iso(p.createdAt) }));
      return {
        edges: nodes.map((node, i) => ({ cursor: String(i), node })),
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      };
    },
    volumeInstanceBackupCreate: (args: { name?: string; volumeInstanceId: string }) =>
      volumes.createBackup(visible(args.volumeInstanceId), args.name),
    volumeInstanceBackupLock: (args: { volumeInstanceBackupId: string; volumeInstanceId: string }) =>
      volumes.lock(visible(args.volumeInstanceId), args.volumeInstanceBackupId),
    volumeInstanceBackupRestore: (args: { volumeInstanceBackupId: string; volumeInstanceId: string }) =>
      volumes.restore(visible(args.volumeInstanceId), args.volumeInstanceBackupId),
    volumeInstancePITRRestore: (args: {
      volumeInstanceId: string;
      targetTimestamp: string;
      newServiceName?: string;
    }) => volumes.pitr(visible(args.volumeInstanceId), Date.parse(args.targetTimestamp), args.newServiceName),
    environmentPatchCommitStaged: (args: { environmentId: string; commitMessage?: string }) => {
      authorize(environmentProject(args.environmentId), args.environmentId);
      return volumes.commit(args.environmentId, args.commitMessage ?? null);
    },
  };
}
