export const id = 317;
export const ids = [317];
export const modules = {

/***/ 3393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ connect),
/* harmony export */   WR: () => (/* binding */ TokenRejectedError),
/* harmony export */   fP: () => (/* binding */ deploymentSchema),
/* harmony export */   fk: () => (/* binding */ RefusedError),
/* harmony export */   m9: () => (/* binding */ RailwayError),
/* harmony export */   rK: () => (/* binding */ DEFAULT_API_URL),
/* harmony export */   xL: () => (/* binding */ RailwayClient)
/* harmony export */ });
/* unused harmony exports USER_AGENT, authHeaders */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9691);
/* harmony import */ var _core_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1983);
/* harmony import */ var _operations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2052);



const DEFAULT_API_URL = "https://backboard.railway.com/graphql/v2";
const USER_AGENT = "production-rollback-railway-redeploy/1.0 (+https://github.com/features/actions)";
/** Railway answered, but with `errors[]` (usually at HTTP 200): the operation did not happen. */
class RailwayError extends Error {
    name = "RailwayError";
    operation;
    messages;
    code;
    constructor(operation, messages, code) {
        super(`Railway API ${operation} failed${code ? ` (${code})` : ""}: ${messages.join("; ")}`);
        this.operation = operation;
        this.messages = messages;
        this.code = code;
    }
    /** Railway's answer for a token that may not see this object (or is not the kind it was sent as). */
    get notAuthorized() {
        return this.messages.some((m) => /not authori[sz]ed|unauthori[sz]ed|forbidden|token/i.test(m));
    }
}
/** Railway refused the token itself: as the kinds it was tried as, it may read nothing. */
class TokenRejectedError extends Error {
    name = "TokenRejectedError";
    /** How it was sent: `project` (Project-Access-Token), `account` (Bearer), or both under `auto`. */
    triedAs;
    railwayMessages;
    constructor(triedAs, railwayMessages) {
        super(`Railway rejected the token (${railwayMessages.join("; ")}), sent as ${triedAs.map((t) => (t === "project" ? "a project token" : "an account/workspace token")).join(" and as ")}.`);
        this.triedAs = triedAs;
        this.railwayMessages = railwayMessages;
    }
}
/** The mutation answered `false`: Railway did not do it. */
class RefusedError extends Error {
    name = "RefusedError";
    operation;
    constructor(operation) {
        super(`Railway answered false to ${operation}: it did not act.`);
        this.operation = operation;
    }
}
const gqlError = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ message: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), extensions: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ code: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional() }).loose().optional() })
    .loose();
const envelope = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ data: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(), errors: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(gqlError).optional() }).loose();
const deploymentSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    // Railway adds statuses over time: read them as text, never as a closed enum.
    status: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    createdAt: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    canRollback: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
    canRedeploy: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
    meta: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J().optional(),
    serviceId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable().optional(),
    environmentId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
})
    .loose();
