// The drill's production: the platforms' simulators, a git origin, the team's app whose health endpoints
// answer 503 while something bad serves, and for the whole runbook the data it restores (a real PostgreSQL
// and Redis where the machine has them), a bucket, a metrics source and the outside world's status page.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { ChatSimulator } from "../../sim/chat.ts";
import { GitHubSimulator } from "../../sim/github.ts";
import { MetricsSource } from "../../sim/metrics.ts";
import { PagerDutySimulator } from "../../sim/pagerduty.ts";
import { BAD_DEPLOYMENT_IDS, RailwaySimulator, rollbackScenario } from "../../sim/railway.ts";
import { S3Simulator } from "../../sim/s3.ts";
import { StatuspageSimulator } from "../../sim/status.ts";
import { badProductionScenario, VercelSimulator } from "../../sim/vercel.ts";
import {
  addPostgresService,
  addRedisService,
  cacheIsSimulated,
  type DrillData,
  databaseIsSimulated,
  startData,
} from "./data.ts";
import type { FaultName, Target } from "./faults.ts";

export const BROKEN_FILE = "BROKEN";
export const SHOP_DOMAIN = "shop.example.com";

export interface WorldOptions {
  /** The drill's folder: the git origin, dumps, reports, the servers' data. The caller removes it. */
  dir: string;
  target: Target;
  faults: Set<FaultName>;
  railwayDeployMs: number;
  vercelAliasMs: number;
  /** The full runbook's database and cache on the Railway simulator even where the machine has the servers. */
  simulatedData: boolean;
}

export interface World {
  dir: string;
  railway: RailwaySimulator;
  vercel: VercelSimulator;
  chat: ChatSimulator;
  github: GitHubSimulator;
  statuspage: StatuspageSimulator;
  pagerduty: PagerDutySimulator;
  metrics: MetricsSource;
  s3: S3Simulator;
  /** The full runbook's database and cache; undefined for code targets. */
  data: DrillData | undefined;
  /** When the bucket was last as it should be: storage-restore's point in time. */
  bucketGoodAt: string;
  /** The git origin and its checkout: only for the git-revert target. */
  repo: { origin: string; checkout: string; badSha: string } | undefined;
  app: { url: string };
  /** Health endpoints the smoke test checks, by name. */
  checks: string[];
  /** The images of the incident's Railway deployments: a service serving one is bad. */
  badImages: Set<string>;
  /** The Vercel project's production domain. */
  shopDomain: string;
  /** Simulated platform time on the critical path, from the simulators' own events. */
  platformMs(): number;
  /** Closes every client, then the servers they use, then the simulators; awaits all of it. */
  stop(): Promise<void>;
  /** Stops the real servers at once, synchronously: for a drill that is exiting without tearing down. */
  stopNow(): void;
}

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
const execGit = promisify(execFile);
async function git(cwd: string, ...args: string[]): Promise<string> {
  return (await execGit("git", args, { cwd, encoding: "utf8", env: GIT_ENV })).stdout.trim();
}

/** A bare origin whose main ends with a bad commit, and a checkout of it for revert-commit. */
async function gitOrigin(dir: string): Promise<NonNullable<World["repo"]>> {
  const origin = join(dir, "origin.git");
  const seed = join(dir, "seed");
  const checkout = join(dir, "checkout");
  await Promise.all([
    git(dir, "init", "--quiet", "--bare", "--initial-branch=main", origin),
    git(dir, "init", "--quiet", "--initial-branch=main", seed),
  ]);
  const commit = async (file: string, content: string, message: string) => {
    await writeFile(join(seed, file), content);
    await git(seed, "add", file);
    await git(
      seed,
      "-c",
      "user.name=Dev",
      "-c",
      "user.email=dev@example.com",
      "commit",
      "--quiet",
      "-m",
      message,
    );
    return git(seed, "rev-parse", "HEAD");
  };
  await commit("app.txt", "v1\n", "Add search");
  await commit("app.txt", "v2\n", "Faster checkout");
  const badSha = await commit(BROKEN_FILE, "payment flow rewrite\n", "Rewrite payment flow");
  await git(seed, "push", "--quiet", origin, "main");
  await git(dir, "clone", "--quiet", origin, checkout);
  return { origin, checkout, badSha };
}

/** The bucket as the bad deploy left it: config overwritten, the logo deleted, junk uploaded. */
export const BUCKET = "shop-files";
function seedBucket(s3: S3Simulator): string {
  const hour = 3_600_000;
  const now = Date.now();
  s3.createBucket(BUCKET);
  s3.put(BUCKET, "config.json", '{"checkout":"v2"}', { at: now - 3 * hour, contentType: "application/json" });
  s3.put(BUCKET, "images/logo.png", "png-bytes", { at: now - 3 * hour, contentType: "image/png" });
  const goodUntil = new Date(now - 2 * hour).toISOString();
  s3.put(BUCKET, "config.json", '{"checkout":"rewrite"}', {
    at: now - hour,
    contentType: "application/json",
  });
  s3.remove(BUCKET, "images/logo.png", now - hour);
  s3.put(BUCKET, "uploads/junk.bin", "junk", { at: now - hour });
  return goodUntil;
}

