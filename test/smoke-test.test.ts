import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import smokeTest from "../src/actions/smoke-test/index.ts";
import type { RecordingToolkit } from "../src/core/toolkit.ts";
import { App, closedPort, json, reply } from "./helpers/app.ts";
import { runInProcess } from "./helpers/run.ts";

const fast = { "ready-timeout": "2s", samples: "3", interval: "0", "request-timeout": "1s" };
let app: App | undefined;

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

function run(inputs: Record<string, string>) {
  return runInProcess(smokeTest, { ...fast, ...inputs });
}

function failedChecks(tk: RecordingToolkit) {
  return JSON.parse(tk.outputs["failed-checks"] ?? "[]") as { name: string; reason: string }[];
}

describe("smoke-test with one pass (samples: 1)", () => {
  const onePass = { samples: "1", interval: "0" };
  const phasesOf = (tk: RecordingToolkit) =>
    JSON.parse(readFileSync(tk.outputs.report ?? "", "utf8")).samples.map((s: { phase: string }) => s.phase);

  it("sends one request per URL: the warm-up's first success is the sample", async () => {
    app = new App({ "/a": reply(200, "ok"), "/b": reply(200, "ok"), "/c": reply(200, "ok") });
    await app.start();
    const tk = await run({ url: `${app.url}/a, ${app.url}/b, ${app.url}/c`, ...onePass });
    expect(tk.outputs.status).toBe("pass");
    expect([...app.hits.values()]).toEqual([1, 1, 1]);
    expect(phasesOf(tk)).toEqual(["verify", "verify", "verify"]);
    expect(tk.outputs["error-rate"]).toBe("0");
    expect(Number(tk.outputs["p95-ms"])).toBeGreaterThanOrEqual(0);
    expect(tk.summary).toContain("Error rate 0.0% over 3 verification samples");
  });

  it("after a slow start, counts only the first success as the sample, with no request after it", async () => {
    const readyAt = Date.now() + 300;
    app = new App({ "/healthz": (_req, res) => void res.writeHead(Date.now() < readyAt ? 503 : 200).end() });
    await app.start();
    const tk = await run({ url: `${app.url}/healthz`, ...onePass });
    expect(tk.outputs.status).toBe("pass");
    const phases = phasesOf(tk);
    expect(app.hits.get("/healthz")).toBe(phases.length);
    expect(phases.at(-1)).toBe("verify");
    expect(phases.slice(0, -1).every((phase: string) => phase === "warm-up")).toBe(true);
    expect(phases.length).toBeGreaterThan(1);
  });

  it("judges that one request by max-p95-ms, and fails a URL that never answers 2xx", async () => {
    const slow = (_req: unknown, res: import("node:http").ServerResponse) =>
      void setTimeout(() => res.writeHead(200).end("ok"), 120);
    app = new App({ "/slow": slow, "/down": reply(503, "maintenance") });
    await app.start();
    const p95 = await run({ url: `${app.url}/slow`, "max-p95-ms": "50", ...onePass });
    expect(p95.outputs.status).toBe("fail");
    expect(app.hits.get("/slow")).toBe(1);
    expect(p95.failed).toMatch(/p95 \d+ ms, over the 50 ms limit/);
    const down = await run({ url: `${app.url}/down`, "ready-timeout": "0", ...onePass });
    expect(down.outputs.status).toBe("fail");
    expect(app.hits.get("/down")).toBe(1);
    expect(phasesOf(down)).toEqual(["warm-up"]);
  });

  it("keeps a separate verification window when more than one sample is asked for", async () => {
    app = new App({ "/healthz": reply(200, "ok") });
    await app.start();
    const tk = await run({ url: `${app.url}/healthz`, samples: "2", interval: "0" });
    expect(tk.outputs.status).toBe("pass");
    expect(app.hits.get("/healthz")).toBe(3);
    expect(phasesOf(tk)).toEqual(["warm-up", "verify", "verify"]);
  });
});