const named = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP() });
const edgesOf = (node) => zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ edges: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ node })) });
const projectSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    services: edgesOf(named),
    environments: edgesOf(named),
});
const projectTokenData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    projectToken: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ projectId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), environmentId: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), project: projectSchema }),
});
const projectData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ project: projectSchema });
const projectsData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ projects: edgesOf(named) });
const workspacesData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ me: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ workspaces: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(named) }) });
const cancelData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentCancel: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY() });
const serviceDeploymentsData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    serviceInstance: zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ activeDeployments: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(deploymentSchema) }).nullable(),
    deployments: edgesOf(deploymentSchema),
});
const deploymentData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deployment: deploymentSchema });
const rollbackData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentRollback: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY() });
const redeployData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentRedeploy: deploymentSchema });
const restartData = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({ deploymentRestart: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY() });
/** A Railway GraphQL client: queries may be retried, mutations never are. */
class RailwayClient {
    tokenType;
    apiUrl;
    http;
    logger;
    /** Requests made outside this client's HTTP (subscriptions opened, the token probe), one each. */
    extraRequests = 0;
    constructor(options) {
        this.tokenType = options.tokenType;
        this.apiUrl = options.apiUrl ?? DEFAULT_API_URL;
        this.logger = options.logger ?? { info: () => { }, warn: () => { }, debug: () => { } };
        this.http = new _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq({
            baseUrl: this.apiUrl,
            platform: "Railway",
            headers: { ...authHeaders(options.token, options.tokenType), "user-agent": USER_AGENT },
            errorDetails: (body) => {
                const parsed = envelope.safeParse(body);
                const first = parsed.success ? parsed.data.errors?.[0] : undefined;
                return first ? { code: first.extensions?.code, message: first.message } : undefined;
            },
            onRetry: ({ attempt, delayMs, reason }) => this.logger.info(`Railway API: ${reason}, retrying in ${Math.round(delayMs / 100) / 10}s (retry ${attempt})`),
            ...options.http,
        });
    }
    /** The headers a WebSocket upgrade needs (auth and User-Agent). */
    get headers() {
        return { ...this.http.options.headers };
    }
    /** HTTP requests made (retries included) plus subscriptions opened. */
    get requestCount() {
        return this.http.requestCount + this.extraRequests;
    }
    async send(operation, query, variables, schema, mutation) {
        const response = await this.http.request({
            method: "POST",
            path: "",
            body: { operationName: operation, query, variables },
            schema: envelope,
            safeToRetry: !mutation,
        });
        const { data, errors } = response.data;
        if (errors?.length) {
            throw new RailwayError(operation, errors.map((e) => e.message), errors[0]?.extensions?.code);
        }
        const parsed = schema.safeParse(data);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new RailwayError(operation, [
                `answer not understood (${issue?.path.join(".") || "data"}: ${issue?.message})`,
            ]);
        }
        return parsed.data;
    }
    /** A read-only operation kept beside its own feature (metrics.ts): retried like every query. */
    async query(operation, document, variables, schema) {
        return this.send(operation, document, variables, schema, false);
    }
    /** A mutation kept beside its own feature: sent once, never retried. */
    async mutate(operation, document, variables, schema) {
        return this.send(operation, document, variables, schema, true);
    }
    /** A project token's scope and its project, in one read. */
    async projectToken() {
        const { projectToken } = await this.send("ProjectToken", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .PROJECT_TOKEN_QUERY */ .rG, {}, projectTokenData, false);
        return { ...projectToken, project: flatProject(projectToken.project) };
    }
    async project(id) {
        const { project } = await this.send("Project", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .PROJECT_QUERY */ .vf, { id }, projectData, false);
        return flatProject(project);
    }
    /** Without a workspace: the personal account's projects only. */
    async projects(workspaceId) {
        const data = await this.send("Projects", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .PROJECTS_QUERY */ .gn, { workspaceId }, projectsData, false);
        return data.projects.edges.map((e) => e.node);
    }
    /** The workspaces of the token's user (an account token; a workspace token has no user). */
    async workspaces() {
        return (await this.send("Workspaces", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .WORKSPACES_QUERY */ .Uf, {}, workspacesData, false)).me.workspaces;
    }
    async serviceDeployments(projectId, environmentId, serviceId, first = 20) {
        const data = await this.send("ServiceDeployments", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .SERVICE_DEPLOYMENTS_QUERY */ .mI, { projectId, environmentId, serviceId, first }, serviceDeploymentsData, false);
        return {
            active: newestFirst(data.serviceInstance?.activeDeployments ?? []),
            deployments: newestFirst(data.deployments.edges.map((e) => e.node)),
        };
    }
    async deployment(id) {
        return (await this.send("Deployment", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_QUERY */ .h6, { id }, deploymentData, false)).deployment;
    }
    /** Railway answers `true` (else RefusedError); the new deployment must be found by reading the service. */
    async rollback(id) {
        const data = await this.send("DeploymentRollback", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_ROLLBACK_MUTATION */ .T, { id }, rollbackData, true);
        if (!data.deploymentRollback)
            throw new RefusedError("DeploymentRollback");
    }
    /** Stops a queued, building or deploying deployment (RefusedError when Railway answers false). */
    async cancel(id) {
        const data = await this.send("DeploymentCancel", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_CANCEL_MUTATION */ .tU, { id }, cancelData, true);
        if (!data.deploymentCancel)
            throw new RefusedError("DeploymentCancel");
    }
    /** Same source, new build (usePreviousImageTag false). */
    async redeploy(id) {
        const data = await this.send("DeploymentRedeploy", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_REDEPLOY_MUTATION */ .RG, { id, usePreviousImageTag: false }, redeployData, true);
        return data.deploymentRedeploy;
    }
    async restart(id) {
        const data = await this.send("DeploymentRestart", _operations_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOYMENT_RESTART_MUTATION */ .q_, { id }, restartData, true);
        if (!data.deploymentRestart)
            throw new RefusedError("DeploymentRestart");
    }
}
function flatProject(project) {
    return {
        id: project.id,
        name: project.name,
        services: project.services.edges.map((e) => e.node),
        environments: project.environments.edges.map((e) => e.node),
    };
}
function authHeaders(token, tokenType) {
    return tokenType === "project" ? { "project-access-token": token } : { authorization: `Bearer ${token}` };
}
function newestFirst(deployments) {
    return [...deployments].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
/**
 * Resolves `auto` by asking Railway rather than guessing from the token's shape (both kinds look alike):
 * `projectToken` sent with the `Project-Access-Token` header answers the token's scope only for a project
 * token; any other token gets `errors[]`, and is then used as an account/workspace token (`Bearer`), which
 * the next read confirms. For an explicit type, a project token's scope is read the same way.
 */
async function connect(options) {
    if (options.tokenType === "account")
        return { client: new RailwayClient({ ...options, tokenType: "account" }) };
    const asProject = new RailwayClient({ ...options, tokenType: "project" });
    try {
        return { client: asProject, scope: await asProject.projectToken() };
    }
    catch (error) {
        const refused = error instanceof RailwayError;
        const rejected = refused || (error instanceof _core_http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ && [401, 403].includes(error.status ?? 0));
        if (!rejected)
            throw error;
        const messages = refused ? error.messages : [error.message];
        if (options.tokenType === "project")
            throw new TokenRejectedError(["project"], messages);
        const account = new RailwayClient({ ...options, tokenType: "account" });
        account.extraRequests += asProject.requestCount;
        options.logger?.info("The token is not a project token; using it as an account/workspace token (Bearer).");
        return { client: account, probedAsProject: messages };
    }
}


/***/ }),

