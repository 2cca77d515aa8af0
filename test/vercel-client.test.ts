import { afterEach, describe, expect, it } from "vitest";
import { HttpError } from "../src/core/http.ts";
import { teamQuery, VercelClient } from "../src/platforms/vercel/client.ts";
import { SimServer } from "../src/sim/server.ts";
import { badProductionSimulator, SIM_VERCEL_TOKEN, type VercelSimulator } from "../src/sim/vercel.ts";

let sim: VercelSimulator | undefined;
let raw: SimServer | undefined;
afterEach(async () => {
  await sim?.stop();
  await raw?.stop();
  sim = undefined;
  raw = undefined;
});

describe("VercelClient", () => {
  it("scopes calls with teamId for team_… ids and slug otherwise", () => {
    expect(teamQuery("team_abc")).toEqual({ teamId: "team_abc" });
    expect(teamQuery("acme")).toEqual({ slug: "acme" });
    expect(teamQuery(undefined)).toEqual({});
  });

  it("reads values Vercel may add without breaking (enums read as strings)", async () => {
    raw = new SimServer((request) => {
      if (request.path === "/v9/projects/shop") {
        return {
          status: 200,
          body: {
            id: "prj_1",
            name: "shop",
            autoAssignCustomDomains: true,
            targets: { production: { id: "dpl_1", readyState: "HIBERNATING", readySubstate: "ROLLING" } },
            lastAliasRequest: {
              fromDeploymentId: null,
              toDeploymentId: "dpl_1",
              jobStatus: "verifying",
              requestedAt: 1,
              type: "canary",
            },
            someNewField: { nested: true },
          },
        };
      }
      return { status: 404, body: { error: { code: "not_found", message: "nope" } } };
    });
    const client = new VercelClient({ token: "t0ken-value", baseUrl: await raw.start() });
    const project = await client.getProject("shop");
    expect(project.targets?.production?.readyState).toBe("HIBERNATING");
    expect(project.lastAliasRequest?.jobStatus).toBe("verifying");
    const error = await client.getDeployment("dpl_x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe("not_found");
    expect((error as HttpError).details.platformMessage).toBe("nope");
  });

  it("retries a read that answers too slowly", async () => {
    sim = badProductionSimulator();
    const url = await sim.start();
    sim.inject({ kind: "delay", ms: 400, match: { path: "/v9/projects/shop" } });
    const client = new VercelClient({
      token: SIM_VERCEL_TOKEN,
      baseUrl: url,
      http: { timeoutMs: 150, backoffBaseMs: 10 },
    });
    const project = await client.getProject("shop");
    expect(project.targets?.production?.id).toBe("dpl_bad");
    expect(sim.requests.filter((r) => r.path === "/v9/projects/shop")).toHaveLength(2);
  });

  it("never retries a rollback that timed out: the error is ambiguous", async () => {
    sim = badProductionSimulator();
    const url = await sim.start();
    sim.inject({ kind: "delay", ms: 400, match: { method: "POST" } });
    const client = new VercelClient({
      token: SIM_VERCEL_TOKEN,
      baseUrl: url,
      http: { timeoutMs: 150, backoffBaseMs: 10 },
    });
    const error = await client
      .requestRollback({ projectId: "prj_shop", deploymentId: "dpl_good2" })
      .catch((e: unknown) => e);
    expect((error as HttpError).ambiguous).toBe(true);
    expect(sim.mutations()).toHaveLength(1);
  });

  it("sends the bearer token and the team on every call", async () => {
    sim = badProductionSimulator({ team: { id: "team_t1", slug: "t1" } });
    const url = await sim.start();
    const client = new VercelClient({ token: SIM_VERCEL_TOKEN, baseUrl: url, team: "team_t1" });
    await client.getProject("shop");
    await client.listDeployments({ projectId: "prj_shop", target: "production", limit: 2 });
    await client.getDeployment("dpl_good1");
    await client.failedAliases("prj_shop", "promote");
    await client.requestPromote("prj_shop", "dpl_good1");
    await client.rebuildForProduction("dpl_preview", "shop");
    expect(sim.requests).toHaveLength(6);
    for (const request of sim.requests) {
      expect(request.query.get("teamId")).toBe("team_t1");
      expect(request.headers.authorization).toBe(`Bearer ${SIM_VERCEL_TOKEN}`);
    }
    expect(client.requestCount).toBe(6);
  });
});
