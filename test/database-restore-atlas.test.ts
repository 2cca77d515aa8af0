import { describe, expect, it } from "vitest";
import databaseRestore from "../src/actions/database-restore/index.ts";
import type { AtlasSimulator } from "../src/sim/atlas.ts";
import { ATLAS, atlasInputs, startAtlas, stopAtlasAfterEach } from "./helpers/atlas.ts";
import { runInProcess } from "./helpers/run.ts";

stopAtlasAfterEach();
const run = (url: string, extra: Record<string, string> = {}) =>
  runInProcess(databaseRestore, atlasInputs(url, extra));
const posts = (sim: AtlasSimulator) =>
  sim.requests
    .filter((r) => r.method === "POST" && r.path !== "/api/oauth/token")
    .map((r) => r.path.replace(/.*\/backup\//, ""));
const tokenRequests = (sim: AtlasSimulator) =>
  sim.requests.filter((r) => r.path === "/api/oauth/token").length;

describe("database-restore with provider atlas", () => {
  it("dry run: says all data on the cluster is replaced, takes no snapshot, starts no job", async () => {
    const { sim, url } = await startAtlas();
    const tk = await run(url, { "dry-run": "true" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("planned");
    expect(tk.summary).toContain("ALL data on cluster shop-prod");
    expect(tk.summary).toContain("on-demand snapshot");
    expect(posts(sim)).toEqual([]);
    expect(sim.cluster("shop-prod")?.data).toBe("orders after the bad import");
  });

  it("restores after a completed safety snapshot; a rerun with the same inputs is already-current", async () => {
    const { sim, url } = await startAtlas();
    const at = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const tk = await run(url, { "point-in-time": at, confirm: "shop-prod" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    const snapshot = sim.snapshots[0];
    expect(tk.outputs["safety-backup"]).toBe(snapshot?.id);
    expect(snapshot?.data).toBe("orders after the bad import");
    expect(sim.cluster("shop-prod")?.data).toBe(
      `orders after the bad import as of ${at.replace(/\.\d+Z$/, ".000Z")}`,
    );
    expect(posts(sim)).toEqual(["snapshots", "restoreJobs"]);
    // Snapshot created, then the job requested: the safety snapshot completed before the job was asked for.
    const job = sim.requests.find((r) => r.method === "POST" && r.path.endsWith("restoreJobs"));
    expect(sim.jobs[0]?.createdAt).toBeGreaterThanOrEqual((snapshot?.createdAt ?? 0) + sim.timing.snapshotMs);
    expect(job?.headers.accept).toBe("application/vnd.atlas.2025-03-12+json");
    expect(tokenRequests(sim)).toBe(1);

    const again = await run(url, { "point-in-time": at, confirm: "shop-prod" });
    expect(again.outputs.status).toBe("already-current");
    expect(posts(sim)).toEqual(["snapshots", "restoreJobs"]);
  });

  it("a token refused before its expiry: fetched again once, the call repeated, nothing done twice", async () => {
    const { sim, url } = await startAtlas();
    sim.expireTokenOnce();
    const tk = await run(url, { confirm: "shop-prod" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    expect(tokenRequests(sim)).toBe(2);
    expect(sim.snapshots).toHaveLength(1);
    expect(sim.jobs).toHaveLength(1);
  });

  it("a restore job that fails: status failed, the message names the job and the safety snapshot", async () => {
    const { sim, url } = await startAtlas();
    sim.failNextJob();
    const tk = await run(url, { confirm: "shop-prod" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain(`restore job ${sim.jobs[0]?.id} on shop-prod failed`);
    expect(tk.failed).toContain(`safety snapshot ${sim.snapshots[0]?.id}`);
  });

  it("429 on the restore job request: waits for Retry-After and sends it once more; one job", async () => {
    const { sim, url } = await startAtlas();
    sim.inject({
      kind: "status",
      status: 429,
      headers: { "retry-after": "1" },
      body: {
        error: 429,
        errorCode: "RATE_LIMITED",
        detail: "Too many requests.",
        reason: "Too Many Requests",
      },
      match: { method: "POST", path: /restoreJobs$/ },
    });
    const tk = await run(url, { confirm: "shop-prod" });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("restored");
    expect(sim.jobs).toHaveLength(1);
    expect(tk.logs.join("\n")).toContain("429, retrying in 1s");
  });

  it("refused before any change: confirm wrong, Continuous Cloud Backup off, a backup given", async () => {
    const { sim, url } = await startAtlas(false);
    const wrong = await run(url, { confirm: "shop-staging" });
    expect(wrong.failed).toContain(
      '"confirm" is "shop-staging", but the cluster that would be overwritten is "shop-prod"',
    );
    const off = await run(url, { confirm: "shop-prod" });
    expect(off.failed).toContain("Continuous Cloud Backup off");
    const backup = await run(url, { confirm: "shop-prod", backup: "snap-1" });
    expect(backup.failed).toContain("point-in-time only");
    expect(posts(sim)).toEqual([]);
  });

  it("the client secret and the access tokens are never shown", async () => {
    const { sim, url } = await startAtlas();
    sim.failNextJob();
    const runs = [await run(url, { "dry-run": "true" }), await run(url, { confirm: "shop-prod" })];
    const tokens = sim.requests
      .map((r) => /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ""))?.[1])
      .filter((t): t is string => Boolean(t));
    expect(tokens.length).toBeGreaterThan(0);
    for (const tk of runs) {
      const all = [tk.logs.join("\n"), tk.summary, tk.failed ?? "", JSON.stringify(tk.outputs)].join("\n");
      expect(all).not.toContain(ATLAS.clientSecret);
      for (const token of tokens) expect(all).not.toContain(token);
    }
  });
});
