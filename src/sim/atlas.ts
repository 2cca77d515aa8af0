import { randomUUID } from "node:crypto";
import { type Fault, type SimRequest, type SimResponse, SimServer } from "./server.ts";

/**
 * A local MongoDB Atlas Admin API v2, as its reference documents it:
 * - service accounts: `POST /api/oauth/token` with HTTP Basic client id:secret and the form body
 *   `grant_type=client_credentials` answers `{access_token, expires_in: 3600, token_type: "Bearer"}`
 *   ("Service Accounts Overview"); an expired or unknown token gets 401;
 * - every `/api/atlas/v2` call needs a dated `Accept: application/vnd.atlas.YYYY-MM-DD+json` (API versioning
 *   overview); without one the simulator refuses with 406, the pessimistic reading;
 * - errors are `{error, errorCode, detail, reason, parameters}` ("Errors" in the Admin API reference);
 * - Cloud Backups: on-demand snapshots (`POST …/backup/snapshots`, status queued → inProgress → completed)
 *   and restore jobs (`POST …/backup/restoreJobs`, done when `finishedAt` is set, or failed/cancelled/
 *   expired); a pointInTime job replaces all data on the target cluster (Atlas CLI "backups restores start":
 *   "Atlas removes all existing data on the target cluster prior to the restore");
 * - faults: an access token expired early (401 once), a job that fails, 429 with Retry-After, and those of
 *   SimServer.
 */
export interface AtlasCluster {
  groupId: string;
  name: string;
  pitEnabled: boolean;
  /** What the cluster holds, as a label tests compare. */
  data: string;
  /** How far back a point-in-time restore may go (epoch ms). */
  restoreWindowStart: number;
  /** What it held at a time, for the restore: by default `data as of <ISO time>`. */
  history?: (at: number) => string;
}

interface Snapshot {
  id: string;
  groupId: string;
  cluster: string;
  status: string;
  createdAt: number;
  description: string;
  data: string;
}

interface Job {
  id: string;
  groupId: string;
  cluster: string;
  pointInTimeUTCSeconds: number;
  createdAt: number;
  finishedAt?: number;
  failed?: boolean;
}

export class AtlasSimulator {
  readonly server: SimServer;
  readonly clusters: AtlasCluster[] = [];
  readonly snapshots: Snapshot[] = [];
  readonly jobs: Job[] = [];
  readonly accounts = new Map<string, string>();
  private readonly tokens = new Map<string, number>();
  private failJobs = 0;
  private expireTokens = 0;
  /** How long a snapshot and a restore job run. */
  timing = { snapshotMs: 60, jobMs: 120 };
  url = "";

  constructor() {
    this.server = new SimServer((request) => this.handle(request));
  }

  get requests(): SimRequest[] {
    return this.server.requests;
  }