/***/ 1720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CC: () => (/* binding */ inFlight),
/* harmony export */   aU: () => (/* binding */ dashboardUrl),
/* harmony export */   am: () => (/* binding */ madeFrom),
/* harmony export */   bx: () => (/* binding */ chooseTarget),
/* harmony export */   pB: () => (/* binding */ findNewDeployment),
/* harmony export */   uC: () => (/* binding */ inFlightFrom),
/* harmony export */   v8: () => (/* binding */ metaText),
/* harmony export */   xo: () => (/* binding */ classifyStatus)
/* harmony export */ });
/* unused harmony exports sameImage, isRestoration */
const SUCCESS = new Set(["SUCCESS", "SLEEPING"]);
const FAILED = new Set(["FAILED", "CRASHED", "REMOVED", "REMOVING", "SKIPPED"]);
const PENDING = new Set(["BUILDING", "DEPLOYING", "INITIALIZING", "NEEDS_APPROVAL", "QUEUED", "WAITING"]);
/**
 * What `deploymentCancel` is for (issue 19 names QUEUED, WAITING, BUILDING, DEPLOYING). INITIALIZING is
 * included: it becomes BUILDING moments later, and left alone it would land after the rollback.
 */
const CANCELLABLE = new Set(["QUEUED", "WAITING", "INITIALIZING", "BUILDING", "DEPLOYING"]);
function classifyStatus(status) {
    if (SUCCESS.has(status))
        return "success";
    if (FAILED.has(status))
        return "failed";
    if (PENDING.has(status))
        return "pending";
    return "unknown";
}
/** States an older deployment may be in and still be a known-good version to go back to. */
const GOOD_HISTORY = new Set(["SUCCESS", "REMOVED", "REMOVING", "SLEEPING"]);
function dashboardUrl(projectId, serviceId, environmentId, deploymentId) {
    const query = new URLSearchParams({ environmentId, id: deploymentId });
    return `https://railway.com/project/${encodeURIComponent(projectId)}/service/${encodeURIComponent(serviceId)}?${query}`;
}
/** A string field of a deployment's meta (an untyped JSON scalar). */
function metaText(d, key) {
    const meta = d.meta && typeof d.meta === "object" ? d.meta : {};
    const value = meta[key];
    return typeof value === "string" && value ? value : undefined;
}
/**
 * Whether two deployments run the same image: by digest when both have one, else by image name. This is
 * how a rollback shows what it was made from (PLATFORMS.md: its meta carries the target's
 * `image`/`imageDigest` and `reason: "rollback"`; no key names the target).
 */
