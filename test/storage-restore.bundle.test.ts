import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Simulator, SIM_S3_ACCESS_KEY, SIM_S3_SECRET_KEY } from "../src/sim/s3.ts";
import { runBundle } from "./helpers/bundle.ts";
import { seedScenario, T } from "./helpers/s3.ts";

let sim: S3Simulator;
let endpoint: string;
beforeAll(async () => {
  sim = new S3Simulator();
  endpoint = await sim.start();
  seedScenario(sim);
});
afterAll(() => sim.stop());

describe("dist/storage-restore run as the runner runs it", () => {
  it("dry run writes the report, the restore, then already-current; the keys never shown", async () => {
    const inputs = {
      bucket: "assets",
      prefix: "site/",
      "point-in-time": new Date(T).toISOString(),
      endpoint,
      "access-key-id": SIM_S3_ACCESS_KEY,
      "secret-access-key": SIM_S3_SECRET_KEY,
    };
    const planned = await runBundle("storage-restore", { ...inputs, "dry-run": "true" });
    expect(planned.code).toBe(0);
    expect(planned.outputs.status).toBe("planned");
    const report = JSON.parse(readFileSync(planned.outputs.report as string, "utf8"));
    expect(report.counts).toEqual({ restore: 3, delete: 2, unchanged: 1, "kept-newer": 0 });

    const restored = await runBundle("storage-restore", { ...inputs, confirm: "assets" });
    expect(restored.code).toBe(0);
    expect(restored.outputs).toMatchObject({ status: "restored", restored: "3", deleted: "2" });
    expect(sim.history("assets", "site/app.js")[0]?.body.toString()).toBe("good app");

    const again = await runBundle("storage-restore", { ...inputs, confirm: "assets" });
    expect(again.code).toBe(0);
    expect(again.outputs.status).toBe("already-current");
    for (const run of [planned, restored, again]) expect(run.all).not.toContain(SIM_S3_SECRET_KEY);
  });
});