function bucketProblem(s3: S3Simulator): string | undefined {
  const config = s3.history(BUCKET, "config.json")[0];
  if (!config || config.deleteMarker || !String(config.body ?? "").includes('"v2"'))
    return "config.json holds the bad deploy's settings";
  if (s3.history(BUCKET, "images/logo.png")[0]?.deleteMarker) return "images/logo.png was deleted";
  if (s3.history(BUCKET, "uploads/junk.bin")[0]?.deleteMarker === false)
    return "uploads/junk.bin is still there";
  return undefined;
}

function appServer(health: Record<string, () => Promise<string | undefined> | string | undefined>) {
  const server = createServer((req, res) => {
    const name = /^\/([^/]+)\/healthz$/.exec(req.url ?? "")?.[1] ?? "";
    const check = health[name];
    if (!check) return void res.writeHead(404).end("not found");
    Promise.resolve(check()).then(
      (problem) => {
        if (problem) res.writeHead(503, { "content-type": "text/plain" }).end(problem);
        else res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      },
      (error: Error) => res.writeHead(500, { "content-type": "text/plain" }).end(error.message),
    );
  });
  return new Promise<{ server: Server; url: string }>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** Settles once every start has: rejects with the first failure, after the others finished starting. */
async function allStarted(starts: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(starts)).find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

export async function startWorld(options: WorldOptions): Promise<World> {
  const { target, faults, dir } = options;
  const platform = { railway: 0, vercel: 0 };
  const railwayStarted = new Map<string, number>();
  const full = target === "full";
  const seed = rollbackScenario({
    timing: { initializingMs: 100, buildingMs: 0, deployingMs: options.railwayDeployMs },
  });
  if (full && cacheIsSimulated(options.simulatedData)) addRedisService(seed);
  if (full && databaseIsSimulated(options.simulatedData)) addPostgresService(seed);
  const railway = new RailwaySimulator(seed, {
    onChange: (deployment, previous) => {
      if (previous === undefined) railwayStarted.set(deployment.id, performance.now());
      const since = railwayStarted.get(deployment.id);
      if (since !== undefined && ["SUCCESS", "CRASHED", "FAILED"].includes(deployment.status)) {
        platform.railway = Math.max(platform.railway, performance.now() - since);
      }
    },
  });
  const vercelSeed = badProductionScenario({ aliasJobMs: options.vercelAliasMs });
  const shop = vercelSeed.projects[0];
  if (faults.has("vercel-alias-fail") && shop) shop.failingDomains = [SHOP_DOMAIN];
  let vercelRequestedAt = 0;
  const vercel = new VercelSimulator(vercelSeed, {
    onRequest: (request) => {
      if (request.method === "POST" && /\/(rollback|promote)\//.test(request.path))
        vercelRequestedAt ||= performance.now();
    },
    onProductionChange: () => {
      if (vercelRequestedAt) platform.vercel = performance.now() - vercelRequestedAt;
    },
  });
  const chat = new ChatSimulator();
  const github = new GitHubSimulator({ owner: "acme", repo: "shop" });
  github.commits.push(...incidentHistory());
  const statuspage = new StatuspageSimulator();
  const pagerduty = new PagerDutySimulator();
  const s3 = new S3Simulator();
  // The app's error rate, as its metrics report it: a share of the requests fail while any check does.
  let errorRate = 0.4;
  const metrics = new MetricsSource({ errorRate: () => errorRate });
  const simulators = [railway, vercel, chat, github, statuspage, pagerduty, s3, metrics];

  const railwayOn = target === "all" || target === "railway" || full;
  const vercelOn = target === "all" || target === "vercel" || full;
  const health: Record<string, () => Promise<string | undefined> | string | undefined> = {};
  const badImages = new Set([...BAD_DEPLOYMENT_IDS].map((id) => String(railway.deployment(id)?.meta.image)));
  if (railwayOn) {
    for (const service of ["backend", "ai-engine"]) {
      health[service] = () => {
        const active = railway.activeDeployment(service);
        // deploymentStop keeps the status SUCCESS and marks it stopped (src/sim/railway.ts, deploymentStopped).
        if (!active || active.stopped) return `${service} serves nothing (stopped)`;
        // By image, as Railway tells deployments apart: a redeploy of the bad one is just as bad.
        const image = active.meta.image;
        return badImages.has(String(image))
          ? `bad deployment ${active.id} (${String(image)}) serving`
          : undefined;
      };
    }
  }
  if (vercelOn) {
    health.web = () => {
      if (faults.has("verify-fail"))
        return "checkout page throws: the bug is older than the last good deploy";
      const visit = vercel.visit(SHOP_DOMAIN);
      if (visit.status === 503) return "project paused: visitors get 503";
      return visit.deploymentId === "dpl_bad" ? "dpl_bad serving: payment flow broken" : undefined;
    };
  }
  let repo: World["repo"];
  if (target === "git-revert") {
    health.git = async () => {
      const sha = repo?.badSha ?? "";
      try {
        await git(repo?.origin ?? dir, "cat-file", "-e", `main:${BROKEN_FILE}`);
        return `main still holds the bad commit ${sha.slice(0, 7)}`;
      } catch {
        return undefined;
      }
    };
  }
  let data: DrillData | undefined;
  if (full) {
    health.database = () => data?.databaseProblem();
    health.files = () => bucketProblem(s3);
    health.cache = () => data?.cacheProblem();
  }

  // Everything at once: the simulators, the app, and the database and cache servers or the git origin.
  const simulatorsUp = allStarted(simulators.map((sim) => sim.start()));
  const starting = {
    app: appServer(health),
    data: full
      ? startData({ dir, faults, railway, railwayUp: simulatorsUp, simulated: options.simulatedData })
      : undefined,
    repo: target === "git-revert" ? gitOrigin(dir) : undefined,
  };
  const started = await Promise.allSettled([simulatorsUp, starting.app, starting.data, starting.repo]);
  const failed = started.find((result) => result.status === "rejected");
  const app = started[1].status === "fulfilled" ? started[1].value : undefined;
  data = started[2].status === "fulfilled" ? started[2].value : undefined;
  const stopServers = async () => {
    await Promise.all([app && closeServer(app.server), metrics.stop()]);
    await data?.stop();
    await Promise.all(simulators.map((sim) => sim.stop()));
  };
  if (failed || !app) {
    await stopServers();
    throw failed?.reason;
  }
  repo = started[3].status === "fulfilled" ? started[3].value : undefined;
  const goodUntil = seedBucket(s3);

  // The error rate follows the checks (only the full runbook measures it); a check under way finishes before
  // the clients it uses are closed.
  let refreshing: Promise<void> | undefined;
  const refresh = full
    ? setInterval(() => {
        refreshing ??= failingChecks(health)
          .then((problems) => {
            errorRate = problems.length ? 0.4 : 0.001;
          })
          .catch(() => undefined)
          .finally(() => {
            refreshing = undefined;
          });
      }, REFRESH_MS)
    : undefined;

  return {
    dir,
    railway,
    vercel,
    chat,
    github,
    statuspage,
    pagerduty,
    metrics,
    s3,
    data,
    bucketGoodAt: goodUntil,
    repo,
    app,
    checks: Object.keys(health),
    badImages,
    shopDomain: SHOP_DOMAIN,
    platformMs: () => Math.max(platform.railway, platform.vercel),
    async stop() {
      clearInterval(refresh);
      await refreshing;
      await stopServers();
    },
    stopNow() {
      clearInterval(refresh);
      data?.stopNow();
    },
  };
}

/** How often the app's error rate follows its checks. */
const REFRESH_MS = 50;

async function failingChecks(
  health: Record<string, () => Promise<string | undefined> | string | undefined>,
): Promise<string[]> {
  return (await Promise.all(Object.values(health).map((check) => check()))).filter(
    (problem): problem is string => Boolean(problem),
  );
}

/** Closes a server and the connections still open to it (keep-alive ones included), and waits for it. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * The shop's history as GitHub's compare reads it: one repository whose bad release also renamed a column,
 * so the rollbacks warn that the old code may not work with the new schema. Commits as the simulators'
 * deployments carry them (rollbackScenario's commitHash, badProductionScenario's githubCommitSha).
 */
function incidentHistory() {
  const railway = (service: string, n: number) => `${service}${n}`.padEnd(40, "0");
  const migration = {
    filename: "prisma/migrations/20261207140200_checkout/migration.sql",
    status: "added" as const,
    patch: '@@ -0,0 +1 @@\n+ALTER TABLE "Order" RENAME COLUMN "total" TO "totalCents";',
  };
  const plain = (sha: string) => ({ sha, files: [] });
  return [
    plain("1111111aaaaaaa"),
    plain("2222222bbbbbbb"),
    ...[2, 3].flatMap((n) => [plain(railway("backend", n)), plain(railway("aiengine", n))]),
    plain("4444444ddddddd"),
    { sha: railway("backend", 4), message: "Break checkout", files: [migration] },
    plain(railway("aiengine", 4)),
    plain("5555555eeeeeee"),
  ];
}
