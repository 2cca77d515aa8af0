import { describe, expect, it } from "vitest";
import { RailwayClient } from "../src/platforms/railway/client.ts";
import { setAutoDeploy } from "../src/platforms/railway/config.ts";
import { rollbackScenario, SCENARIO } from "../src/sim/railway.ts";
import { FAST, mutations, runRailway, startRailway, stopSimulatorsAfterEach } from "./helpers/railway.ts";

// Issue 16: freeze auto-deploy after a rollback; show the variables a rollback changes (names only).
stopSimulatorsAfterEach();
const ids = {
  projectId: SCENARIO.projectId,
  environmentId: SCENARIO.environmentId,
  serviceId: SCENARIO.services.backend.id,
};

describe("freeze-auto-deploy", () => {
  it("pauses auto-deploy after the rollback: a push deploys nothing; the summary says how to resume", async () => {
    const { sim, url } = await startRailway();
    const tk = await runRailway(url, { "freeze-auto-deploy": "true" });
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.outputs["auto-deploy-paused"]).toBe("true");
    expect(sim.autoDeploy("backend")).toBe(false);
    expect(sim.push("backend")).toBeUndefined();
    expect(sim.activeDeployment("backend")?.id).toBe(tk.outputs["deployment-id"]);
    expect(tk.summary).toContain("npm run action -- traffic --mode resume --auto-deploy true");
    expect(tk.summary).toContain("dashboard");

    // The resume path the traffic action uses.
    const client = new RailwayClient({ token: SCENARIO.projectToken, tokenType: "project", apiUrl: url });
    expect(await setAutoDeploy(client, ids, true)).toBe(true);
    expect(sim.push("backend")).toBeDefined();
  });

  it("leaves auto-deploy alone by default and on a dry run", async () => {
    const { sim, url } = await startRailway();
    const dry = await runRailway(url, { "freeze-auto-deploy": "true", "dry-run": "true" });
    expect(dry.outputs.status).toBe("planned");
    expect(dry.outputs["auto-deploy-paused"]).toBe("false");
    expect(mutations(sim)).toEqual([]);
    expect(sim.autoDeploy("backend")).toBe(true);
    const freezeOff = await runRailway(url, { "dry-run": "true" });
    expect(freezeOff.outputs["auto-deploy-paused"]).toBe("false");
    const plain = await runRailway(url);
    expect(plain.outputs["auto-deploy-paused"]).toBe("false");
    expect(sim.autoDeploy("backend")).toBe(true);
    expect(mutations(sim)).toEqual(["DeploymentRollback"]);
  });
});

describe("variable drift", () => {
  it("lists added, removed and changed names and a sealed one, never a value", async () => {
    const seed = rollbackScenario({ timing: FAST });
    seed.variables = {
      backend: {
        values: { DATABASE_URL: "postgres://old-db/shop", LOG_LEVEL: "info", SECRET_KEY: "s3cr3t-value" },
        sealed: ["SECRET_KEY"],
      },
    };
    const { sim, url } = await startRailway(seed);
    // Since the good deployment: one variable changed, one removed, one added.
    sim.setVariables("backend", {
      DATABASE_URL: "postgres://new-db/shop",
      LOG_LEVEL: undefined,
      FEATURE_CHECKOUT_V2: "on",
    });
    const dry = await runRailway(url, { "dry-run": "true" });
    expect(mutations(sim)).toEqual([]);
    for (const tk of [dry, await runRailway(url)]) {
      expect(tk.summary).toContain("added back: LOG_LEVEL");
      expect(tk.summary).toContain("removed: FEATURE_CHECKOUT_V2");
      expect(tk.summary).toContain("different value: DATABASE_URL");
      expect(tk.summary).toContain("sealed, cannot be compared: SECRET_KEY");
      for (const value of ["postgres://", "s3cr3t-value", '"on"']) expect(tk.summary).not.toContain(value);
    }
    // The rollback restored the target's variables; the sealed one untouched.
    expect(sim.variablesOf("backend")).toEqual({
      DATABASE_URL: "postgres://old-db/shop",
      LOG_LEVEL: "info",
      SECRET_KEY: "s3cr3t-value",
    });
  });

  it("says nothing about variables when none differ", async () => {
    const { url } = await startRailway();
    const tk = await runRailway(url);
    expect(tk.outputs.status).toBe("rolled-back");
    expect(tk.summary).not.toContain("Variables the rollback changes");
  });
});
