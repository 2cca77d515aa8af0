import { Vercel } from "@vercel/sdk";
import { CancelDeploymentResponseBody$inboundSchema } from "@vercel/sdk/models/canceldeploymentresponsebody.js";
import { CreateDeploymentResponseBody2$inboundSchema } from "@vercel/sdk/models/createdeploymentresponsebody.js";
import { GetAliasResponseBody$inboundSchema } from "@vercel/sdk/models/getaliasop.js";
// The official SDK's zod models for the operations the simulator serves (zod v3 schemas, read as-is).
import { GetDeploymentResponseBody2$inboundSchema } from "@vercel/sdk/models/getdeploymentresponsebody1.js";
import { GetDeploymentsResponseBody$inboundSchema } from "@vercel/sdk/models/getdeploymentsop.js";
import { GetProjectResponseBody$inboundSchema } from "@vercel/sdk/models/getprojectresponsebody.js";
import { GetRollingReleaseResponseBody$inboundSchema } from "@vercel/sdk/models/getrollingreleaseop.js";
import { ListPromoteAliasesResponseBody2$inboundSchema } from "@vercel/sdk/models/listpromotealiasesop.js";
import { request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import {
  badProductionScenario,
  badProductionSimulator,
  SIM_VERCEL_TOKEN,
  VercelSimulator,
} from "../src/sim/vercel.ts";

let sim: VercelSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function call(url: string, method = "GET", body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${SIM_VERCEL_TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

function strictParse(
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  expect(result.success).toBe(true);
}

describe("Vercel simulator answers parse with the @vercel/sdk models", () => {
  it("serves every operation the action uses in the SDK's shapes", async () => {
    // Alias jobs outlast the test, so production stays put and the 409 below is deterministic.
    sim = badProductionSimulator({ aliasJobMs: 60_000 });
    const base = await sim.start();

    const project = await call(`${base}/v9/projects/shop`);
    expect(project.status).toBe(200);
    strictParse(GetProjectResponseBody$inboundSchema, project.json);
    expect(project.json.targets.production.id).toBe("dpl_bad");

    const list = await call(`${base}/v6/deployments?projectId=prj_shop&target=production&limit=2`);
    expect(list.status).toBe(200);
    strictParse(GetDeploymentsResponseBody$inboundSchema, list.json);
    expect(list.json.deployments).toHaveLength(2);
    expect(typeof list.json.pagination.next).toBe("number");

    const one = await call(`${base}/v13/deployments/dpl_good2`);
    expect(one.status).toBe(200);
    // The full (LAMBDAS) variant, not the union's loosest member that needs only readyState.
    strictParse(GetDeploymentResponseBody2$inboundSchema, one.json);

    const domain = await call(`${base}/v4/aliases/shop.example.com`);
    strictParse(GetAliasResponseBody$inboundSchema, domain.json);
    expect(domain.json).toMatchObject({
      alias: "shop.example.com",
      projectId: "prj_shop",
      deploymentId: "dpl_bad",
    });
    expect((await call(`${base}/v4/aliases/nobody.example.com`)).status).toBe(404);

    const rolling = await call(`${base}/v1/projects/prj_shop/rolling-release`);
    strictParse(GetRollingReleaseResponseBody$inboundSchema, rolling.json);
    expect(rolling.json).toEqual({ rollingRelease: null });

    const rollback = await call(`${base}/v1/projects/prj_shop/rollback/dpl_good2?description=bad`, "POST");
    expect(rollback.status).toBe(201);
    expect(rollback.text).toBe(""); // the SDK reads 201 as void

    const aliases = await call(`${base}/v1/projects/prj_shop/promote/aliases?failedOnly=true`);
    strictParse(ListPromoteAliasesResponseBody2$inboundSchema, aliases.json);
    // Rollbacks have no v1 listing (PLATFORMS.md); the v9 one is what the CLI reads. The SDK has no model.
    expect((await call(`${base}/v1/projects/prj_shop/rollback/aliases`)).status).toBe(404);
    const v9 = await call(`${base}/v9/projects/prj_shop/rollback/aliases?failedOnly=true&limit=20`);
    expect(v9.json).toMatchObject({ aliases: [] });

    const rebuilt = await call(`${base}/v13/deployments`, "POST", {
      deploymentId: "dpl_preview",
      name: "shop",
      target: "production",
      meta: { action: "promote" },
    });
    expect(rebuilt.status).toBe(200);
    strictParse(CreateDeploymentResponseBody2$inboundSchema, rebuilt.json);

    const promote = await call(`${base}/v10/projects/prj_shop/promote/dpl_good1`, "POST");
    expect(promote.status).toBe(201);
    expect(promote.text).toBe(""); // the SDK reads 201/202 as void

    const current = sim.productionDeployment("shop")?.id;
    const conflict = await call(`${base}/v10/projects/prj_shop/promote/${current}`, "POST");
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.message).toContain("already the current production deployment");
  });

  it("serves an ACTIVE rolling release, a cancel, pause and unpause in the SDK's shapes", async () => {
    const seed = badProductionScenario({ aliasJobMs: 60_000 });
    const shop = seed.projects[0];
    if (!shop) throw new Error("no project");
    shop.deployments.push({ id: "dpl_building", readyState: "BUILDING", readyInMs: 60_000 });
    shop.activeRelease = { canary: "dpl_bad", targetPercentage: 25 };
    shop.production = "dpl_good2";
    sim = new VercelSimulator(seed);
    const base = await sim.start();
    const rolling = await call(`${base}/v1/projects/shop/rolling-release`);
    strictParse(GetRollingReleaseResponseBody$inboundSchema, rolling.json);
    expect(rolling.json.rollingRelease).toMatchObject({
      state: "ACTIVE",
      currentDeployment: { id: "dpl_good2" },
      canaryDeployment: { id: "dpl_bad" },
    });
    // Rolling back to the release's base is accepted although it is production: it reverts the canary.
    expect((await call(`${base}/v1/projects/prj_shop/rollback/dpl_good2`, "POST")).status).toBe(201);

    const cancel = await call(`${base}/v12/deployments/dpl_building/cancel`, "PATCH");
    expect(cancel.status).toBe(200);
    strictParse(CancelDeploymentResponseBody$inboundSchema, cancel.json);
    expect(cancel.json.readyState).toBe("CANCELED");
    const again = await call(`${base}/v12/deployments/dpl_building/cancel`, "PATCH");
    expect(again.status).toBe(400);

    const vercel = new Vercel({ bearerToken: SIM_VERCEL_TOKEN, serverURL: base });
    const visit = async () => (await request(base, { headers: { host: "shop.example.com" } })).statusCode;
    expect(await visit()).toBe(200);
    await vercel.projects.pauseProject({ projectId: "prj_shop" });
    expect((await vercel.projects.getProject({ idOrName: "shop" })).paused).toBe(true);
    expect(await visit()).toBe(503);
    await vercel.projects.unpauseProject({ projectId: "prj_shop" });
    expect(await visit()).toBe(200);
    expect(sim.project("shop")?.paused).toBe(false);
  });

  it("answers the official SDK client on its own routes, team scope included", async () => {
    sim = badProductionSimulator({ team: { id: "team_sdk1", slug: "sdk" }, aliasJobMs: 60_000 });
    const serverURL = await sim.start();
    const vercel = new Vercel({ bearerToken: SIM_VERCEL_TOKEN, serverURL });
    const scope = { teamId: "team_sdk1" };
    const project = await vercel.projects.getProject({ idOrName: "shop", ...scope });
    expect(project.targets?.production?.id).toBe("dpl_bad");
    const list = await vercel.deployments.getDeployments({
      projectId: "prj_shop",
      target: "production",
      limit: 3,
      ...scope,
    });
    expect(list.deployments.map((d) => d.uid)).toEqual(["dpl_bad", "dpl_failed", "dpl_good2"]);
    const next = await vercel.deployments.getDeployments({
      projectId: "prj_shop",
      target: "production",
      until: list.pagination.next ?? undefined,
      ...scope,
    });
    expect(next.deployments.map((d) => d.uid)).toEqual(["dpl_good1"]);
    const one = await vercel.deployments.getDeployment({ idOrUrl: "dpl_good2", ...scope });
    expect(one.readyState).toBe("READY");
    await vercel.projects.requestRollback({
      projectId: "prj_shop",
      deploymentId: "dpl_good2",
      description: "sdk",
      ...scope,
    });
    await vercel.projects.requestPromote({ projectId: "prj_shop", deploymentId: "dpl_good1", ...scope });
    const aliases = await vercel.projects.listPromoteAliases({
      projectId: "prj_shop",
      failedOnly: true,
      ...scope,
    });
    expect(aliases).toMatchObject({ aliases: [] });
    const created = await vercel.deployments.createDeployment({
      ...scope,
      requestBody: {
        deploymentId: "dpl_preview",
        name: "shop",
        target: "production",
        meta: { action: "promote" },
      },
    });
    expect(created.readyState).toBe("BUILDING");
    // Without the team, a team project is out of scope: the SDK sees Vercel's 403.
    await expect(vercel.projects.getProject({ idOrName: "shop" })).rejects.toMatchObject({ statusCode: 403 });
    expect(sim.requests.filter((r) => r.query.get("teamId") === "team_sdk1")).toHaveLength(8);
  });
});
