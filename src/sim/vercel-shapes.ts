/**
 * The Vercel simulator's state and the shapes it answers with, as the `@vercel/sdk` models read them
 * (test/vercel-sim.test.ts parses every answer with those models).
 */

export type Plan = "hobby" | "pro" | "enterprise";

export interface SimCreator {
  uid: string;
  username: string;
}

export interface SimDeployment {
  id: string;
  url: string;
  projectId: string;
  createdAt: number;
  readyState: string;
  target: "production" | null;
  readySubstate: "STAGED" | "ROLLING" | "PROMOTED" | undefined;
  deleted: boolean;
  meta: Record<string, string>;
  creator: SimCreator;
  /** A build in flight that finishes exactly when a cancel for it arrives (the cancel then fails). */
  finishesOnCancel: boolean;
}

export interface SimAliasRequest {
  fromDeploymentId: string | null;
  toDeploymentId: string;
  jobStatus: "pending" | "in-progress" | "succeeded" | "failed" | "skipped";
  requestedAt: number;
  type: "promote" | "rollback";
}

export interface SimRollingRelease {
  state: "ACTIVE" | "COMPLETE" | "ABORTED";
  currentDeployment: string;
  canaryDeployment: string;
  targetPercentage: number;
  startedAt: number;
  updatedAt: number;
}

export interface SimProject {
  id: string;
  name: string;
  team: string | undefined;
  production: string | undefined;
  autoAssignCustomDomains: boolean;
  paused: boolean;
  domains: string[];
  aliases: Record<string, string>;
  failingDomains: string[];
  /** Promotes are queued (202) behind a rolling release. */
  queuePromotes: boolean;
  rollingRelease: SimRollingRelease | undefined;
  lastAliasRequest: SimAliasRequest | null;
  rollbackDescription: { description: string; createdAt: number } | undefined;
  failedAliases: { type: string; aliases: string[] };
  createdAt: number;
}

/** What the renderers need to look things up. */
export interface SimWorld {
  projects: SimProject[];
  deployments: SimDeployment[];
  planOf(project: SimProject | undefined): Plan;
  now(): number;
}

const ownerOf = (w: SimWorld, d: SimDeployment) => w.projects.find((p) => p.id === d.projectId);

export function isRollbackCandidate(d: SimDeployment): boolean {
  return (
    d.target === "production" && d.readyState === "READY" && d.readySubstate === "PROMOTED" && !d.deleted
  );
}

const creator = (d: SimDeployment) => ({ ...d.creator, email: `${d.creator.username}@example.com` });
const inspector = (w: SimWorld, d: SimDeployment) =>
  `https://vercel.com/sim/${ownerOf(w, d)?.name}/${d.id.slice(4)}`;

export function renderListItem(w: SimWorld, d: SimDeployment) {
  return {
    uid: d.id,
    name: ownerOf(w, d)?.name ?? "",
    url: d.url,
    created: d.createdAt,
    createdAt: d.createdAt,
    buildingAt: d.createdAt,
    ready: d.readyState === "READY" ? d.createdAt + 1000 : undefined,
    state: d.readyState,
    readyState: d.readyState,
    readySubstate: d.readySubstate,
    type: "LAMBDAS",
    target: d.target,
    projectId: d.projectId,
    creator: creator(d),
    inspectorUrl: inspector(w, d),
    isRollbackCandidate: isRollbackCandidate(d),
    source: "git",
    meta: d.meta,
  };
}

export function renderDeployment(w: SimWorld, d: SimDeployment) {
  const project = ownerOf(w, d);
  return {
    id: d.id,
    name: project?.name ?? "",
    url: d.url,
    projectId: d.projectId,
    ownerId: project?.team ?? "usr_sim",
    createdAt: d.createdAt,
    buildingAt: d.createdAt,
    ready: d.readyState === "READY" ? d.createdAt + 1000 : undefined,
    bootedAt: d.createdAt,
    createdIn: "sfo1",
    readyState: d.readyState,
    status: d.readyState,
    readySubstate: d.readySubstate,
    target: d.target,
    type: "LAMBDAS",
    alias: project?.production === d.id ? [...project.domains] : [],
    aliasAssigned: project?.production === d.id,
    aliasFinal: null,
    autoAssignCustomDomains: project?.autoAssignCustomDomains ?? true,
    isRollbackCandidate: isRollbackCandidate(d),
    build: { env: [] },
    env: [],
    builds: [],
    lambdas: [],
    routes: null,
    creator: creator(d),
    meta: d.meta,
    plan: w.planOf(project),
    projectSettings: {},
    regions: ["iad1"],
    public: false,
    version: 2,
    source: "git",
    inspectorUrl: inspector(w, d),
    isInConcurrentBuildsQueue: false,
    isInSystemBuildsQueue: false,
  };
}

