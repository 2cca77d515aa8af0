import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, type GraphQLSchema, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import railwayRedeploy from "../src/actions/railway-redeploy/index.ts";
import { OPERATIONS } from "../src/platforms/railway/operations.ts";
import { RailwaySimulator, rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { runInProcess } from "./helpers/run.ts";

const PUBLIC_SCHEMA = resolve(import.meta.dirname, "../../shared/api/railway-public-schema.graphql");
const present = existsSync(PUBLIC_SCHEMA);
if (!present) {
  console.warn(`Skipping validation against Railway's public schema: ${PUBLIC_SCHEMA} is absent.`);
}

/** Railway's published schema does not pass graphql-js's own schema checks (Team.id is deprecated but Node.id is not): load it as given. */
function publicSchema(): GraphQLSchema {
  return buildSchema(readFileSync(PUBLIC_SCHEMA, "utf8"), { assumeValid: true });
}

function errors(schema: GraphQLSchema, source: string): string[] {
  return validate(schema, parse(source)).map((e) => e.message);
}

describe.skipIf(!present)("every operation validates against Railway's public schema", () => {
  const schema = present ? publicSchema() : undefined;
  for (const [name, source] of Object.entries(OPERATIONS)) {
    it(name, () => {
      expect(errors(schema as GraphQLSchema, source)).toEqual([]);
    });
  }
});

describe("the simulator's schema", () => {
  const sim = new RailwaySimulator(rollbackScenario());
  for (const [name, source] of Object.entries(OPERATIONS)) {
    it(`accepts ${name}`, () => {
      expect(errors(sim.schema, source)).toEqual([]);
    });
  }
});

describe.skipIf(!present)("what the simulator accepted from the action is valid for Railway", () => {
  let sim: RailwaySimulator;
  beforeAll(async () => {
    sim = new RailwaySimulator(
      rollbackScenario({ timing: { initializingMs: 10, buildingMs: 10, deployingMs: 20 } }),
    );
    const url = await sim.start();
    const runs: Array<Record<string, string>> = [
      // A push on its way is cancelled; variables compared; auto-deploy paused after.
      { token: SCENARIO.projectToken, services: "backend", "freeze-auto-deploy": "true" },
      // By project name with an account token: Workspaces, Projects, then Project.
      { token: SCENARIO.accountToken, project: "shop", services: "backend, ai-engine", strategy: "redeploy" },
      // Going back to the (now removed) bad deployment on purpose: an explicit target.
      {
        token: SCENARIO.projectToken,
        services: "backend",
        strategy: "rollback",
        deployment: SCENARIO.services.backend.bad,
      },
      { token: SCENARIO.projectToken, services: "backend, ai-engine", strategy: "restart" },
    ];
    for (const run of runs) {
      if (run["freeze-auto-deploy"]) sim.push("backend", { durationMs: 5000 });
      const tk = await runInProcess(railwayRedeploy, { ...run, "api-url": url });
      expect(tk.failed).toBeUndefined();
    }
  });
  afterAll(() => sim.stop());

  it("each distinct document the simulator received validates against the public schema", () => {
    const documents = new Set(
      sim.requests
        .map((r) => (r.body as { query?: string }).query)
        .filter((q): q is string => typeof q === "string"),
    );
    const names = new Set(sim.operations());
    for (const expected of [
      "ProjectToken",
      "Project",
      "Projects",
      "Workspaces",
      "ServiceDeployments",
      "ServiceConfig",
      "DeploymentStatus",
    ]) {
      expect(names).toContain(expected);
    }
    for (const expected of [
      "DeploymentRollback",
      "DeploymentRedeploy",
      "DeploymentRestart",
      "DeploymentCancel",
      "ServiceInstanceAutoDeployUpdate",
    ]) {
      expect(names).toContain(expected);
    }
    const schema = publicSchema();
    for (const document of documents) {
      expect(errors(sim.schema, document)).toEqual([]);
      expect(errors(schema, document), document).toEqual([]);
    }
  });
});