  async start(): Promise<string> {
    this.url = await this.server.start();
    return this.url;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  inject(fault: Fault): this {
    this.server.inject(fault);
    return this;
  }

  /** The next restore job created fails (Atlas sets `failed: true`). */
  failNextJob(): this {
    this.failJobs++;
    return this;
  }

  /** The token in use stops working before its expires_in (revoked, or the clock ran): 401 once. */
  expireTokenOnce(): this {
    this.expireTokens++;
    return this;
  }

  cluster(name: string): AtlasCluster | undefined {
    return this.clusters.find((c) => c.name === name);
  }

  private error(status: number, errorCode: string, detail: string, reason: string): SimResponse {
    return { status, body: { error: status, errorCode, detail, reason, parameters: [] } };
  }

  private token(request: SimRequest): SimResponse {
    const basic = /^Basic (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1];
    const [id, secret] = Buffer.from(basic ?? "", "base64")
      .toString()
      .split(":");
    const form = new URLSearchParams(request.rawBody);
    if (!id || this.accounts.get(id) !== secret) return { status: 401, body: { error: "invalid_client" } };
    if (form.get("grant_type") !== "client_credentials")
      return { status: 400, body: { error: "unsupported_grant_type" } };
    const token = `atlas-at-${randomUUID()}`;
    this.tokens.set(token, Date.now() + 3_600_000);
    return { status: 200, body: { access_token: token, expires_in: 3600, token_type: "Bearer" } };
  }

  private handle(request: SimRequest): SimResponse {
    if (request.path === "/api/oauth/token" && request.method === "POST") return this.token(request);
    if (!request.path.startsWith("/api/atlas/v2/"))
      return this.error(404, "RESOURCE_NOT_FOUND", "Not found.", "Not Found");
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1] ?? "";
    const until = this.tokens.get(bearer);
    if (until !== undefined && this.expireTokens > 0) {
      this.expireTokens--;
      this.tokens.delete(bearer);
    }
    if (!this.tokens.has(bearer) || (until ?? 0) < Date.now()) {
      return this.error(
        401,
        "NOT_ORG_GROUP_CREATOR",
        "Current user is not authorized to perform this action.",
        "Unauthorized",
      );
    }
    if (!/^application\/vnd\.atlas\.\d{4}-\d{2}-\d{2}\+json/.test(String(request.headers.accept ?? ""))) {
      return this.error(
        406,
        "INVALID_VERSION_DATE",
        "A dated Accept header (application/vnd.atlas.YYYY-MM-DD+json) is required.",
        "Not Acceptable",
      );
    }
    const match =
      /^\/api\/atlas\/v2\/groups\/([^/]+)\/clusters\/([^/]+)(\/backup\/(snapshots|restoreJobs|schedule)(?:\/([^/]+))?)?$/.exec(
        request.path,
      );
    const cluster =
      match &&
      this.clusters.find(
        (c) =>
          c.groupId === decodeURIComponent(match[1] ?? "") && c.name === decodeURIComponent(match[2] ?? ""),
      );
    if (!match || !cluster)
      return this.error(
        404,
        "CLUSTER_NOT_FOUND",
        "No cluster with that name exists in the project.",
        "Not Found",
      );
    const [, , , backup, kind, id] = match;
    if (!backup && request.method === "GET") {
      return {
        status: 200,
        body: {
          name: cluster.name,
          groupId: cluster.groupId,
          stateName: "IDLE",
          mongoDBVersion: "8.0.4",
          diskSizeGB: 40,
          pitEnabled: cluster.pitEnabled,
        },
      };
    }
    // Read-only: "Return One Cloud Backup Schedule" (Atlas Admin API v2), restoreWindowDays from the window kept.
    if (kind === "schedule" && request.method === "GET") {
      const days = Math.floor((Date.now() - cluster.restoreWindowStart) / 86_400_000);
      return {
        status: 200,
        body: { clusterName: cluster.name, restoreWindowDays: cluster.pitEnabled ? days : 0 },
      };
    }
    if (kind === "snapshots") return this.snapshotsRoute(request, cluster, id);
    if (kind === "restoreJobs") return this.jobsRoute(request, cluster, id);
    return this.error(405, "METHOD_NOT_ALLOWED", "Method not allowed.", "Method Not Allowed");
  }

  private snapshotView(s: Snapshot) {
    // On-demand snapshots go queued → inProgress → completed over `snapshotMs`.
    const age = Date.now() - s.createdAt;
    const status =
      age >= this.timing.snapshotMs
        ? "completed"
        : age >= this.timing.snapshotMs / 2
          ? "inProgress"
          : "queued";
    s.status = status;
    return {
      id: s.id,
      status,
      createdAt: new Date(s.createdAt).toISOString(),
      description: s.description,
      snapshotType: "onDemand",
      storageSizeBytes: 5_368_709_120,
    };
  }

