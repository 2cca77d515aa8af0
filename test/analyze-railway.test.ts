import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RailwayClient, RailwayError } from "../src/platforms/railway/client.ts";
import { httpErrorRate, httpP95, METRICS_OPERATIONS } from "../src/platforms/railway/metrics.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";

const PUBLIC_SCHEMA = resolve(import.meta.dirname, "../../shared/api/railway-public-schema.graphql");
const present = existsSync(PUBLIC_SCHEMA);
const backend = { serviceId: SCENARIO.services.backend.id, environmentId: SCENARIO.environmentId };

describe("Railway HTTP metrics operations", () => {
  it.skipIf(!present).each(Object.entries(METRICS_OPERATIONS))(
    "%s validates against the public schema",
    (_, source) => {
      // Railway's published schema fails graphql-js's own checks (a deprecated interface field): load it as given.
      const schema = buildSchema(readFileSync(PUBLIC_SCHEMA, "utf8"), { assumeValid: true });
      expect(validate(schema, parse(source)).map((e) => e.message)).toEqual([]);
    },
  );

  it.each(Object.entries(METRICS_OPERATIONS))("%s validates against the simulator's schema", (_, source) => {
    const sim = new RailwaySimulator(rollbackScenario());
    expect(validate(sim.schema, parse(source)).map((e) => e.message)).toEqual([]);
  });
});

describe("error rate and p95 from the simulator", () => {
  let sim: RailwaySimulator;
  let client: RailwayClient;
  beforeAll(async () => {
    sim = new RailwaySimulator(rollbackScenario());
    await sim.start();
    client = new RailwayClient({
      token: SCENARIO.projectToken,
      tokenType: "project",
      apiUrl: sim.url,
    });
  });
  afterAll(() => sim.stop());

  const minute = (): [number, number] => [Date.now() - 60_000, Date.now()];

  it("reads 5xx over all requests while the bad deployment serves, and its p95", async () => {
    const rate = await httpErrorRate(client, backend, ...minute());
    expect(rate?.rate).toBeCloseTo(0.3, 5);
    expect(rate?.total).toBeCloseTo(20 * 60, 0);
    expect(await httpP95(client, backend, ...minute())).toBe(1800);
  });

  it("reads no traffic as no data, never as a zero error rate", async () => {
    sim.traffic.set(backend.serviceId, { rps: 0, errorRate: 0, p95Ms: 0 });
    expect(await httpErrorRate(client, backend, ...minute())).toBeUndefined();
    expect(await httpP95(client, backend, ...minute())).toBeUndefined();
    sim.traffic.set(backend.serviceId, { rps: 10, errorRate: 0.02, p95Ms: 90 });
    expect((await httpErrorRate(client, backend, ...minute()))?.rate).toBeCloseTo(0.02, 5);
  });

  it("refuses a token of another environment, as Railway does", async () => {
    const staging = new RailwayClient({
      token: SCENARIO.stagingProjectToken,
      tokenType: "project",
      apiUrl: sim.url,
    });
    await expect(httpErrorRate(staging, backend, ...minute())).rejects.toThrow(RailwayError);
  });
});