function sameImage(a, b) {
    const [da, db] = [metaText(a, "imageDigest"), metaText(b, "imageDigest")];
    if (da && db)
        return da === db;
    const [ia, ib] = [metaText(a, "image"), metaText(b, "image")];
    return ia !== undefined && ia === ib;
}
/** A rollback or redeploy made this deployment from an older one (its meta says so, not which one). */
function isRestoration(d) {
    const reason = metaText(d, "reason");
    return reason === "rollback" || reason === "redeploy";
}
/**
 * Whether `deployment` is `source` again: a rollback carries its image; a redeploy rebuilds its commit
 * (a new image, so the commit is all that links them).
 */
function madeFrom(deployment, source) {
    if (deployment.id === source.id)
        return false;
    if (sameImage(deployment, source))
        return true;
    const commit = metaText(deployment, "commitHash");
    return (metaText(deployment, "reason") === "redeploy" &&
        commit !== undefined &&
        commit === metaText(source, "commitHash"));
}
/**
 * The newest deployment older than the active one that Railway allows to roll back to (`canRollback`),
 * skipping failed, crashed and never-served ones and those running the active image. If the active
 * deployment is itself a rollback or redeploy, production is already rolled back: going further back needs
 * an explicit id, so a second automatic run never picks the version the first one replaced.
 */
function chooseTarget(active, history) {
    const activeAt = Date.parse(active.createdAt);
    const older = history.filter((d) => d.id !== active.id && Date.parse(d.createdAt) < activeAt);
    const source = older.find((d) => madeFrom(active, d));
    if (source && isRestoration(active))
        return { kind: "current", source, skipped: [] };
    if (isRestoration(active))
        return { kind: "restored", skipped: [] };
    const skipped = [];
    for (const candidate of older) {
        const reason = unsuitable(candidate, active);
        if (reason) {
            skipped.push({ id: candidate.id, status: candidate.status, reason });
            continue;
        }
        return { kind: "target", target: candidate, skipped };
    }
    return {
        kind: "none",
        skipped,
        reason: older.length
            ? `none of the ${older.length} older deployments listed can be rolled back to`
            : "there is no deployment older than the active one",
    };
}
function unsuitable(candidate, active) {
    if (!GOOD_HISTORY.has(candidate.status)) {
        if (candidate.status === "FAILED")
            return "it failed";
        if (candidate.status === "CRASHED")
            return "it crashed";
        return `its status ${candidate.status} is not a known-good state`;
    }
    if (candidate.canRollback === false)
        return "Railway no longer allows rolling back to it (canRollback: false, image past retention)";
    if (sameImage(candidate, active))
        return "it runs the same image as the active deployment";
    return undefined;
}
/** Deployments of the service still on their way (queued, building, deploying), newest first. */
function inFlight(history) {
    return history.filter((d) => CANCELLABLE.has(d.status));
}
/** A rollback/redeploy of `target` already on its way (another run's): follow it instead of sending one. */
function inFlightFrom(history, target) {
    return inFlight(history).find((d) => isRestoration(d) && madeFrom(d, target));
}
/**
 * After a rollback (which returns only `true`), the new deployment is one that was not there before the
 * mutation and runs the target's image: a push racing it is new too, but from other source. Of several,
 * the oldest (a later one would be someone else's rollback).
 */
