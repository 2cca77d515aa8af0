import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import action from "../src/actions/readiness/index.ts";
import { ATLAS, startAtlas, stopAtlasAfterEach } from "./helpers/atlas.ts";
import { runInProcess } from "./helpers/run.ts";

interface Row {
  check: string;
  state: string;
  evidence: string;
}

stopAtlasAfterEach();

async function check(url: string, extra: Record<string, string> = {}) {
  const temp = mkdtempSync(join(tmpdir(), "readiness-runner-"));
  const tk = await runInProcess(
    action,
    {
      "atlas-client-id": ATLAS.clientId,
      "atlas-client-secret": ATLAS.clientSecret,
      "atlas-group-id": ATLAS.groupId,
      "atlas-cluster": "shop-prod",
      "atlas-api-url": url,
      ...extra,
    },
    { env: { RUNNER_TEMP: temp } },
  );
  const report = readFileSync(tk.outputs.report as string, "utf8");
  expect([tk.logs.join("\n"), tk.summary, report].join("\n")).not.toContain(ATLAS.clientSecret);
  return { tk, rows: JSON.parse(report).checks as Row[] };
}
const state = (rows: Row[], name: string) => rows.find((r) => r.check === name)?.state;

describe("readiness: database on MongoDB Atlas (simulator)", () => {
  it("passes with continuous backup on: RPO exposure 0; a window shorter than the horizon warns", async () => {
    const { sim, url } = await startAtlas(true);
    const { tk, rows } = await check(url, { "restore-horizon": "24h" });
    expect(state(rows, "continuous backup")).toBe("pass");
    expect(state(rows, "point-in-time window")).toBe("pass");
    expect(tk.outputs["rpo-exposure"]).toBe("0");
    expect(state(rows, "RPO")).toBe("pass");
    const short = await check(url, { "restore-horizon": "168h" });
    expect(short.rows.find((r) => r.check === "point-in-time window")?.evidence).toMatch(/^2d, shorter/);
    expect(sim.requests.filter((r) => r.method !== "GET" && !r.path.includes("token"))).toEqual([]);
  });

  it("fails with continuous backup off, and with credentials Atlas refuses", async () => {
    const { url } = await startAtlas(false);
    const off = await check(url);
    expect(state(off.rows, "continuous backup")).toBe("fail");
    expect(state(off.rows, "RPO")).toBe("fail");
    const refused = await check(url, { "atlas-client-secret": "mdb_sa_sk_wrong" });
    expect(state(refused.rows, "atlas cluster")).toBe("fail");
  });
});
