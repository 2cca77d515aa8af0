import { z } from "zod";
import type { RailwayClient } from "./client.ts";
import { AUTO_DEPLOY_UPDATE_MUTATION, SERVICE_CONFIG_QUERY } from "./operations.ts";

/** One service in one environment of one project. */
export interface ServiceInstanceIds {
  projectId: string;
  environmentId: string;
  serviceId: string;
}

/**
 * Variable names that a rollback to the target changes (it restores the target's custom variables):
 * names only, never values. Sealed variables never come back through the API, so they cannot be compared.
 */
export interface Drift {
  added: string[];
  removed: string[];
  changed: string[];
  sealed: string[];
}

export interface AutoDeployStatus {
  enabled: boolean;
  canEnable: boolean;
  reason: string | undefined;
}

const variables = z.record(z.string(), z.unknown());
const configData = z.object({
  deploymentSnapshot: z.object({ variables }).nullable().optional(),
  variables: variables.optional(),
  environment: z
    .object({
      variables: z.object({
        edges: z.array(
          z.object({
            node: z.object({
              name: z.string(),
              isSealed: z.boolean(),
              serviceId: z.string().nullable().optional(),
            }),
          }),
        ),
      }),
    })
    .optional(),
  serviceInstanceAutoDeployStatus: z
    .object({ canEnable: z.boolean(), enabled: z.boolean(), reason: z.string().nullable().optional() })
    .optional(),
});
const autoDeployData = z.object({ serviceInstanceAutoDeployUpdate: z.object({ enabled: z.boolean() }) });

/**
 * Reads, in one request, what a rollback to `deploymentId` would change in the service's variables
 * (`drift`, compared with the unrendered values, so a changed reference counts and a re-rendered one does
 * not) and whether pushes auto-deploy. `drift` is undefined when Railway kept no snapshot of the target.
 */
export async function readServiceConfig(
  client: RailwayClient,
  ids: ServiceInstanceIds,
  options: { deploymentId: string; drift: boolean; autoDeploy: boolean },
): Promise<{ drift?: Drift; autoDeploy?: AutoDeployStatus }> {
  const data = await client.query(
    "ServiceConfig",
    SERVICE_CONFIG_QUERY,
    {
      ...ids,
      deploymentId: options.deploymentId,
      withDrift: options.drift,
      withAutoDeploy: options.autoDeploy,
    },
    configData,
  );
  const status = data.serviceInstanceAutoDeployStatus;
  const snapshot = data.deploymentSnapshot?.variables;
  const sealed = (data.environment?.variables.edges ?? [])
    .map((e) => e.node)
    .filter((v) => v.isSealed && (!v.serviceId || v.serviceId === ids.serviceId))
    .map((v) => v.name);
  return {
    drift: options.drift && snapshot ? compareVariables(snapshot, data.variables ?? {}, sealed) : undefined,
    autoDeploy: status
      ? { enabled: status.enabled, canEnable: status.canEnable, reason: status.reason ?? undefined }
      : undefined,
  };
}

/** The names a rollback would add, remove or change (target snapshot vs today); sealed ones apart. */
export function compareVariables(
  target: Record<string, unknown>,
  current: Record<string, unknown>,
  sealed: string[],
): Drift {
  const hidden = new Set(sealed);
  const names = (record: Record<string, unknown>) => Object.keys(record).filter((n) => !hidden.has(n));
  const sorted = (list: string[]) => [...list].sort();
  return {
    added: sorted(names(target).filter((n) => !(n in current))),
    removed: sorted(names(current).filter((n) => !(n in target))),
    changed: sorted(names(target).filter((n) => n in current && !sameValue(target[n], current[n]))),
    sealed: sorted([...hidden]),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function hasDrift(drift: Drift): boolean {
  return drift.added.length + drift.removed.length + drift.changed.length > 0;
}

/**
 * Pauses (`enabled: false`) or resumes deploys on push for one service instance. A rollback does not stop
 * the next push from deploying again (PLATFORMS.md); the traffic action's resume calls this with `true`.
 * Returns the state Railway reports afterwards.
 */
export async function setAutoDeploy(
  client: RailwayClient,
  ids: ServiceInstanceIds,
  enabled: boolean,
): Promise<boolean> {
  const data = await client.mutate(
    "ServiceInstanceAutoDeployUpdate",
    AUTO_DEPLOY_UPDATE_MUTATION,
    { input: { ...ids, enabled } },
    autoDeployData,
  );
  return data.serviceInstanceAutoDeployUpdate.enabled;
}
