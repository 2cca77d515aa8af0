import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App } from "./helpers/app.ts";
import { runBundle } from "./helpers/bundle.ts";

const secret = "Bearer sk_live_bundle_secret_123";
let app: App;

beforeAll(async () => {
  app = new App({
    "/healthz": (_req, res) => void res.writeHead(200).end("ok"),
    // Echoes the request's Authorization header: a leak test for the last-body snippet.
    "/echo": (req, res) => void res.writeHead(503).end(`denied for ${req.headers.authorization}`),
  });
  await app.start();
});
afterAll(() => app.stop());

describe("dist/smoke-test run as the runner runs it", () => {
  it("passes, sets every output and writes the summary", async () => {
    const run = await runBundle("smoke-test", { url: `${app.url}/healthz`, interval: "0", samples: "2" });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      status: "pass",
      verdict: "pass",
      "error-rate": "0",
      "failed-checks": "[]",
    });
    expect(Number(run.outputs["p95-ms"])).toBeGreaterThanOrEqual(0);
    const report = JSON.parse(readFileSync(run.outputs.report ?? "", "utf8"));
    expect(report.samples).toHaveLength(3);
    expect(run.summary).toContain("## Smoke test: ✅ pass");
    expect(run.summary).toContain("https://github.com/acme/shop/actions/runs/4242");
  });

  it("fails with exit code 1 and an actionable message, never showing a header secret", async () => {
    const run = await runBundle("smoke-test", {
      url: `${app.url}/echo`,
      headers: `Authorization: ${secret}`,
      "ready-timeout": "300ms",
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe("fail");
    expect(run.stdout).toMatch(
      /::error::Smoke test failed:%0A- GET http:\/\/127\.0\.0\.1:\d+\/echo → 503 ×\d+ over/,
    );
    expect(run.all).not.toContain("sk_live_bundle_secret_123");
    expect(run.stdout).toContain("::add-mask::");
  });

  it("rejects a bad input before sending any request", async () => {
    const before = app.hits.get("/healthz") ?? 0;
    const run = await runBundle("smoke-test", { url: `${app.url}/healthz`, samples: "many" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Input "samples" is "many"; it must be a whole number at least 1');
    expect(app.hits.get("/healthz") ?? 0).toBe(before);
    expect(run.outputs).toEqual({ status: "failed" });
  });
});