describe("smoke-test against a real local server", () => {
  it("passes once the app is healthy after a slow start", async () => {
    const readyAt = Date.now() + 400;
    app = new App({
      "/healthz": (_req, res) => void res.writeHead(Date.now() < readyAt ? 503 : 200).end("ok"),
    });
    await app.start();
    const tk = await run({ url: `${app.url}/healthz` });
    expect(tk.failed).toBeUndefined();
    expect(tk.outputs.status).toBe("pass");
    expect(tk.outputs.verdict).toBe("pass");
    expect(tk.outputs["error-rate"]).toBe("0");
    const report = JSON.parse(readFileSync(tk.outputs.report ?? "", "utf8"));
    const phases = report.samples.map((sample: { phase: string }) => sample.phase);
    expect(phases.filter((phase: string) => phase === "warm-up").length).toBeGreaterThan(1);
    expect(phases.filter((phase: string) => phase === "verify")).toHaveLength(3);
    expect(report.samples[0]).toMatchObject({ check: `GET ${app.url}/healthz`, status: 503, ok: false });
  });

  it("fails a never-healthy app with the status, count, duration and last body", async () => {
    app = new App({ "/healthz": reply(503, "maintenance") });
    await app.start();
    const tk = await run({ url: `${app.url}/healthz`, "ready-timeout": "600ms" });
    expect(tk.outputs.status).toBe("fail");
    const hits = app.hits.get("/healthz");
    expect(tk.failed).toContain(`GET ${app.url}/healthz → 503 ×${hits} over`);
    expect(tk.failed).toContain('(last body: "maintenance")');
    expect(failedChecks(tk)[0]?.reason).toMatch(/→ 503 ×\d+ over/);
  });

  it("judges a flapping app by the allowed error rate", async () => {
    // Every fifth request fails: 2 of the 10 verification samples after one good warm-up request.
    const flapping = (_req: unknown, res: import("node:http").ServerResponse, hit: number) =>
      void res.writeHead(hit % 5 === 0 ? 500 : 200).end();
    app = new App({ "/a": flapping, "/b": flapping });
    await app.start();
    const strict = await run({ url: `${app.url}/a`, samples: "10" });
    expect(strict.outputs.status).toBe("fail");
    expect(strict.outputs["error-rate"]).toBe("0.2");
    expect(strict.failed).toContain("2 of 10 verification samples failed (last: status 500)");
    const tolerant = await run({ url: `${app.url}/b`, samples: "10", "max-error-rate": "0.25" });
    expect(tolerant.outputs.status).toBe("pass");
    expect(tolerant.outputs["error-rate"]).toBe("0.2");
  });

  it("fails slow responses over a per-check latency limit and over max-p95-ms", async () => {
    const slow = (_req: unknown, res: import("node:http").ServerResponse) =>
      void setTimeout(() => res.writeHead(200).end("ok"), 120);
    app = new App({ "/slow": slow });
    await app.start();
    const perCheck = await run({
      checks: JSON.stringify([{ name: "slow", url: `${app.url}/slow`, expect: { "max-ms": 40 } }]),
      "ready-timeout": "500ms",
    });
    expect(perCheck.outputs.status).toBe("fail");
    expect(failedChecks(perCheck)[0]?.reason).toMatch(/took \d+ ms, over the 40 ms limit/);
    const p95 = await run({ url: `${app.url}/slow`, "max-p95-ms": "50" });
    expect(p95.outputs.status).toBe("fail");
    expect(Number(p95.outputs["p95-ms"])).toBeGreaterThanOrEqual(100);
    expect(p95.failed).toMatch(/p95 \d+ ms, over the 50 ms limit/);
  });

  it("times out a hanging server", async () => {
    app = new App({ "/hang": () => undefined });
    await app.start();
    const tk = await run({ url: `${app.url}/hang`, "request-timeout": "150ms", "ready-timeout": "400ms" });
    expect(tk.outputs.status).toBe("fail");
    expect(tk.failed).toContain("no answer within 150 ms");
  });

  it("reports connection refused and connection reset", async () => {
    const port = await closedPort();
    app = new App({ "/reset": (req) => void req.socket.destroy() });
    await app.start();
    const tk = await run({
      url: `http://127.0.0.1:${port}/healthz, ${app.url}/reset`,
      "ready-timeout": "300ms",
    });
    expect(tk.outputs.status).toBe("fail");
    const reasons = failedChecks(tk).map((check) => check.reason);
    expect(reasons[0]).toContain("connection refused");
    expect(reasons[1]).toContain("connection reset");
  });

  it("follows redirects, unless the check expects the redirect itself", async () => {
    app = new App({ "/old": reply(301, "", { location: "/healthz" }), "/healthz": reply(200, "ok") });
    await app.start();
    const followed = await run({ url: `${app.url}/old` });
    expect(followed.outputs.status).toBe("pass");
    expect(app.hits.get("/healthz")).toBe(4);
    const redirect = await run({ checks: `- url: ${app.url}/old\n  expect: {status: 301}` });
    expect(redirect.outputs.status).toBe("pass");
    expect(app.hits.get("/healthz")).toBe(4);
  });

  it("checks JSON fields, body text and patterns, naming the field that failed", async () => {
    app = new App({
      "/health": json(200, {
        status: "ok",
        version: "1.4.2",
        checks: { db: { ok: false } },
        items: [{ id: 7 }],
      }),
    });
    await app.start();
    const checks = `
- name: api
  url: ${app.url}/health
  expect:
    status: 200
    body-contains: '"status":"ok"'
    body-matches: 'version":"1\\.4\\.\\d+'
    json: { "$.status": ok, items.0.id: 7, checks.db.ok: true }
`;
    const tk = await run({ checks, "ready-timeout": "300ms" });
    expect(tk.outputs.status).toBe("fail");
    expect(failedChecks(tk)[0]).toMatchObject({ name: "api" });
    expect(failedChecks(tk)[0]?.reason).toContain("JSON checks.db.ok is false, expected true");
  });

  it("sends method, body and headers, and passes when every expectation holds", async () => {
    let seen: { method?: string; auth?: string; body?: string } = {};
    app = new App({
      "/graphql": (req, res) => {
        let body = "";
        req.on("data", (chunk) => {
          body += chunk;
        });
        req.on("end", () => {
          seen = { method: req.method, auth: req.headers.authorization, body };
          res.writeHead(200, { "content-type": "application/json" }).end('{"data":{"ok":true}}');
        });
      },
    });
    await app.start();
    const tk = await run({
      headers: "Authorization: Bearer s3cret-value",
      checks: JSON.stringify([
        {
          url: `${app.url}/graphql`,
          method: "post",
          body: { query: "{ ok }" },
          expect: { json: { "data.ok": true } },
        },
      ]),
    });
    expect(tk.outputs.status).toBe("pass");
    expect(seen).toEqual({ method: "POST", auth: "Bearer s3cret-value", body: '{"query":"{ ok }"}' });
  });

  it("with fail: false reports the failing verdict without failing the step", async () => {
    app = new App({ "/healthz": reply(500) });
    await app.start();
    const tk = await run({ url: `${app.url}/healthz`, "ready-timeout": "200ms", fail: "false" });
    expect(tk.outputs.verdict).toBe("fail");
    expect(tk.failed).toBeUndefined();
    expect(tk.logs.some((line) => line.startsWith("warning: Smoke test failed"))).toBe(true);
  });

  it("writes a summary table per check", async () => {
    app = new App({ "/ok": reply(200), "/bad": reply(502, "bad gateway") });
    await app.start();
    const tk = await run({ url: `${app.url}/ok\n${app.url}/bad`, "ready-timeout": "300ms" });
    expect(tk.summary).toContain("## Smoke test: ❌ fail");
    expect(tk.summary).toContain(
      "| Check | Result | Warm-up attempts | Verify failures | p50 | p95 | Last error |",
    );
    expect(tk.summary).toContain(`| GET ${app.url}/ok | ✅ | 1 | 0/3 |`);
    expect(tk.summary).toMatch(/\| GET http:\/\/127\.0\.0\.1:\d+\/bad \| ❌ \| \d+ \| not ready \|/);
    expect(tk.summary).toContain(
      "Error rate 0.0% over 3 verification samples (allowed 0.0%); 1 of 2 checks never passed warm-up and are not in it",
    );
  });

  it("never calls a rate of 0% good when no check passed warm-up", async () => {
    app = new App({ "/bad": reply(502, "bad gateway"), "/worse": reply(503) });
    await app.start();
    const tk = await run({ url: `${app.url}/bad\n${app.url}/worse`, "ready-timeout": "300ms" });
    expect(tk.outputs.verdict).toBe("fail");
    expect(tk.summary).toContain("Error rate not measured: no check passed warm-up (2 of 2 never ready)");
    expect(tk.summary).not.toContain("Error rate 0.0%");
  });
});