export function renderProject(w: SimWorld, p: SimProject, rollbackInfo: boolean) {
  const production = w.deployments.find((d) => d.id === p.production);
  return {
    id: p.id,
    name: p.name,
    accountId: p.team ?? "usr_sim",
    createdAt: p.createdAt,
    updatedAt: w.now(),
    framework: "nextjs",
    nodeVersion: "22.x",
    live: false,
    paused: p.paused,
    alias: [],
    latestDeployments: [],
    autoAssignCustomDomains: p.autoAssignCustomDomains,
    defaultResourceConfig: { functionDefaultRegions: ["iad1"] },
    resourceConfig: { functionDefaultRegions: ["iad1"] },
    deploymentExpiration: {},
    lastAliasRequest: p.lastAliasRequest ? { ...p.lastAliasRequest } : null,
    // Only with ?rollbackInfo=true, as the CLI asks for it.
    ...(rollbackInfo && p.rollbackDescription
      ? { rollbackDescription: { ...p.rollbackDescription, userId: "usr_sim", username: "sim" } }
      : {}),
    targets: production
      ? {
          production: {
            id: production.id,
            url: production.url,
            name: p.name,
            alias: [...p.domains],
            createdAt: production.createdAt,
            createdIn: "sfo1",
            creator: creator(production),
            deploymentHostname: production.url.replace(/\.vercel\.app$/, ""),
            plan: w.planOf(p),
            private: true,
            readyState: production.readyState,
            readySubstate: production.readySubstate,
            target: "production",
            type: "LAMBDAS",
            meta: production.meta,
          },
        }
      : {},
  };
}

/** `GET /v4/aliases/{host}` for a production domain or a deployment's own hostname. */
export function renderAlias(
  w: SimWorld,
  alias: string,
  project: SimProject,
  deploymentId: string | undefined,
) {
  const deployment = w.deployments.find((d) => d.id === deploymentId);
  return {
    alias,
    uid: `alias_${Buffer.from(alias).toString("hex").slice(0, 16)}`,
    created: new Date(project.createdAt).toISOString(),
    createdAt: project.createdAt,
    creator: { uid: "usr_sim", username: "sim", email: "sim@example.com" },
    deploymentId: deploymentId ?? null,
    projectId: project.id,
    ...(deployment ? { deployment: { id: deployment.id, url: deployment.url } } : {}),
  };
}

export function renderRollingRelease(w: SimWorld, p: SimProject) {
  const release = p.rollingRelease;
  if (!release) return { rollingRelease: null };
  const brief = (id: string) => {
    const d = w.deployments.find((x) => x.id === id);
    return d
      ? {
          id: d.id,
          name: p.name,
          url: d.url,
          createdAt: d.createdAt,
          readyState: d.readyState,
          target: d.target,
        }
      : null;
  };
  const stage = (index: number, targetPercentage: number) => ({
    index,
    targetPercentage,
    duration: null,
    isFinalStage: targetPercentage === 100,
    requireApproval: true,
  });
  const stages = [stage(0, release.targetPercentage), stage(1, 100)];
  return {
    rollingRelease: {
      state: release.state,
      substate: null,
      advancementType: "manual-approval",
      currentDeployment: brief(release.currentDeployment),
      canaryDeployment: brief(release.canaryDeployment),
      currentCanaryPercentage: release.state === "ACTIVE" ? release.targetPercentage : 0,
      activeStage: release.state === "ACTIVE" ? stages[0] : null,
      nextStage: release.state === "ACTIVE" ? stages[1] : null,
      queuedDeploymentId: null,
      stages,
      startedAt: release.startedAt,
      updatedAt: release.updatedAt,
    },
  };
}
