import type { EnvironmentConfig } from "./volumes.ts";

/** The service whose volume is restored, and the volume it mounts now. */
export interface SwapOwner {
  serviceId: string;
  volumeId: string;
}

type Doc = Record<string, unknown>;

function nonEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "object") return Object.values(value).some(nonEmpty) || Array.isArray(value);
  return true;
}

function entries(value: unknown): [string, unknown][] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.entries(value as Doc) : [];
}

function stagedMounts(patch: unknown, serviceId: string): [string, unknown][] {
  const services = (patch as { services?: Doc } | null | undefined)?.services;
  return entries((services?.[serviceId] as { volumeMounts?: unknown } | undefined)?.volumeMounts);
}

/**
 * The NEW volume a staged patch mounts on the service: a backup restore copies the backup into a new
 * volume and stages `services.<id>.volumeMounts.<newVolumeId>` (PLATFORMS.md, turn 3; the CLI's
 * `controllers/config/environment.rs` keys mounts by volume id). Undefined when no such swap is staged.
 */
export function stagedSwap(patch: unknown, ours: SwapOwner): string | undefined {
  const mounts = stagedMounts(patch, ours.serviceId).filter(
    ([id, mount]) => id !== ours.volumeId && nonEmpty(mount),
  );
  return mounts.length === 1 ? mounts[0]?.[0] : undefined;
}

/**
 * What a staged patch holds besides this service's own volume swap, in words: the service's
 * `volumeMounts` and the `volumes` entries of the volumes mounted or unmounted there are the swap;
 * anything else is someone else's change, which a commit would deploy with it.
 */
export function otherStagedChanges(
  patch: unknown,
  ours: SwapOwner,
  serviceNames: Map<string, string>,
): string[] {
  const swapVolumes = new Set([ours.volumeId, ...stagedMounts(patch, ours.serviceId).map(([id]) => id)]);
  const others: string[] = [];
  for (const [section, value] of entries(patch)) {
    if (!nonEmpty(value)) continue;
    if (section === "volumes") {
      for (const [id, change] of entries(value))
        if (!swapVolumes.has(id) && nonEmpty(change)) others.push(`volume ${id}`);
    } else if (section === "services") {
      for (const [id, change] of entries(value)) {
        const keys = entries(change)
          .filter(([key, v]) => nonEmpty(v) && !(id === ours.serviceId && key === "volumeMounts"))
          .map(([key]) => key);
        if (keys.length) others.push(`service ${serviceNames.get(id) ?? id}: ${keys.join(", ")}`);
      }
    } else {
      others.push(section);
    }
  }
  return others;
}

/**
 * The service's place in a Postgres HA cluster, in words, or undefined for a standalone service. Railway
 * marks cluster members in the environment config with `clusterRole` and `parentServiceId` (PLATFORMS.md;
 * the CLI's `controllers/postgres_plugins.rs`). A root is a cluster when replicas hang off it (a root with
 * only a PgBouncer `edge` child is a pooled standalone); a replica, an internal member or a role this
 * code does not know counts as a cluster member (the safe side).
 */
export function haCluster(
  config: EnvironmentConfig,
  serviceId: string,
  serviceNames: Map<string, string>,
): string | undefined {
  const services = config.services ?? {};
  const role = services[serviceId]?.clusterRole ?? undefined;
  const replicas = Object.entries(services)
    .filter(([, s]) => s?.parentServiceId === serviceId && s.clusterRole === "replica")
    .map(([id]) => serviceNames.get(id) ?? id);
  const member = role !== undefined && role !== "root" && role !== "edge";
  if (!member && replicas.length === 0) return undefined;
  const name = serviceNames.get(serviceId) ?? serviceId;
  const parent = services[serviceId]?.parentServiceId;
  return [
    `${name} is ${role ? `the ${role}` : "a member"} of a Postgres HA cluster`,
    parent ? ` (root: ${serviceNames.get(parent) ?? parent})` : "",
    replicas.length ? ` with replicas ${replicas.join(", ")}` : "",
  ].join("");
}