function findNewDeployment(before, after, target) {
    const fresh = after.filter((d) => !before.has(d.id) && d.id !== target.id);
    const made = fresh.filter((d) => madeFrom(d, target));
    const found = made[made.length - 1];
    return { found, others: fresh.filter((d) => d !== found) };
}


/***/ }),

/***/ 2052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IO: () => (/* binding */ AUTO_DEPLOY_UPDATE_MUTATION),
/* harmony export */   RG: () => (/* binding */ DEPLOYMENT_REDEPLOY_MUTATION),
/* harmony export */   T: () => (/* binding */ DEPLOYMENT_ROLLBACK_MUTATION),
/* harmony export */   Uf: () => (/* binding */ WORKSPACES_QUERY),
/* harmony export */   aG: () => (/* binding */ SERVICE_CONFIG_QUERY),
/* harmony export */   eL: () => (/* binding */ DEPLOYMENT_SUBSCRIPTION),
/* harmony export */   gn: () => (/* binding */ PROJECTS_QUERY),
/* harmony export */   h6: () => (/* binding */ DEPLOYMENT_QUERY),
/* harmony export */   mI: () => (/* binding */ SERVICE_DEPLOYMENTS_QUERY),
/* harmony export */   q_: () => (/* binding */ DEPLOYMENT_RESTART_MUTATION),
/* harmony export */   rG: () => (/* binding */ PROJECT_TOKEN_QUERY),
/* harmony export */   tU: () => (/* binding */ DEPLOYMENT_CANCEL_MUTATION),
/* harmony export */   vf: () => (/* binding */ PROJECT_QUERY)
/* harmony export */ });
/* unused harmony export OPERATIONS */
/**
 * Every GraphQL operation the Railway client sends, as constants so a test can validate each one against
 * Railway's public schema (and the simulator's).
 */
const DEPLOYMENT_FIELDS = `fragment DeploymentFields on Deployment {
  id
  status
  createdAt
  canRollback
  canRedeploy
  meta
  serviceId
  environmentId
}`;
const PROJECT_FIELDS = `fragment ProjectFields on Project {
  id
  name
  services {
    edges {
      node {
        id
        name
      }
    }
  }
  environments {
    edges {
      node {
        id
        name
      }
    }
  }
}`;
/** What a project token may see: its project (with services and environments) and environment, in one read. Fails for account tokens. */
const PROJECT_TOKEN_QUERY = `query ProjectToken {
  projectToken {
    projectId
    environmentId
    project {
      ...ProjectFields
    }
  }
}
${PROJECT_FIELDS}`;
const PROJECT_QUERY = `query Project($id: String!) {
  project(id: $id) {
    ...ProjectFields
  }
}
${PROJECT_FIELDS}`;
/**
 * Projects visible to the token: without `workspaceId`, only the personal account's; a workspace's need
 * its id (the CLI's UserProjects.graphql), read from `me { workspaces }`.
 */
const PROJECTS_QUERY = `query Projects($workspaceId: String) {
  projects(workspaceId: $workspaceId) {
    edges {
      node {
        id
        name
      }
    }
  }
}`;
const WORKSPACES_QUERY = `query Workspaces {
  me {
    workspaces {
      id
      name
    }
  }
}`;
/** One service in one environment: what is active, and its recent history (newest first), in one request. */
const SERVICE_DEPLOYMENTS_QUERY = `query ServiceDeployments($projectId: String!, $environmentId: String!, $serviceId: String!, $first: Int) {
  serviceInstance(environmentId: $environmentId, serviceId: $serviceId) {
    activeDeployments {
      ...DeploymentFields
    }
  }
  deployments(first: $first, input: { projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId }) {
    edges {
      node {
        ...DeploymentFields
      }
    }
  }
}
${DEPLOYMENT_FIELDS}`;
const DEPLOYMENT_QUERY = `query Deployment($id: String!) {
  deployment(id: $id) {
    ...DeploymentFields
  }
}
${DEPLOYMENT_FIELDS}`;
/** Returns only `true`: the new deployment has to be found by reading the service's deployments. */
const DEPLOYMENT_ROLLBACK_MUTATION = `mutation DeploymentRollback($id: String!) {
  deploymentRollback(id: $id)
}`;
const DEPLOYMENT_REDEPLOY_MUTATION = `mutation DeploymentRedeploy($id: String!, $usePreviousImageTag: Boolean) {
  deploymentRedeploy(id: $id, usePreviousImageTag: $usePreviousImageTag) {
    ...DeploymentFields
  }
}
${DEPLOYMENT_FIELDS}`;
const DEPLOYMENT_RESTART_MUTATION = `mutation DeploymentRestart($id: String!) {
  deploymentRestart(id: $id)
}`;
/** Stops a deployment that is still queued, building or deploying. */
const DEPLOYMENT_CANCEL_MUTATION = `mutation DeploymentCancel($id: String!) {
  deploymentCancel(id: $id)
}`;
/**
 * Before a rollback, in one read: the target's variables (its snapshot) and the service's now, with the
 * environment's variable names to tell sealed ones (never returned) apart; and whether pushes auto-deploy.
 */
