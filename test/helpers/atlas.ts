import { afterEach } from "vitest";
import { AtlasSimulator } from "../../src/sim/atlas.ts";

export const ATLAS = {
  clientId: "mdb_sa_id_6650f1c2d3",
  clientSecret: "mdb_sa_sk_Qm9vdGgtc2VjcmV0LXZhbHVl",
  groupId: "6650f1c2d3e4f5a6b7c8d9e0",
};
const sims: AtlasSimulator[] = [];

/** Stops every Atlas simulator a test file started, after each test. */
export function stopAtlasAfterEach(): void {
  afterEach(async () => {
    await Promise.all(sims.splice(0).map((s) => s.stop()));
  });
}

/** An Atlas with one service account and cluster shop-prod (point-in-time restores possible for two days). */
export async function startAtlas(pitEnabled = true) {
  const sim = new AtlasSimulator();
  sim.accounts.set(ATLAS.clientId, ATLAS.clientSecret);
  sim.clusters.push({
    groupId: ATLAS.groupId,
    name: "shop-prod",
    pitEnabled,
    data: "orders after the bad import",
    restoreWindowStart: Date.now() - 2 * 86_400_000,
  });
  const url = await sim.start();
  sims.push(sim);
  return { sim, url };
}

export const atlasInputs = (url: string, extra: Record<string, string> = {}) => ({
  provider: "atlas",
  "atlas-client-id": ATLAS.clientId,
  "atlas-client-secret": ATLAS.clientSecret,
  "atlas-group-id": ATLAS.groupId,
  "atlas-cluster": "shop-prod",
  "atlas-api-url": url,
  "point-in-time": "2h",
  ...extra,
});