  private snapshotsRoute(request: SimRequest, cluster: AtlasCluster, id: string | undefined): SimResponse {
    if (request.method === "POST" && !id) {
      const body = (request.body ?? {}) as { description?: string };
      const snapshot: Snapshot = {
        id: randomUUID().replace(/-/g, "").slice(0, 24),
        groupId: cluster.groupId,
        cluster: cluster.name,
        status: "queued",
        createdAt: Date.now(),
        description: body.description ?? "",
        data: cluster.data,
      };
      this.snapshots.push(snapshot);
      return { status: 200, body: this.snapshotView(snapshot) };
    }
    const found = this.snapshots.find((s) => s.id === id && s.cluster === cluster.name);
    if (request.method === "GET" && found) return { status: 200, body: this.snapshotView(found) };
    return this.error(404, "RESOURCE_NOT_FOUND", `No snapshot ${id}.`, "Not Found");
  }

  private jobView(job: Job) {
    const cluster = this.cluster(job.cluster);
    if (job.finishedAt === undefined && !job.failed && Date.now() - job.createdAt >= this.timing.jobMs) {
      job.finishedAt = Date.now();
      // The restore replaces every document on the target cluster.
      if (cluster)
        cluster.data =
          cluster.history?.(job.pointInTimeUTCSeconds * 1000) ??
          `${cluster.data.split(" as of ")[0]} as of ${new Date(job.pointInTimeUTCSeconds * 1000).toISOString()}`;
    }
    return {
      id: job.id,
      deliveryType: "pointInTime",
      pointInTimeUTCSeconds: job.pointInTimeUTCSeconds,
      targetClusterName: job.cluster,
      targetGroupId: job.groupId,
      timestamp: new Date(job.createdAt).toISOString(),
      finishedAt: job.finishedAt ? new Date(job.finishedAt).toISOString() : undefined,
      failed: job.failed ?? false,
      cancelled: false,
      expired: false,
    };
  }

  private jobsRoute(request: SimRequest, cluster: AtlasCluster, id: string | undefined): SimResponse {
    if (request.method === "GET" && !id) {
      const results = this.jobs.filter((j) => j.cluster === cluster.name).map((j) => this.jobView(j));
      return { status: 200, body: { results, totalCount: results.length, links: [] } };
    }
    if (request.method === "GET") {
      const job = this.jobs.find((j) => j.id === id && j.cluster === cluster.name);
      return job
        ? { status: 200, body: this.jobView(job) }
        : this.error(404, "RESOURCE_NOT_FOUND", `No restore job ${id}.`, "Not Found");
    }
    const body = (request.body ?? {}) as {
      deliveryType?: string;
      pointInTimeUTCSeconds?: number;
      targetClusterName?: string;
      targetGroupId?: string;
    };
    if (
      body.deliveryType !== "pointInTime" ||
      typeof body.pointInTimeUTCSeconds !== "number" ||
      !body.targetClusterName ||
      !body.targetGroupId
    ) {
      return this.error(
        400,
        "INVALID_ATTRIBUTE",
        "deliveryType pointInTime needs pointInTimeUTCSeconds, targetClusterName and targetGroupId.",
        "Bad Request",
      );
    }
    if (!cluster.pitEnabled)
      return this.error(
        400,
        "CLUSTER_PIT_NOT_ENABLED",
        "Continuous Cloud Backup is not enabled for this cluster.",
        "Bad Request",
      );
    const at = body.pointInTimeUTCSeconds * 1000;
    if (at < cluster.restoreWindowStart || at > Date.now()) {
      return this.error(
        400,
        "INVALID_ATTRIBUTE",
        "The point in time is outside the cluster's restore window.",
        "Bad Request",
      );
    }
    const job: Job = {
      id: randomUUID().replace(/-/g, "").slice(0, 24),
      groupId: cluster.groupId,
      cluster: body.targetClusterName,
      pointInTimeUTCSeconds: body.pointInTimeUTCSeconds,
      createdAt: Date.now(),
    };
    if (this.failJobs > 0) {
      this.failJobs--;
      job.failed = true;
    }
    this.jobs.push(job);
    return { status: 200, body: this.jobView(job) };
  }
}