describe("smoke-test inputs", () => {
  const cases: [Record<string, string>, string][] = [
    [{}, 'Input "url" and `checks` are both empty'],
    [{ url: "ftp://example.com" }, 'Input "url" has "ftp://example.com", which is not an http(s) URL.'],
    [
      { url: "https://x.test", "ready-timeout": "5 minutes" },
      'Input "ready-timeout" is "5 minutes", which is not a duration',
    ],
    [{ url: "https://x.test", samples: "0" }, 'Input "samples" is "0"; it must be a whole number at least 1'],
    [{ url: "https://x.test", samples: "2.5" }, 'Input "samples" is "2.5"; it must be a whole number'],
    [{ url: "https://x.test", interval: "-1s" }, 'Input "interval" is "-1s", which is not a duration'],
    [
      { url: "https://x.test", "max-error-rate": "1.5" },
      'Input "max-error-rate" is "1.5"; it must be a number at least 0 and at most 1',
    ],
    [
      { url: "https://x.test", "max-p95-ms": "fast" },
      'Input "max-p95-ms" is "fast"; it must be a number at least 1',
    ],
    [
      { url: "https://x.test", "request-timeout": "10 s" },
      'Input "request-timeout" is "10 s", which is not a duration',
    ],
    [
      { url: "https://x.test", concurrency: "0" },
      'Input "concurrency" is "0"; it must be a whole number at least 1',
    ],
    [
      { url: "https://x.test", fail: "yes" },
      'Input "fail" is "yes", which is not a boolean: use true or false.',
    ],
    [
      { url: "https://x.test", headers: "no colon here" },
      'Input "headers" line 1 is not a "Name: value" header line.',
    ],
    [{ checks: "[{url: nope}]" }, 'Input "checks" is wrong at entry 1 (url): must be an http(s) URL.'],
    [
      { checks: "- url: https://x.test\n  expect: {status: 999}" },
      'Input "checks" is wrong at entry 1 (expect.status)',
    ],
    [
      { checks: "- url: https://x.test\n  expect: {body-matches: '('}" },
      'Input "checks" is wrong at entry 1 (expect.body-matches)',
    ],
    [{ checks: "- url: https://x.test\n  expected: {status: 200}" }, 'Input "checks" is wrong at entry 1'],
    [{ checks: "{url: [" }, 'Input "checks" is not valid YAML or JSON'],
  ];

  it.each(cases)("%j → one message naming the input", async (inputs, message) => {
    const tk = await runInProcess(smokeTest, inputs);
    expect(tk.failed).toContain(message);
    expect(tk.outputs).toEqual({ status: "failed" });
  });

  it("reports every bad input at once, each with an example", async () => {
    const tk = await runInProcess(smokeTest, { url: "https://x.test", samples: "zero", fail: "maybe" });
    expect(tk.failed).toContain('Input "samples"');
    expect(tk.failed).toContain('Input "fail"');
    expect(tk.failed).toContain("Example:");
  });
});