const SERVICE_CONFIG_QUERY = `query ServiceConfig($projectId: String!, $environmentId: String!, $serviceId: String!, $deploymentId: String!, $withDrift: Boolean!, $withAutoDeploy: Boolean!) {
  deploymentSnapshot(deploymentId: $deploymentId) @include(if: $withDrift) {
    variables
  }
  variables(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId, unrendered: true) @include(if: $withDrift)
  environment(id: $environmentId, projectId: $projectId) @include(if: $withDrift) {
    variables {
      edges {
        node {
          name
          isSealed
          serviceId
        }
      }
    }
  }
  serviceInstanceAutoDeployStatus(projectId: $projectId, environmentId: $environmentId, serviceId: $serviceId) @include(if: $withAutoDeploy) {
    canEnable
    enabled
    reason
  }
}`;
/** Pauses (or resumes) deploys on push for one service instance. */
const AUTO_DEPLOY_UPDATE_MUTATION = `mutation ServiceInstanceAutoDeployUpdate($input: ServiceInstanceAutoDeployUpdateInput!) {
  serviceInstanceAutoDeployUpdate(input: $input) {
    enabled
  }
}`;
/** Pushed over WebSocket (graphql-transport-ws) whenever the deployment changes. */
const DEPLOYMENT_SUBSCRIPTION = `subscription DeploymentStatus($id: String!) {
  deployment(id: $id) {
    id
    status
  }
}`;
const OPERATIONS = {
    PROJECT_TOKEN_QUERY,
    PROJECT_QUERY,
    PROJECTS_QUERY,
    WORKSPACES_QUERY,
    SERVICE_DEPLOYMENTS_QUERY,
    DEPLOYMENT_QUERY,
    DEPLOYMENT_ROLLBACK_MUTATION,
    DEPLOYMENT_REDEPLOY_MUTATION,
    DEPLOYMENT_RESTART_MUTATION,
    DEPLOYMENT_CANCEL_MUTATION,
    SERVICE_CONFIG_QUERY,
    AUTO_DEPLOY_UPDATE_MUTATION,
    DEPLOYMENT_SUBSCRIPTION,
};


/***/ }),

/***/ 3584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ ScopeError),
/* harmony export */   KI: () => (/* binding */ resolveProject),
/* harmony export */   bs: () => (/* binding */ resolveServices),
/* harmony export */   g9: () => (/* binding */ resolveEnvironment),
/* harmony export */   m_: () => (/* binding */ NotFoundError)
/* harmony export */ });
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3393);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A name or id that matches nothing the token can see; `known` lists what it can. */
class NotFoundError extends Error {
    name = "NotFoundError";
    what;
    wanted;
    known;
    constructor(what, wanted, known, message) {
        super(message);
        this.what = what;
        this.wanted = wanted;
        this.known = known;
    }
}
/** A project token used outside its scope (another project or environment). */
class ScopeError extends Error {
    name = "ScopeError";
    input;
    scope;
    constructor(input, scope, message) {
        super(message);
        this.input = input;
        this.scope = scope;
    }
}
function names(items) {
    return items.map((i) => i.name);
}
/**
 * The project, by the token's scope, an id, or a name. A name is looked up in the personal account's
 * projects and in every workspace of the token's user (`me { workspaces }`, then
 * `projects(workspaceId:)`): root `projects` alone lists no workspace project (PLATFORMS.md).
 */
