import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildSchema, type GraphQLSchema, parse, validate } from "graphql";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import action from "../src/actions/readiness/index.ts";
import { ISSUE_TITLE } from "../src/actions/readiness/issue.ts";
import { READINESS_OPERATIONS } from "../src/actions/readiness/railway-queries.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { GitHubSimulator } from "../src/sim/github.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import type { S3Simulator } from "../src/sim/s3.ts";
import { SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../src/sim/s3.ts";
import { badProductionScenario, SIM_VERCEL_TOKEN, VercelSimulator } from "../src/sim/vercel.ts";
import { startVolumeScenario, type VolumeScenario } from "./helpers/railway-volumes.ts";
import { runInProcess } from "./helpers/run.ts";
import { startS3 } from "./helpers/s3.ts";

interface Row {
  target: string;
  check: string;
  state: string;
  evidence: string;
  fix: string | null;
}

const SECRETS = [SCENARIO.projectToken, SIM_VERCEL_TOKEN, SIM_S3_SECRET_KEY];

async function check(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<{ tk: RecordingToolkit; rows: Row[] }> {
  const temp = mkdtempSync(join(tmpdir(), "readiness-runner-"));
  const tk = await runInProcess(action, inputs, { env: { RUNNER_TEMP: temp, ...env } });
  const report = tk.outputs.report ? readFileSync(tk.outputs.report, "utf8") : "";
  const shown = [tk.logs.join("\n"), tk.summary, JSON.stringify(tk.outputs), report].join("\n");
  for (const secret of SECRETS) expect(shown).not.toContain(secret);
  return { tk, rows: report ? (JSON.parse(report).checks as Row[]) : [] };
}

const of = (rows: Row[], target: string) =>
  rows.filter((r) => r.target === target).map((r) => [r.check, r.state]);
const find = (rows: Row[], name: string) => rows.find((r) => r.check === name);
const railwayMutations = (sim: RailwaySimulator) =>
  sim.requests.filter((r) => /^\s*mutation/.test(String((r.body as { query?: unknown })?.query ?? "")));

describe("readiness: railway on the simulator", () => {
  let scenario: VolumeScenario;
  beforeAll(async () => {
    scenario = await startVolumeScenario();
  });
  afterAll(async () => {
    await scenario?.sim.stop();
  });
  const inputs = (extra: Record<string, string> = {}) => ({
    "railway-token": SCENARIO.projectToken,
    "railway-api-url": scenario.url,
    services: "backend, ai-engine",
    "railway-database-service": "postgres",
    ...extra,
  });

  it("passes: the token, each service's automatic pick, the volume's schedule and newest backup; no mutation", async () => {
    scenario.sim.volumes.schedules.push({
      volumeInstanceId: scenario.instance.id,
      kind: "DAILY",
      retentionSeconds: 6 * 86_400,
    });
    const { tk, rows } = await check(inputs());
    expect(of(rows, "railway")).toEqual([
      ["token and project", "pass"],
      ["backend: rollback target", "pass"],
      ["ai-engine: rollback target", "pass"],
      ["postgres: backup schedule", "pass"],
      ["postgres: newest backup", "pass"],
    ]);
    expect(find(rows, "backend: rollback target")?.evidence).toContain(SCENARIO.services.backend.good);
    expect(find(rows, "postgres: backup schedule")?.evidence).toBe("daily, kept 6d");
    // The newest backup is half an hour old: the exposure, against an RPO of 0.
    expect(Number(tk.outputs["rpo-exposure"])).toBeGreaterThanOrEqual(1790);
    expect(railwayMutations(scenario.sim)).toEqual([]);
    scenario.sim.volumes.schedules.length = 0;
  });

  it("fails a service whose known-good image is past retention, and a volume without a schedule", async () => {
    const good = scenario.sim.deployment(SCENARIO.services.backend.good);
    if (!good) throw new Error("scenario changed");
    good.canRollback = false;
    try {
      const { tk, rows } = await check(inputs());
      const row = find(rows, "backend: rollback target");
      expect(row?.state).toBe("fail");
      expect(row?.evidence).toMatch(/canRollback: false, image past retention/);
      expect(find(rows, "ai-engine: rollback target")?.state).toBe("pass");
      expect(find(rows, "postgres: backup schedule")?.state).toBe("fail");
      expect(tk.outputs.status).toBe("not-ready");
      expect(tk.failed).toMatch(/backend: rollback target/);
    } finally {
      good.canRollback = undefined;
    }
  });

  it("fails an expired token with what to do, and checks nothing further", async () => {
    const { rows } = await check(inputs({ "railway-token": "rwp-expired-token-0000" }));
    expect(of(rows, "railway")).toEqual([["token and project", "fail"]]);
    expect(find(rows, "token and project")?.fix).toMatch(/new project token/);
  });
});

describe("readiness: vercel on the simulator", () => {
  let sim: VercelSimulator;
  afterEach(async () => {
    await sim?.stop();
  });
  const start = async (pinned = false) => {
    const seed = badProductionScenario({ aliasJobMs: 30 });
    // What a rollback leaves behind (PLATFORMS.md): production pinned, new deployments do not reach it.
    if (pinned) seed.projects = seed.projects.map((p) => ({ ...p, autoAssignCustomDomains: false }));
    sim = new VercelSimulator({ ...seed, aliasJobMs: 30 });
    await sim.start();
    return { "vercel-token": SIM_VERCEL_TOKEN, "vercel-project": "shop", "vercel-api-url": sim.url };
  };

  it("passes: token, project, not pinned, and the READY deployment the automatic pick would choose", async () => {
    const { rows } = await check(await start());
    expect(of(rows, "vercel")).toEqual([
      ["token and project", "pass"],
      ["production pinned", "pass"],
      ["rollback target", "pass"],
    ]);
    expect(find(rows, "rollback target")?.evidence).toMatch(/^dpl_good2 READY/);
    expect(sim.mutations()).toEqual([]);
  });

  it("warns while a rollback pins production, with the command that undoes it", async () => {
    const inputs = await start(true);
    const { tk, rows } = await check(inputs);
    const row = find(rows, "production pinned");
    expect(row?.state).toBe("warn");
    expect(row?.fix).toContain("vercel promote dpl_bad");
    expect(tk.outputs.status).toBe("warnings");
    expect(sim.mutations()).toEqual([]);
  });

  it("fails an expired token with what to do", async () => {
    const inputs = await start();
    const { rows } = await check({ ...inputs, "vercel-token": "expired-vercel-token" });
    const row = find(rows, "token and project");
    expect(row?.state).toBe("fail");
    expect(row?.fix).toMatch(/expired or revoked/);
  });
});

describe("readiness: storage on the S3 simulator", () => {
  let s3: { sim: S3Simulator; url: string; clients: { close(): void } };
  beforeAll(async () => {
    s3 = await startS3();
  });
  afterAll(async () => {
    s3?.clients.close();
    await s3?.sim.stop();
  });
  let n = 0;
  const bucket = (versioning: "Enabled" | "Suspended" = "Enabled") => {
    const name = `assets${++n}`;
    s3.sim.createBucket(name, versioning);
    s3.sim.put(name, "site/app.js", "v1");
    return name;
  };
  const inputs = (name: string, extra: Record<string, string> = {}) => ({
    "storage-bucket": name,
    "storage-prefix": "site/",
    "storage-endpoint": s3.url,
    "storage-access-key-id": SIM_S3_ACCESS_KEY,
    "storage-secret-access-key": SIM_S3_SECRET_KEY,
    ...extra,
  });
  const writes = () => s3.sim.requests.filter((r) => r.method !== "GET" && r.method !== "HEAD");

  it("passes: versioning Enabled, no short lifecycle rule, versions listable; RPO exposure 0; nothing written", async () => {
    const name = bucket();
    s3.sim.setLifecycle(name, [{ id: "old-logs", prefix: "logs/", enabled: true, noncurrentDays: 1 }]);
    const { tk, rows } = await check(inputs(name));
    expect(of(rows, "storage")).toEqual([
      ["versioning", "pass"],
      ["noncurrent versions kept", "pass"],
      ["may list versions", "pass"],
    ]);
    expect(tk.outputs["rpo-exposure"]).toBe("0");
    expect(find(rows, "RPO")?.state).toBe("pass");
    expect(writes()).toEqual([]);
  });

  it("fails suspended versioning, with the command that enables it", async () => {
    const name = bucket();
    s3.sim.setVersioning(name, "Suspended");
    const { rows } = await check(inputs(name));
    const row = find(rows, "versioning");
    expect(row?.state).toBe("fail");
    expect(row?.evidence).toMatch(/Suspended/);
    expect(row?.fix).toMatch(/Status=Enabled/);
  });

  it("fails a rule that expires noncurrent versions sooner than the horizon", async () => {
    const name = bucket();
    s3.sim.setLifecycle(name, [{ id: "trim", prefix: "", enabled: true, noncurrentDays: 3 }]);
    const { rows } = await check(inputs(name, { "restore-horizon": "168h" }));
    const row = find(rows, "noncurrent versions kept");
    expect(row?.state).toBe("fail");
    expect(row?.evidence).toMatch(/trim \(3d\)/);
    expect(row?.fix).toMatch(/at least 7/);
  });

  it("fails credentials that may not read the bucket", async () => {
    const name = bucket();
    const { rows } = await check(inputs(name, { "storage-access-key-id": "WRONGKEY" }));
    expect(find(rows, "versioning")?.state).toBe("fail");
    expect(find(rows, "may list versions")?.state).toBe("fail");
  });
});

describe("readiness: the issue, and the RTO from deploy times", () => {
  let github: GitHubSimulator;
  let scenario: VolumeScenario;
  let s3: { sim: S3Simulator; url: string; clients: { close(): void } };
  beforeAll(async () => {
    github = new GitHubSimulator();
    [scenario, s3] = await Promise.all([startVolumeScenario(), startS3(), github.start()]).then(([v, s]) => [
      v,
      s,
    ]);
    s3.sim.createBucket("assets");
  });
  afterAll(async () => {
    s3?.clients.close();
    await Promise.all([github?.stop(), s3?.sim.stop(), scenario?.sim.stop()]);
  });
  /** The serving deployment of each service took `seconds` from creation to SUCCESS. */
  const deployTook = (seconds: number) => {
    for (const s of Object.values(SCENARIO.services)) {
      const d = scenario.sim.deployment(s.bad);
      if (d) d.updatedAt = d.createdAt + seconds * 1000;
    }
  };
  const run = (extra: Record<string, string> = {}) =>
    check(
      {
        "railway-token": SCENARIO.projectToken,
        "railway-api-url": scenario.url,
        services: "backend, ai-engine",
        "storage-bucket": "assets",
        "storage-endpoint": s3.url,
        "storage-access-key-id": SIM_S3_ACCESS_KEY,
        "storage-secret-access-key": SIM_S3_SECRET_KEY,
        issue: "true",
        "github-token": github.token,
        ...extra,
      },
      { GITHUB_REPOSITORY: "acme/shop", GITHUB_API_URL: github.url },
    );

  it("estimates the RTO from the slowest service's last deploy, and warns past the objective", async () => {
    deployTook(20 * 60);
    const { tk, rows } = await run({ issue: "false" });
    expect(tk.outputs["rto-estimate"]).toBe("1200");
    const row = find(rows, "RTO");
    expect(row?.state).toBe("warn");
    expect(row?.evidence).toMatch(/estimate 20m exceeds the objective 15m/);
  });

  it("opens one issue on a regression, updates the same one, closes it when all passes", async () => {
    deployTook(90);
    s3.sim.setVersioning("assets", "Suspended");
    const first = await run();
    expect(first.tk.outputs.status).toBe("not-ready");
    expect(github.issues.map((i) => [i.title, i.state])).toEqual([[ISSUE_TITLE, "open"]]);
    expect(github.issues[0]?.body).toMatch(/❌ \| storage \| versioning/);
    expect(first.tk.outputs["issue-url"]).toBe(github.issues[0]?.html_url);

    const good = scenario.sim.deployment(SCENARIO.services.backend.good);
    if (good) good.canRollback = false;
    await run();
    expect(github.issues).toHaveLength(1);
    expect(github.issues[0]?.body).toMatch(/❌ \| railway \| backend: rollback target/);
    if (good) good.canRollback = undefined;

    s3.sim.setVersioning("assets", "Enabled");
    const fixed = await run();
    expect(fixed.tk.outputs.status).toBe("ready");
    expect(fixed.tk.outputs["rto-estimate"]).toBe("90");
    expect(fixed.tk.outputs["rpo-exposure"]).toBe("0");
    expect(github.issues.map((i) => i.state)).toEqual(["closed"]);
    expect(github.issues[0]?.comments.map((c) => c.body)).toEqual([expect.stringMatching(/passes again/)]);

    // Ready again: nothing to open or close.
    await run();
    expect(github.issues).toHaveLength(1);
    expect(railwayMutations(scenario.sim)).toEqual([]);
  });
});

describe("readiness: inputs", () => {
  it("names an unknown target and a target without its settings, before any request", async () => {
    const { tk } = await check({ targets: "railway, dns" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(/targets.*"dns"/);
    expect(tk.failed).toMatch(/railway-token.*required to check railway/);
  });

  it("asks for at least one target when none is configured", async () => {
    const { tk } = await check({});
    expect(tk.failed).toMatch(/targets.*no target is configured/);
  });
});

const PUBLIC_SCHEMA = resolve(import.meta.dirname, "../../shared/api/railway-public-schema.graphql");

describe("readiness's own Railway operations", () => {
  const schemas: [string, GraphQLSchema | undefined][] = [
    ["the simulator", new RailwaySimulator(rollbackScenario()).schema],
    // Railway's published schema fails graphql-js's own checks (Team.id deprecated, Node.id not): as given.
    [
      "Railway's public schema",
      existsSync(PUBLIC_SCHEMA)
        ? buildSchema(readFileSync(PUBLIC_SCHEMA, "utf8"), { assumeValid: true })
        : undefined,
    ],
  ];
  for (const [where, schema] of schemas) {
    for (const [name, source] of Object.entries(READINESS_OPERATIONS)) {
      it.skipIf(!schema)(`${name} is valid for ${where}`, () => {
        expect(validate(schema as GraphQLSchema, parse(source)).map((e) => e.message)).toEqual([]);
      });
    }
  }
});
