import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import { type CommittedPatch, EnvironmentPatches, environmentPatchResolvers } from "./railway-environment.ts";

/**
 * Railway volumes for the simulator: volume instances per environment, backups, restore workflows and the
 * volume swap a restore stages. Names and argument types follow `railway-public-schema.graphql`; each
 * behaviour names its source where it is played. Staged and committed patches and the environment config
 * live in `railway-environment.ts`.
 */
export const RAILWAY_VOLUMES_SDL = `
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

enum VolumeInstanceBackupScheduleKind { DAILY MONTHLY WEEKLY }
type VolumeInstanceBackupSchedule { createdAt: DateTime! cron: String! id: ID! kind: VolumeInstanceBackupScheduleKind! name: String! retentionSeconds: Int }
extend type Environment {
  volumeInstances(after: String, before: String, first: Int, last: Int): EnvironmentVolumeInstancesConnection!
}
extend type Query {
  volumeInstanceBackupList(volumeInstanceId: String!): [VolumeInstanceBackup!]!
  volumeInstanceBackupScheduleList(volumeInstanceId: String!): [VolumeInstanceBackupSchedule!]!
  workflowStatus(workflowId: String!): WorkflowResult!
}
extend type Mutation {
  volumeInstanceBackupCreate(name: String, volumeInstanceId: String!): WorkflowId!
  volumeInstanceBackupLock(volumeInstanceBackupId: String!, volumeInstanceId: String!): Boolean!
  volumeInstanceBackupRestore(replicaServiceIds: [String!], volumeInstanceBackupId: String!, volumeInstanceId: String!, wipeServiceIds: [String!]): WorkflowId!
  volumeInstancePITRRestore(newServiceName: String, sourceRepoPath: String, targetTimestamp: DateTime!, volumeInstanceId: String!): WorkflowId!
}
`;

export interface SimVolumeInstance {
  id: string;
  volumeId: string;
  /** null: retained but unmounted (an old volume after a restore's swap). */
  serviceId: string | null;
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
  status: "Running" | "Complete" | "Error";
  error: string | null;
}

export interface VolumeOptions {
  /** How long a workflow runs; `visibleAfterMs`: how long workflowStatus answers NotFound after creation. */
  workflowMs?: number;
  visibleAfterMs?: number;
  /**
   * After a restore, the backups left are listed under the new, mounted volume instance (docs
   * volumes/backups.md: "you will still have access to backups older than the one you are restoring")
   * or stay with the old one: nothing says under which instance, so tests play both.
   */
  backupsFollowMount?: boolean;
}

const DAY = 86_400_000;

export class RailwayVolumes {
  readonly instances: SimVolumeInstance[] = [];
  readonly backups: SimBackup[] = [];
  readonly patches = new EnvironmentPatches();
  /** Volumes a restore made and staged, mounted only when the staged patch is committed. */
  readonly pending = new Map<string, SimVolumeInstance>();
  readonly schedules: SimBackupSchedule[] = [];
  private readonly workflows = new Map<string, Workflow>();
  private readonly failures: Array<{ operation: string; error: string }> = [];
  private readonly hooks: VolumeHooks;
  options: Required<VolumeOptions> = { workflowMs: 80, visibleAfterMs: 20, backupsFollowMount: true };

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

