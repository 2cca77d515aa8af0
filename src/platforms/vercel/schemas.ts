import { z } from "zod";

/**
 * Zod shapes of the Vercel answers the suite reads. Only the fields it uses; platform enums are plain
 * strings, since Vercel adds values and an unknown one must not break a rollback (the @vercel/sdk models
 * are closed enums: test/vercel-sim.test.ts checks the simulator against them instead).
 */

export const aliasRequestSchema = z.object({
  fromDeploymentId: z.string().nullable().optional(),
  toDeploymentId: z.string(),
  jobStatus: z.string(),
  requestedAt: z.number(),
  type: z.string(),
});

const creatorSchema = z.object({ uid: z.string().optional(), username: z.string().optional() }).optional();

const productionTargetSchema = z.object({
  id: z.string(),
  url: z.string().optional(),
  createdAt: z.number().optional(),
  readyState: z.string().optional(),
  readySubstate: z.string().optional(),
  alias: z.array(z.string()).optional(),
  meta: z.record(z.string(), z.string()).optional(),
});

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string().optional(),
  autoAssignCustomDomains: z.boolean().optional(),
  paused: z.boolean().optional(),
  targets: z.record(z.string(), productionTargetSchema.nullable()).optional(),
  lastAliasRequest: aliasRequestSchema.nullable().optional(),
  // Sent with `?rollbackInfo=true`: who rolled back last, and why.
  rollbackDescription: z
    .object({
      description: z.string().optional(),
      username: z.string().optional(),
      createdAt: z.number().optional(),
    })
    .nullable()
    .optional(),
});

export const listItemSchema = z.object({
  uid: z.string(),
  name: z.string().optional(),
  url: z.string(),
  createdAt: z.number(),
  readyState: z.string(),
  readySubstate: z.string().optional(),
  target: z.string().nullable().optional(),
  isRollbackCandidate: z.boolean().nullable().optional(),
  creator: creatorSchema,
  meta: z.record(z.string(), z.string()).optional(),
});

export const listSchema = z.object({
  deployments: z.array(listItemSchema),
  pagination: z.object({ count: z.number().optional(), next: z.number().nullable().optional() }).optional(),
});

export const deploymentSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  url: z.string(),
  projectId: z.string().optional(),
  createdAt: z.number().optional(),
  readyState: z.string(),
  readySubstate: z.string().optional(),
  target: z.string().nullable().optional(),
  alias: z.array(z.string()).optional(),
  creator: creatorSchema,
  meta: z.record(z.string(), z.unknown()).optional(),
  errorMessage: z.string().nullable().optional(),
});

// The v9 rollback listing names an alias as a string or as `{alias, deploymentId}` (PLATFORMS.md).
export const failedAliasesSchema = z.object({
  aliases: z
    .array(
      z.object({
        alias: z.union([
          z.string(),
          z.object({ alias: z.string(), deploymentId: z.string().nullable().optional() }),
        ]),
        status: z.string().optional(),
      }),
    )
    .default([]),
});

/** `GET /v4/aliases/{host}`: which deployment a domain or alias points at. */
export const aliasSchema = z.object({
  alias: z.string(),
  uid: z.string().optional(),
  deploymentId: z.string().nullable().optional(),
  projectId: z.string().nullable().optional(),
});

const rollingDeploymentSchema = z.object({
  id: z.string(),
  url: z.string().optional(),
  createdAt: z.number().optional(),
});

export const rollingReleaseSchema = z.object({
  rollingRelease: z
    .object({
      state: z.string(),
      currentDeployment: rollingDeploymentSchema.nullable().optional(),
      canaryDeployment: rollingDeploymentSchema.nullable().optional(),
      activeStage: z.object({ targetPercentage: z.number().optional() }).nullable().optional(),
    })
    .nullable(),
});

export type Project = z.infer<typeof projectSchema>;
export type AliasRequest = z.infer<typeof aliasRequestSchema>;
export type DeploymentListItem = z.infer<typeof listItemSchema>;
export type Deployment = z.infer<typeof deploymentSchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type RollingRelease = NonNullable<z.infer<typeof rollingReleaseSchema>["rollingRelease"]>;
export interface FailedAlias {
  alias: string;
  status: string | undefined;
}
