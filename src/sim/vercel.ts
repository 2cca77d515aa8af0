import { type Fault, type SimRequest, type SimResponse, SimServer } from "./server.ts";

/**
 * A local Vercel API: teams, projects, deployments, the current production deployment, asynchronous alias
 * jobs, pinned auto-assignment after a rollback, plan limits and team scoping. Its answers follow the
 * shapes of the `@vercel/sdk` models (a test parses them), so the action, the drill and the README's
 * command meet the same behaviour as on Vercel.
 */

export type Plan = "hobby" | "pro" | "enterprise";

export interface SimTeamSeed {
  id: string;
  slug: string;
  plan?: Plan;
}

export interface SimDeploymentSeed {
  id: string;
  url?: string;
  /** ms since epoch; by default seeds are spaced a minute apart, oldest first. */
  createdAt?: number;
  readyState?: "READY" | "ERROR" | "BUILDING" | "CANCELED";
  /** `production` or null (preview). */
  target?: "production" | null;
  /** `PROMOTED` served production; `STAGED` never did. Default: PROMOTED for READY production. */
  readySubstate?: "STAGED" | "PROMOTED";
  /** Deleted deployments answer 410. */
  deleted?: boolean;
  meta?: Record<string, string>;
}

export interface SimProjectSeed {
  id: string;
  name: string;
  /** Team id owning the project; none: the personal account. */
  team?: string;
  /** Id of the deployment serving production; default the newest READY PROMOTED production one. */
  production?: string;
  autoAssignCustomDomains?: boolean;
  /** Production domains. */
  domains?: string[];
  /** Domains whose alias job fails: the job ends `failed` and production does not move. */
  failingDomains?: string[];
  /** Promotes are queued behind a rolling release (202). */
  rollingRelease?: boolean;
  deployments: SimDeploymentSeed[];
}

export interface VercelSimSeed {
  /** Bearer token accepted; default `sim-vercel-token`. */
  token?: string;
  /** Plan of the personal account. */
  plan?: Plan;
  teams?: SimTeamSeed[];
  projects: SimProjectSeed[];
  /** Time an alias job takes from request to outcome; default 50 ms. */
  aliasJobMs?: number;
  /** Build time of a preview rebuilt for production; default 50 ms. */
  buildMs?: number;
}

export interface SimDeployment {
  id: string;
  url: string;
  projectId: string;
  createdAt: number;
  readyState: string;
  target: "production" | null;
  readySubstate: "STAGED" | "PROMOTED" | undefined;
  deleted: boolean;
  meta: Record<string, string>;
}

interface AliasRequest {
  fromDeploymentId: string | null;
  toDeploymentId: string;
  jobStatus: "pending" | "in-progress" | "succeeded" | "failed" | "skipped";
  requestedAt: number;
  type: "promote" | "rollback";
}

interface SimProject {
  id: string;
  name: string;
  team: string | undefined;
  production: string | undefined;
  autoAssignCustomDomains: boolean;
  domains: string[];
  failingDomains: string[];
  rollingRelease: boolean;
  lastAliasRequest: AliasRequest | null;
  failedAliases: { type: string; aliases: string[] };
  createdAt: number;
}

export interface VercelSimulatorOptions {
  /** Called when a project's production deployment changes (the drill points a fake app at it). */
  onProductionChange?: (project: { id: string; name: string }, deployment: SimDeployment) => void;
  /** Called with every request before it is handled (tests stage races with it). */
  onRequest?: (request: SimRequest) => void;
}

export const SIM_VERCEL_TOKEN = "sim-vercel-token";