async function resolveProject(token, wanted) {
    const { client, scope } = token;
    if (scope) {
        if (wanted && wanted !== scope.project.id && wanted !== scope.project.name) {
            throw new ScopeError("project", scope.project.name, `The project token belongs to project "${scope.project.name}" (${scope.project.id}), but project is "${wanted}".`);
        }
        return scope.project;
    }
    if (!wanted) {
        // Refused as a project token: before asking for a project, make sure it is a Railway token at all
        // (a Vercel token lands here too, and "project is required" would send the user the wrong way).
        if (token.probedAsProject)
            await rejectedAsToken(token, () => client.projects());
        throw new NotFoundError("project", [], [], "No project given for an account or workspace token.");
    }
    return rejectedAsToken(token, async () => {
        if (UUID.test(wanted)) {
            try {
                return await client.project(wanted);
            }
            catch (error) {
                // Not a project id after all (or not visible): look it up by name below.
                if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .RailwayError */ .m9) || isRejection(error))
                    throw error;
            }
        }
        const projects = await visibleProjects(client);
        const found = projects.find((p) => p.id === wanted || p.name === wanted);
        if (!found) {
            throw new NotFoundError("project", [wanted], names(projects), `No Railway project "${wanted}" is visible to this token. Projects it can see: ${names(projects).join(", ") || "(none)"}.`);
        }
        return client.project(found.id);
    });
}
/** Personal projects plus each workspace's; a workspace token (no user behind it) gets the root list only. */
async function visibleProjects(client) {
    let workspaces = [];
    try {
        workspaces = await client.workspaces();
    }
    catch (error) {
        if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .RailwayError */ .m9) || !error.notAuthorized)
            throw error;
    }
    const lists = await Promise.all([client.projects(), ...workspaces.map((w) => client.projects(w.id))]);
    return [...new Map(lists.flat().map((p) => [p.id, p])).values()];
}
function isRejection(error) {
    return error instanceof _client_js__WEBPACK_IMPORTED_MODULE_0__/* .RailwayError */ .m9 && error.notAuthorized;
}
/**
 * A refusal of the first account-side read means Railway rejects the token itself: under `auto` it was
 * already refused as a project token, so neither kind fits.
 */
async function rejectedAsToken(token, read) {
    try {
        return await read();
    }
    catch (error) {
        if (!isRejection(error))
            throw error;
        const triedAs = token.probedAsProject ? ["project", "account"] : ["account"];
        throw new _client_js__WEBPACK_IMPORTED_MODULE_0__/* .TokenRejectedError */ .WR([...triedAs], error.messages);
    }
}
function resolveEnvironment(project, token, wanted) {
    const found = project.environments.find((e) => e.id === wanted || e.name === wanted);
    const scope = token.scope;
    if (scope) {
        const own = project.environments.find((e) => e.id === scope.environmentId) ?? {
            id: scope.environmentId,
            name: scope.environmentId,
        };
        if (!found || found.id !== own.id) {
            throw new ScopeError("environment", own.name, `The project token is scoped to environment "${own.name}", but environment is "${wanted}".`);
        }
        return own;
    }
    if (!found) {
        throw new NotFoundError("environment", [wanted], names(project.environments), `Project "${project.name}" has no environment "${wanted}". Its environments: ${names(project.environments).join(", ") || "(none)"}.`);
    }
    return found;
}
function resolveServices(project, wanted) {
    const missing = wanted.filter((w) => !project.services.some((s) => s.id === w || s.name === w));
    if (missing.length) {
        throw new NotFoundError("service", missing, names(project.services), `Project "${project.name}" has no service ${missing.map((m) => `"${m}"`).join(", ")}. Its services: ${names(project.services).join(", ") || "(none)"}.`);
    }
    const found = wanted.map((w) => project.services.find((s) => s.id === w || s.name === w));
    return [...new Map(found.map((s) => [s.id, s])).values()];
}


/***/ })

};