  /** The volume the service mounts now in the environment (its first environment if unnamed). */
  mountedOn(serviceId: string, environmentId?: string): SimVolumeInstance | undefined {
    return this.instances.find(
      (i) => i.serviceId === serviceId && (!environmentId || i.environmentId === environmentId),
    );
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

  /** The environment config (`Environment.config`): mounts and volumes by volume id, HA roles. */
  configOf(environmentId: string) {
    return this.patches.config(
      this.instances.filter(
        (i): i is SimVolumeInstance & { serviceId: string } =>
          i.environmentId === environmentId && i.serviceId !== null,
      ),
    );
  }

  instance(id: string): SimVolumeInstance {
    const found = this.instances.find((i) => i.id === id);
    // PLATFORMS.md: an id the token may not see reads back as "Not Authorized".
    if (!found) throw new GraphQLError("Not Authorized");
    return found;
  }

  private start(operation: string, finish: () => void): { workflowId: string } {
    const failure = this.failures.findIndex((f) => f.operation === operation);
    const error = failure >= 0 ? this.failures.splice(failure, 1)[0]?.error : undefined;
    const workflow: Workflow = { id: randomUUID(), createdAt: Date.now(), status: "Running", error: null };
    this.workflows.set(workflow.id, workflow);
    const timer = setTimeout(() => {
      if (error !== undefined) {
        workflow.status = "Error";
        workflow.error = error;
        return;
      }
      finish();
      workflow.status = "Complete";
    }, this.options.workflowMs);
    // A workflow still running when a test ends must not keep the process alive.
    timer.unref();
    return { workflowId: workflow.id };
  }

  workflowStatus(id: string) {
    const workflow = this.workflows.get(id);
    // PLATFORMS.md: NotFound until a new workflow is visible.
    if (!workflow || Date.now() - workflow.createdAt < this.options.visibleAfterMs) {
      return { status: "NotFound", error: null };
    }
    return { status: workflow.status, error: workflow.error };
  }

  createBackup(instance: SimVolumeInstance, name: string | undefined) {
    return this.start("VolumeBackupCreate", () => {
      this.addBackup({
        volumeInstanceId: instance.id,
        // Schema: "Defaults to 'Manual' if not provided."
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
    // Schema: "Removes backup expiration date" (and nothing else: no source says a lock survives a restore).
    backup.expiresAt = null;
    return true;
  }

  /** Completes by deleting the newer backups and staging a swap to a NEW volume holding the backup. */
  restore(instance: SimVolumeInstance, backupId: string) {
    const backup = this.backups.find((b) => b.id === backupId && b.volumeInstanceId === instance.id);
    if (!backup) throw new GraphQLError("Backup not found");
    // Undocumented: a volume no service mounts (one kept after a restore) has no mount to swap: refused.
    if (!instance.serviceId) throw new GraphQLError("Volume is not mounted to a service");
    const serviceId = instance.serviceId;
    return this.start("VolumeBackupRestore", () => {
      // docs volumes/backups.md: "Restoring a backup will remove any newer backups" (locked ones too: PLATFORMS.md).
      for (const other of [...this.backups]) {
        if (other.volumeInstanceId === instance.id && other.createdAt > backup.createdAt)
          this.backups.splice(this.backups.indexOf(other), 1);
      }
      // docs volumes/backups.md: "a new volume mounted to the same location as the original volume".
      const fresh: SimVolumeInstance = {
        ...instance,
        id: randomUUID(),
        volumeId: randomUUID(),
        serviceId: null,
        usedMB: backup.usedMB,
        data: backup.data,
      };
      // Undocumented: a second restore before the commit replaces the first staged swap of that service.
      const staged = this.patches.stagedIn(instance.environmentId);
      const mounts = (staged.services?.[serviceId] as { volumeMounts?: Record<string, unknown> })
        ?.volumeMounts;
      for (const id of Object.keys(mounts ?? {})) {
        if (this.pending.delete(id)) {
          delete mounts?.[id];
          delete staged.volumes?.[id];
        }
      }
      this.pending.set(fresh.volumeId, fresh);
      // PLATFORMS.md (turn 3), CLI controllers/config/environment.rs: the patch names the NEW volume id.
      this.patches.stage(instance.environmentId, {
        volumes: { [fresh.volumeId]: { sizeMB: fresh.sizeMB } },
        services: { [serviceId]: { volumeMounts: { [fresh.volumeId]: { mountPath: fresh.mountPath } } } },
      });
    });
  }

  pitr(instance: SimVolumeInstance, targetMs: number, newServiceName: string | undefined) {
    if (instance.pitrSince === undefined)
      throw new GraphQLError("Point-in-time recovery is not enabled for this service");
    if (Number.isNaN(targetMs) || targetMs < instance.pitrSince || targetMs > Date.now())
      throw new GraphQLError("Target timestamp is outside the available restore window");
    // PLATFORMS.md: a PITR restore makes a NEW Postgres service; the source stays online.
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

  /** Plays a committed patch: staged volumes are mounted in place of the old ones; affected services redeploy. */
  apply({ environmentId, patch }: CommittedPatch): void {
    const services = new Set(Object.keys(patch.services ?? {}));
    for (const [serviceId, change] of Object.entries(patch.services ?? {})) {
      const mounts = (change as { volumeMounts?: Record<string, unknown> }).volumeMounts ?? {};
      for (const volumeId of Object.keys(mounts)) {
        const fresh = this.pending.get(volumeId);
        if (!fresh) continue;
        this.pending.delete(volumeId);
        const old = this.mountedOn(serviceId, environmentId);
        // docs volumes/backups.md: "The previous volume will be retained but has been unmounted from the service".
        if (old) old.serviceId = null;
        this.instances.push({ ...fresh, serviceId });
        // docs volumes/backups.md: "you will still have access to backups older than the one you are
        // restoring", in the service's Backups tab (by default they follow the mounted volume).
        for (const backup of this.backups)
          if (this.options.backupsFollowMount && old && backup.volumeInstanceId === old.id)
            backup.volumeInstanceId = fresh.id;
      }
    }
    // docs volumes/backups.md: "The changes will be applied and your service will be redeployed."
    for (const serviceId of services) this.hooks.redeploy(serviceId, environmentId);
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
    ...environmentPatchResolvers(
      volumes.patches,
      (environmentId) => authorize(environmentProject(environmentId), environmentId),
      (committed) => volumes.apply(committed),
    ),
  };
}

/** The environment's volume fields, for the simulator's `environment` resolver. */
export function environmentVolumeFields(
  volumes: RailwayVolumes,
  environmentId: string,
  edges: <T>(nodes: T[]) => unknown,
) {
  return {
    volumeInstances: () => edges(volumes.instancesIn(environmentId)),
    config: () => volumes.configOf(environmentId),
  };
}
