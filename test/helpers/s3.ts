import { type S3Clients, s3Clients } from "../../src/platforms/s3/client.ts";
import {
  S3Simulator,
  type S3SimulatorOptions,
  SIM_S3_ACCESS_KEY,
  SIM_S3_SECRET_KEY,
} from "../../src/sim/s3.ts";

/** The point in time the scenarios restore to, and times before and after it. */
export const T = Date.parse("2026-03-01T12:00:00Z");
export const beforeT = (minutes: number) => T - minutes * 60_000;
export const afterT = (minutes: number) => T + minutes * 60_000;

export async function startS3(
  options: S3SimulatorOptions = {},
): Promise<{ sim: S3Simulator; url: string; clients: S3Clients }> {
  const sim = new S3Simulator(options);
  const url = await sim.start();
  const clients = await s3Clients({
    endpoint: url,
    accessKeyId: SIM_S3_ACCESS_KEY,
    secretAccessKey: SIM_S3_SECRET_KEY,
  });
  return { sim, url, clients };
}

/**
 * A bucket after a bad deploy, one key per case a restore meets:
 * - `site/app.js`: changed after T (restore the version from before);
 * - `site/new.js`: created after T (delete, or keep with delete-newer false);
 * - `site/gone.css`: deleted after T (restore; its current entry is a delete marker);
 * - `site/back.txt`: deleted before T, written again after (delete: absent at T);
 * - `site/same.html`: untouched since before T (left alone);
 * - `site/ä b+c.txt`: a name that needs URL encoding in a copy source, changed after T;
 * - `other/x.txt`: outside the prefix.
 */
export function seedScenario(sim: S3Simulator, bucket = "assets"): void {
  sim.createBucket(bucket);
  sim.put(bucket, "site/app.js", "good app", {
    at: beforeT(60),
    contentType: "text/javascript",
    metadata: { build: "41" },
  });
  sim.put(bucket, "site/app.js", "bad app", {
    at: afterT(5),
    contentType: "text/javascript",
    metadata: { build: "42" },
  });
  sim.put(bucket, "site/new.js", "bad new", { at: afterT(5) });
  sim.put(bucket, "site/gone.css", "good css", { at: beforeT(60) });
  sim.remove(bucket, "site/gone.css", afterT(6));
  sim.put(bucket, "site/back.txt", "old", { at: beforeT(90) });
  sim.remove(bucket, "site/back.txt", beforeT(80));
  sim.put(bucket, "site/back.txt", "bad back", { at: afterT(7) });
  sim.put(bucket, "site/same.html", "same", { at: beforeT(30) });
  sim.put(bucket, "site/ä b+c.txt", "good odd", { at: beforeT(20) });
  sim.put(bucket, "site/ä b+c.txt", "bad odd", { at: afterT(8) });
  sim.put(bucket, "other/x.txt", "other", { at: afterT(9) });
}
