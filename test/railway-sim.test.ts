import { afterEach, expect, it } from "vitest";
import { RailwayClient } from "../src/platforms/railway/client.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";

const sims: RailwaySimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((sim) => sim.stop()));
});

const { backend } = SCENARIO.services;

it("moves a rollback's deployment through its statuses over time and removes the one it replaces", async () => {
  const changes: string[] = [];
  const sim = new RailwaySimulator(rollbackScenario({ timing: { initializingMs: 10, deployingMs: 20 } }), {
    onChange: (d, previous) =>
      changes.push(`${d.id === backend.bad ? "bad" : "new"}:${previous ?? "-"}→${d.status}`),
  });
  sims.push(sim);
  const url = await sim.start();
  const client = new RailwayClient({ token: SCENARIO.projectToken, tokenType: "project", apiUrl: url });
  await client.rollback(backend.good);
  const created = sim.deploymentsOf("backend")[0];
  // What the real API is seen to write: the target's image and the reason, no key naming the target.
  expect(created?.meta).toEqual({
    reason: "rollback",
    image: sim.deployment(backend.good)?.meta.image,
    imageDigest: sim.deployment(backend.good)?.meta.imageDigest,
  });
  await new Promise<void>((resolve) => {
    const off = sim.onChange((d) => {
      if (d.id === created?.id && d.status === "SUCCESS") {
        off();
        resolve();
      }
    });
  });
  expect(changes).toEqual([
    "new:-→INITIALIZING",
    "new:INITIALIZING→DEPLOYING",
    "bad:SUCCESS→REMOVED",
    "new:DEPLOYING→SUCCESS",
  ]);
  expect(sim.activeDeployment("backend")?.id).toBe(created?.id);
});

it("scopes a project token to its environment and refuses unknown tokens", async () => {
  const sim = new RailwaySimulator(rollbackScenario());
  sims.push(sim);
  const url = await sim.start();
  const staging = new RailwayClient({
    token: SCENARIO.stagingProjectToken,
    tokenType: "project",
    apiUrl: url,
  });
  expect(await staging.projectToken()).toMatchObject({
    projectId: SCENARIO.projectId,
    environmentId: SCENARIO.stagingEnvironmentId,
  });
  await expect(staging.deployment(backend.bad)).rejects.toThrow("Not Authorized");
  const account = new RailwayClient({ token: SCENARIO.accountToken, tokenType: "account", apiUrl: url });
  await expect(account.projectToken()).rejects.toThrow("Project Token not found");
  expect((await account.deployment(backend.bad)).status).toBe("SUCCESS");
  const stranger = new RailwayClient({ token: "nobody-knows-me", tokenType: "account", apiUrl: url });
  await expect(stranger.projects()).rejects.toThrow("Not Authorized");
});

it("refuses a rollback to an image past retention, and starts on a fixed port", async () => {
  const probe = new RailwaySimulator(rollbackScenario());
  await probe.start();
  const port = Number(new URL(probe.url).port);
  await probe.stop();
  const sim = new RailwaySimulator(rollbackScenario());
  sims.push(sim);
  const url = await sim.start(port);
  expect(url).toBe(`http://127.0.0.1:${port}/graphql/v2`);
  const client = new RailwayClient({ token: SCENARIO.projectToken, tokenType: "project", apiUrl: url });
  await expect(client.rollback(backend.expired)).rejects.toThrow("no longer available");
  expect(sim.deploymentsOf("backend")).toHaveLength(4);
});

it("answers 429 with Retry-After beyond its rate limit", async () => {
  const sim = new RailwaySimulator(rollbackScenario({ rateLimit: { max: 1, windowMs: 60_000 } }));
  sims.push(sim);
  const url = await sim.start();
  const client = new RailwayClient({
    token: SCENARIO.projectToken,
    tokenType: "project",
    apiUrl: url,
    http: { maxRetryAfterMs: 1000 },
  });
  await client.projectToken();
  const error = (await client.projectToken().catch((e: unknown) => e)) as Error;
  expect(error.message).toContain("429");
  expect(error.message).toContain("the platform asks to wait 60s");
});