export class VercelSimulator {
  readonly server: SimServer;
  readonly token: string;
  aliasJobMs: number;
  buildMs: number;
  onProductionChange: VercelSimulatorOptions["onProductionChange"];
  onRequest: VercelSimulatorOptions["onRequest"];
  private readonly plan: Plan;
  private readonly teams: SimTeamSeed[];
  private readonly projects: SimProject[] = [];
  private readonly deployments: SimDeployment[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private counter = 0;

  constructor(seed: VercelSimSeed, options: VercelSimulatorOptions = {}) {
    this.token = seed.token ?? SIM_VERCEL_TOKEN;
    this.plan = seed.plan ?? "pro";
    this.teams = seed.teams ?? [];
    this.aliasJobMs = seed.aliasJobMs ?? 50;
    this.buildMs = seed.buildMs ?? 50;
    this.onProductionChange = options.onProductionChange;
    this.onRequest = options.onRequest;
    const now = Date.now();
    for (const projectSeed of seed.projects) {
      const count = projectSeed.deployments.length;
      const deployments = projectSeed.deployments.map((d, index): SimDeployment => {
        const target = d.target === undefined ? "production" : d.target;
        const readyState = d.readyState ?? "READY";
        return {
          id: d.id,
          url: d.url ?? `${projectSeed.name}-${d.id.replace(/^dpl_/, "").toLowerCase()}.vercel.app`,
          projectId: projectSeed.id,
          createdAt: d.createdAt ?? now - (count - index) * 60_000,
          readyState,
          target,
          readySubstate:
            d.readySubstate ?? (target === "production" && readyState === "READY" ? "PROMOTED" : undefined),
          deleted: d.deleted ?? false,
          meta: d.meta ?? {},
        };
      });
      this.deployments.push(...deployments);
      const production =
        projectSeed.production ??
        deployments
          .filter(
            (d) => d.target === "production" && d.readyState === "READY" && d.readySubstate === "PROMOTED",
          )
          .sort((a, b) => b.createdAt - a.createdAt)[0]?.id;
      this.projects.push({
        id: projectSeed.id,
        name: projectSeed.name,
        team: projectSeed.team,
        production,
        autoAssignCustomDomains: projectSeed.autoAssignCustomDomains ?? true,
        domains: projectSeed.domains ?? [
          `${projectSeed.name}.example.com`,
          `www.${projectSeed.name}.example.com`,
        ],
        failingDomains: projectSeed.failingDomains ?? [],
        rollingRelease: projectSeed.rollingRelease ?? false,
        lastAliasRequest: null,
        failedAliases: { type: "rollback", aliases: [] },
        createdAt: now - (count + 1) * 60_000,
      });
    }
    this.server = new SimServer((request) => {
      this.onRequest?.(request);
      return this.handle(request);
    });
  }

  /** Starts listening (port 0: any free port) and returns the base URL. */
  start(port = 0, host = "127.0.0.1"): Promise<string> {
    return this.server.start(port, host);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.server.stop();
  }

  get url(): string {
    return this.server.url;
  }

  get requests(): SimRequest[] {
    return this.server.requests;
  }

  inject(fault: Fault): this {
    this.server.inject(fault);
    return this;
  }

  /** Requests that change state (rollback, promote, new deployment). */
  mutations(): SimRequest[] {
    return this.requests.filter((r) => r.method === "POST");
  }

  /** The deployment serving production for a project (id or name), or undefined. */
  productionDeployment(projectIdOrName: string): SimDeployment | undefined {
    const project = this.projects.find((p) => p.id === projectIdOrName || p.name === projectIdOrName);
    return project?.production ? this.deployments.find((d) => d.id === project.production) : undefined;
  }

  /** Project state for assertions: production id, pinning, the last alias request. */
  project(projectIdOrName: string) {
    const project = this.projects.find((p) => p.id === projectIdOrName || p.name === projectIdOrName);
    if (!project) return undefined;
    const { id, name, production, autoAssignCustomDomains, lastAliasRequest } = project;
    return { id, name, production, autoAssignCustomDomains, lastAliasRequest };
  }

  deployment(id: string): SimDeployment | undefined {
    return this.deployments.find((d) => d.id === id);
  }

  /** Points production at a deployment at once, as another person or a git push would. */
  setProduction(projectIdOrName: string, deploymentId: string): void {
    const project = this.projects.find((p) => p.id === projectIdOrName || p.name === projectIdOrName);
    const deployment = this.deployment(deploymentId);
    if (!project || !deployment) throw new Error(`unknown project or deployment ${deploymentId}`);
    this.moveProduction(project, deployment);
  }

  // --- HTTP ---

  private handle(request: SimRequest): SimResponse {
    const auth = request.headers.authorization;
    if (auth !== `Bearer ${this.token}`) {
      return error(401, "forbidden", "Not authorized: the token is invalid or missing.");
    }
    const scope = this.scope(request);
    if ("status" in scope) return scope;
    const { method, path } = request;
    const team = scope.team;
    const route = (verb: string, pattern: RegExp) => (method === verb ? pattern.exec(path) : null);
    const project = route("GET", /^\/v9\/projects\/([^/]+)$/);
    if (project)
      return this.withProject(team, decode(project[1]), (p) => ({
        status: 200,
        body: this.renderProject(p),
      }));
    if (route("GET", /^\/v[67]\/deployments$/)) return this.list(team, request.query);
    const one = route("GET", /^\/v13\/deployments\/([^/]+)$/);
    if (one)
      return this.withDeployment(team, decode(one[1]), (d) => ({
        status: 200,
        body: this.renderDeployment(d),
      }));
    const rollback = route("POST", /^\/v(?:1|9)\/projects\/([^/]+)\/rollback\/([^/]+)$/);
    if (rollback) return this.mutate(team, decode(rollback[1]), decode(rollback[2]), "rollback");
    const promote = route("POST", /^\/v10\/projects\/([^/]+)\/promote\/([^/]+)$/);
    if (promote) return this.mutate(team, decode(promote[1]), decode(promote[2]), "promote");
    if (route("POST", /^\/v13\/deployments$/)) return this.rebuild(team, request.body);
    const aliases = route("GET", /^\/v1\/projects\/([^/]+)\/(?:promote|rollback)\/aliases$/);
    if (aliases) return this.withProject(team, decode(aliases[1]), (p) => this.aliases(p, request.query));
    return error(404, "not_found", `The route ${method} ${path} does not exist.`);
  }

  /** The team a request is scoped to (teamId or slug), or undefined for the personal account. */
  private scope(request: SimRequest): { team: SimTeamSeed | undefined } | SimResponse {
    const teamId = request.query.get("teamId");
    const slug = request.query.get("slug");
    if (!teamId && !slug) return { team: undefined };
    const team = this.teams.find((t) => (teamId ? t.id === teamId : t.slug === slug));
    if (!team)
      return error(
        403,
        "forbidden",
        "Not authorized: the specified scope does not exist or the token cannot access it.",
      );
    return { team };
  }

  private findProject(team: SimTeamSeed | undefined, idOrName: string): SimProject | SimResponse {
    const project = this.projects.find((p) => p.id === idOrName || p.name === idOrName);
    if (!project || (project.team && team && project.team !== team.id) || (!project.team && team)) {
      return error(404, "not_found", "Project not found");
    }
    if (project.team && !team) {
      return error(
        403,
        "forbidden",
        `Not authorized: Trying to access resource under scope "personal". You must re-authenticate to this scope or use a token with access to this scope.`,
      );
    }
    return project;
  }

  private withProject(team: SimTeamSeed | undefined, idOrName: string, then: (p: SimProject) => SimResponse) {
    const project = this.findProject(team, idOrName);
    return "status" in project ? project : then(project);
  }

  private findDeployment(team: SimTeamSeed | undefined, idOrUrl: string): SimDeployment | SimResponse {
    const host = idOrUrl.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    const deployment = this.deployments.find((d) => d.id === idOrUrl || d.url === host);
    if (!deployment) return error(404, "not_found", "Deployment not found");
    const project = this.projects.find((p) => p.id === deployment.projectId);
    if ((project?.team ?? undefined) !== team?.id) {
      return project?.team && !team
        ? error(403, "forbidden", "Not authorized: this deployment belongs to a different team.")
        : error(404, "not_found", "Deployment not found");
    }
    if (deployment.deleted) return error(410, "deployment_deleted", "The deployment has been deleted.");
    return deployment;
  }

  private withDeployment(
    team: SimTeamSeed | undefined,
    idOrUrl: string,
    then: (d: SimDeployment) => SimResponse,
  ) {
    const deployment = this.findDeployment(team, idOrUrl);
    return "status" in deployment ? deployment : then(deployment);
  }

  private list(team: SimTeamSeed | undefined, query: URLSearchParams): SimResponse {
    const projectId = query.get("projectId");
    const project = projectId ? this.findProject(team, projectId) : undefined;
    if (project && "status" in project) return project;
    const limit = Math.min(100, Number(query.get("limit") ?? 20) || 20);
    const until = query.get("until") ? Number(query.get("until")) : undefined;
    const target = query.get("target");
    const state = query.get("state")?.split(",");
    const candidatesOnly = query.get("rollbackCandidate") === "true";
    const matching = this.deployments
      .filter((d) => !d.deleted)
      .filter((d) => (project ? d.projectId === project.id : this.ownerOf(d)?.team === team?.id))
      .filter((d) => !target || (target === "production" ? d.target === "production" : d.target === null))
      .filter((d) => !state || state.includes(d.readyState))
      .filter((d) => !candidatesOnly || this.isRollbackCandidate(d))
      .filter((d) => until === undefined || d.createdAt < until)
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = matching.slice(0, limit);
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        deployments: page.map((d) => this.renderListItem(d)),
        pagination: {
          count: page.length,
          next: matching.length > limit && last ? last.createdAt : null,
          prev: page[0]?.createdAt ?? null,
        },
      },
    };
  }

  private mutate(
    team: SimTeamSeed | undefined,
    projectId: string,
    deploymentId: string,
    type: "rollback" | "promote",
  ): SimResponse {
    const project = this.findProject(team, projectId);
    if ("status" in project) return project;
    const deployment = this.findDeployment(team, deploymentId);
    if ("status" in deployment) return deployment;
    if (deployment.projectId !== project.id) {
      return error(422, "invalid_target", "The deployment does not belong to this project.");
    }
    if (deployment.readyState !== "READY") {
      return error(422, "invalid_target", `The deployment is ${deployment.readyState}, not READY.`);
    }
    if (deployment.target !== "production") {
      return error(422, "invalid_target", "Only production deployments can be promoted or rolled back to.");
    }
    if (project.production === deployment.id) {
      return error(
        409,
        "conflict",
        `Deployment ${deployment.id} is already the current production deployment.`,
      );
    }
    if (type === "rollback") {
      if (!this.isRollbackCandidate(deployment)) {
        return error(422, "invalid_target", "The deployment never served production: promote it instead.");
      }
      const plan = team ? (team.plan ?? "pro") : this.plan;
      if (plan === "hobby" && this.previousProduction(project)?.id !== deployment.id) {
        return error(
          402,
          "payment_required",
          "Hobby plans can only roll back to the previous production deployment. Upgrade to Pro to roll back further.",
        );
      }
      project.autoAssignCustomDomains = false;
    } else {
      if (project.rollingRelease) return { status: 202 };
      project.autoAssignCustomDomains = true;
    }
    this.startAliasJob(project, deployment, type);
    return { status: 201 };
  }

  private startAliasJob(project: SimProject, deployment: SimDeployment, type: "rollback" | "promote"): void {
    const job: AliasRequest = {
      fromDeploymentId: project.production ?? null,
      toDeploymentId: deployment.id,
      jobStatus: "pending",
      requestedAt: Date.now(),
      type,
    };
    project.lastAliasRequest = job;
    this.later(Math.min(10, this.aliasJobMs / 4), () => {
      if (job.jobStatus === "pending") job.jobStatus = "in-progress";
    });
    this.later(this.aliasJobMs, () => {
      if (project.lastAliasRequest !== job) {
        job.jobStatus = "skipped";
        return;
      }
      if (project.failingDomains.length) {
        project.failedAliases = { type, aliases: [...project.failingDomains] };
        job.jobStatus = "failed";
        return;
      }
      this.moveProduction(project, deployment);
      job.jobStatus = "succeeded";
    });
  }

  private moveProduction(project: SimProject, deployment: SimDeployment): void {
    project.production = deployment.id;
    deployment.readySubstate = "PROMOTED";
    this.onProductionChange?.({ id: project.id, name: project.name }, deployment);
  }

  private rebuild(team: SimTeamSeed | undefined, body: unknown): SimResponse {
    const { deploymentId, name, target } = (body ?? {}) as {
      deploymentId?: string;
      name?: string;
      target?: string;
    };
    if (!deploymentId || !name) return error(400, "bad_request", "deploymentId and name are required.");
    const source = this.findDeployment(team, deploymentId);
    if ("status" in source) return source;
    const project = this.findProject(team, source.projectId);
    if ("status" in project) return project;
    if (name !== project.name)
      return error(400, "bad_request", `name must be the project's name "${project.name}".`);
    const id = `dpl_sim${Date.now().toString(36)}${(this.counter++).toString(36)}`;
    const deployment: SimDeployment = {
      id,
      url: `${project.name}-${id.slice(4).toLowerCase()}.vercel.app`,
      projectId: project.id,
      createdAt: Date.now(),
      readyState: "BUILDING",
      target: target === "production" ? "production" : null,
      readySubstate: undefined,
      deleted: false,
      meta: { ...source.meta, action: "promote" },
    };
    this.deployments.push(deployment);
    this.later(this.buildMs, () => {
      deployment.readyState = "READY";
      if (deployment.target !== "production") return;
      // A new production build takes the domains unless production is pinned after a rollback.
      if (project.autoAssignCustomDomains) this.moveProduction(project, deployment);
      else deployment.readySubstate = "STAGED";
    });
    return { status: 200, body: this.renderDeployment(deployment) };
  }

  private aliases(project: SimProject, query: URLSearchParams): SimResponse {
    const failedOnly = query.get("failedOnly") === "true";
    const failed = new Set(project.failedAliases.aliases);
    const aliases = project.domains
      .filter((domain) => !failedOnly || failed.has(domain))
      .map((domain, index) => ({
        alias: domain,
        id: `alias_${project.id}_${index}`,
        status: failed.has(domain) ? "failed" : "succeeded",
      }));
    return { status: 200, body: { aliases, pagination: { count: aliases.length, next: null, prev: null } } };
  }

  // --- state helpers ---

  private ownerOf(deployment: SimDeployment): SimProject | undefined {
    return this.projects.find((p) => p.id === deployment.projectId);
  }

  private isRollbackCandidate(d: SimDeployment): boolean {
    return (
      d.target === "production" && d.readyState === "READY" && d.readySubstate === "PROMOTED" && !d.deleted
    );
  }

  /** The production deployment that served right before the current one (Hobby's only rollback target). */
  private previousProduction(project: SimProject): SimDeployment | undefined {
    const current = project.production ? this.deployment(project.production) : undefined;
    return this.deployments
      .filter((d) => d.projectId === project.id && this.isRollbackCandidate(d) && d.id !== current?.id)
      .filter((d) => !current || d.createdAt < current.createdAt)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  // --- shapes (as the @vercel/sdk models read them) ---

  private creator() {
    return { uid: "usr_sim", username: "sim", email: "sim@example.com" };
  }

  private aliasesOf(d: SimDeployment): string[] {
    const project = this.ownerOf(d);
    return project?.production === d.id ? [...project.domains] : [];
  }

  private renderListItem(d: SimDeployment) {
    return {
      uid: d.id,
      name: this.ownerOf(d)?.name ?? "",
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
      creator: this.creator(),
      inspectorUrl: `https://vercel.com/sim/${this.ownerOf(d)?.name}/${d.id.slice(4)}`,
      isRollbackCandidate: this.isRollbackCandidate(d),
      source: "git",
      meta: d.meta,
    };
  }

  private renderDeployment(d: SimDeployment) {
    const project = this.ownerOf(d);
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
      alias: this.aliasesOf(d),
      aliasAssigned: project?.production === d.id,
      aliasFinal: null,
      autoAssignCustomDomains: project?.autoAssignCustomDomains ?? true,
      isRollbackCandidate: this.isRollbackCandidate(d),
      build: { env: [] },
      env: [],
      builds: [],
      lambdas: [],
      routes: null,
      creator: this.creator(),
      meta: d.meta,
      plan: this.planOf(project),
      projectSettings: {},
      regions: ["iad1"],
      public: false,
      version: 2,
      source: "git",
      inspectorUrl: `https://vercel.com/sim/${project?.name}/${d.id.slice(4)}`,
      isInConcurrentBuildsQueue: false,
      isInSystemBuildsQueue: false,
    };
  }

  private planOf(project: SimProject | undefined): Plan {
    return project?.team ? (this.teams.find((t) => t.id === project.team)?.plan ?? "pro") : this.plan;
  }

  private renderProject(p: SimProject) {
    const production = p.production ? this.deployment(p.production) : undefined;
    return {
      id: p.id,
      name: p.name,
      accountId: p.team ?? "usr_sim",
      createdAt: p.createdAt,
      updatedAt: Date.now(),
      framework: "nextjs",
      nodeVersion: "22.x",
      live: false,
      alias: [],
      latestDeployments: [],
      autoAssignCustomDomains: p.autoAssignCustomDomains,
      defaultResourceConfig: { functionDefaultRegions: ["iad1"] },
      resourceConfig: { functionDefaultRegions: ["iad1"] },
      deploymentExpiration: {},
      lastAliasRequest: p.lastAliasRequest ? { ...p.lastAliasRequest } : null,
      targets: production
        ? {
            production: {
              id: production.id,
              url: production.url,
              name: p.name,
              alias: [...p.domains],
              createdAt: production.createdAt,
              createdIn: "sfo1",
              creator: this.creator(),
              deploymentHostname: production.url.replace(/\.vercel\.app$/, ""),
              plan: this.planOf(p),
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
}

function decode(segment: string | undefined): string {
  return decodeURIComponent(segment ?? "");
}

function error(status: number, code: string, message: string): SimResponse {
  return { status, body: { error: { code, message } } };
}

/**
 * The drill's and the README's scenario: project `shop` whose production deployment (`dpl_bad`) is broken,
 * with older good production deployments, a failed build and a preview.
 */
export function badProductionScenario(
  options: { team?: SimTeamSeed; aliasJobMs?: number } = {},
): VercelSimSeed {
  const commit = (sha: string, message: string) => ({
    githubCommitSha: sha,
    githubCommitMessage: message,
    githubCommitRef: "main",
  });
  return {
    teams: options.team ? [options.team] : [],
    aliasJobMs: options.aliasJobMs ?? 1000,
    projects: [
      {
        id: "prj_shop",
        name: "shop",
        team: options.team?.id,
        domains: ["shop.example.com", "www.shop.example.com"],
        deployments: [
          { id: "dpl_good1", meta: commit("1111111aaaaaaa", "Add cart") },
          { id: "dpl_good2", meta: commit("2222222bbbbbbb", "Faster checkout") },
          { id: "dpl_preview", target: null, meta: commit("3333333ccccccc", "Try new header") },
          { id: "dpl_failed", readyState: "ERROR", meta: commit("4444444ddddddd", "Upgrade framework") },
          { id: "dpl_bad", meta: commit("5555555eeeeeee", "Rewrite payment flow") },
        ],
      },
    ],
  };
}

/** A simulator seeded with `badProductionScenario`, not started yet. */
export function badProductionSimulator(
  options: { team?: SimTeamSeed; aliasJobMs?: number } & VercelSimulatorOptions = {},
): VercelSimulator {
  return new VercelSimulator(badProductionScenario(options), options);
}
