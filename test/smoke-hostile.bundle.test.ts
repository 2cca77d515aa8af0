import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App } from "./helpers/app.ts";
import { runBundle } from "./helpers/bundle.ts";

// Servers that behave badly on purpose; every test runs the bundle as the runner does and reads what a
// person would: the log, the outputs, the summary and the report file.

const token = "sk_live_h0stile_7a6b5c4d3e";
const b64 = (text: string) => Buffer.from(text).toString("base64");

let app: App;
let other: App;
let tls: { server: Server; url: string; ca: string };
const seenByOther: Record<string, string | undefined>[] = [];

beforeAll(async () => {
  other = new App({
    "/landing": (req, res) => {
      seenByOther.push({
        authorization: req.headers.authorization,
        "x-api-key": req.headers["x-api-key"] as string,
      });
      res.writeHead(200).end("ok");
    },
  });
  await other.start();
  app = new App({
    // A 401 that echoes what it was sent, in every spelling a leak takes.
    "/echo-401": (req, res) => {
      const auth = req.headers.authorization ?? "";
      res.writeHead(401).end(`refused ${auth} (${auth.split(" ")[1]}, ${b64(auth.split(" ")[1] ?? "")})`);
    },
    // A 503 that echoes the bare credential: the body is quoted, the credential masked.
    "/echo-503": (req, res) =>
      void res.writeHead(503).end(`maintenance for ${req.headers.authorization?.split(" ")[1]}`),
    "/away": (_req, res) => void res.writeHead(302, { location: `${other.url}/landing` }).end(),
    "/pathological": (_req, res) => void res.writeHead(200).end(`${"a".repeat(40)}!`),
    // Never ends: a check must read its first MiB and stop.
    "/endless": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(64 * 1024);
      const write = () => {
        while (res.write(chunk));
      };
      res.on("drain", write);
      write();
    },
    // Headers at once, then a byte now and then, forever: only the request timeout can end it.
    "/drip": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const timer = setInterval(() => res.write("."), 100);
      res.on("close", () => clearInterval(timer));
    },
    "/markup": (_req, res) =>
      void res.writeHead(500).end("<img src=x onerror=alert(1)> [click](https://evil.example) `x`"),
  });
  await app.start();

  // An https origin the bundle trusts (NODE_EXTRA_CA_CERTS), redirecting to plain http.
  const dir = mkdtempSync(join(tmpdir(), "smoke-tls-"));
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"],
      ...[
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
    ],
    { stdio: "ignore" },
  );
  const server = createServer(
    { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
    (_req, res) => void res.writeHead(301, { location: `${other.url}/landing` }).end(),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  tls = {
    server,
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    ca: join(dir, "cert.pem"),
  };
});
afterAll(async () => {
  await app.stop();
  await other.stop();
  tls.server.closeAllConnections();
  await new Promise<void>((resolve) => tls.server.close(() => resolve()));
});

const quick = { "ready-timeout": "0", samples: "1", interval: "0" };
const report = (path: string | undefined) => readFileSync(path ?? "", "utf8");

describe("smoke-test against hostile servers, run as the runner runs it", () => {
  it("a 401 echoing the credential: the body is not quoted and no spelling of the token shows", async () => {
    const run = await runBundle("smoke-test", {
      url: `${app.url}/echo-401`,
      headers: `Authorization: Bearer ${token}`,
      ...quick,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Smoke test failed:%0A- GET http:\/\/127\.0\.0\.1:\d+\/echo-401 → 401 ×1 over/,
    );
    expect(run.stdout).toContain("its body is not shown: a refusal may echo the credentials sent");
    const file = report(run.outputs.report);
    for (const shown of [run.all, file]) {
      expect(shown).not.toContain(token);
      expect(shown).not.toContain(b64(token).slice(0, 16));
      expect(shown).not.toContain("refused");
    }
  });

  it("a 503 echoing the bare token: the body is quoted with the token masked everywhere", async () => {
    const basic = b64(`deploy:${token}`);
    const run = await runBundle("smoke-test", {
      url: `${app.url}/echo-503`,
      headers: `Authorization: Basic ${basic}`,
      ...quick,
    });
    expect(run.code).toBe(1);
    // The echoed part is the base64 credential itself; the decoded password is masked as well.
    expect(run.stdout).toContain('(last body: \\"maintenance for ***\\")'.replace(/\\"/g, '"'));
    expect(JSON.parse(run.outputs["failed-checks"] ?? "[]")[0].reason).toContain("maintenance for ***");
    for (const shown of [run.all, report(run.outputs.report)]) {
      expect(shown).not.toContain(basic);
      expect(shown).not.toContain(token);
    }
    // The runner is told to mask the bare credential and the password too.
    expect(run.stdout).toContain(`::add-mask::${basic}`);
    expect(run.stdout).toContain(`::add-mask::${token}`);
  });

  it("a redirect to another origin: the page is checked, no user header follows", async () => {
    seenByOther.length = 0;
    const run = await runBundle("smoke-test", {
      url: `${app.url}/away`,
      headers: `Authorization: Bearer ${token}\nX-Api-Key: key_${token}`,
      ...quick,
    });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
    expect(seenByOther.length).toBeGreaterThan(0);
    for (const seen of seenByOther)
      expect(seen).toEqual({ authorization: undefined, "x-api-key": undefined });
  });

  it("an https page redirecting to plain http: refused, and the http origin never asked", async () => {
    const before = other.hits.get("/landing") ?? 0;
    const run = await runBundle(
      "smoke-test",
      { url: `${tls.url}/healthz`, headers: `Authorization: Bearer ${token}`, ...quick },
      { env: { NODE_EXTRA_CA_CERTS: tls.ca } },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /→ redirected from https to plain http \(http:\/\/127\.0\.0\.1:\d+\): refused ×1/,
    );
    expect(other.hits.get("/landing") ?? 0).toBe(before);
  });

  it("a catastrophic body-matches pattern on a pathological body fails at once instead of hanging", async () => {
    const run = await runBundle(
      "smoke-test",
      { checks: `- url: ${app.url}/pathological\n  expect: {body-matches: '^(a+)+$'}`, ...quick },
      { timeoutMs: 30_000 },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.stdout).toContain("body does not match /^(a+)+$/");
  });

  it("a body that never ends: the first MiB is read, and the failure says the body was cut", async () => {
    const run = await runBundle(
      "smoke-test",
      { checks: `- url: ${app.url}/endless\n  expect: {body-contains: needle}`, ...quick },
      { timeoutMs: 30_000 },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'body does not contain \\"needle\\" (only the first 1 MiB of the body was read)'.replace(/\\"/g, '"'),
    );
    const samples = JSON.parse(report(run.outputs.report)).samples;
    expect(samples[0]).toMatchObject({ status: 200, ok: false, bodyCut: true });
  });

  it("a body that trickles forever: the request timeout ends the whole exchange, body included", async () => {
    const run = await runBundle(
      "smoke-test",
      { url: `${app.url}/drip`, "request-timeout": "500ms", ...quick },
      { timeoutMs: 30_000 },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/drip → no answer within 500 ms ×1/);
  });

  const refusals: [string, (base: URL) => Record<string, string>, string][] = [
    [
      "credentials in url",
      (base) => ({ url: `http://ops:pw-${token}@${base.host}/hit` }),
      'Input "url" has a user name or password in it (https://user:pass@host)',
    ],
    [
      "a made-up method",
      (base) => ({ checks: `- url: ${base.origin}/hit\n  method: FETCH` }),
      'Input "checks" is wrong at entry 1 (method): must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    ],
    [
      "a zero request-timeout",
      (base) => ({ url: `${base.origin}/hit`, "request-timeout": "0" }),
      'Input "request-timeout" is "0"; it must be at least 100ms.',
    ],
  ];
  it.each(refusals)("%s: refused before any request", async (_case, inputs, message) => {
    const run = await runBundle("smoke-test", inputs(new URL(app.url)));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error::${message}`);
    expect(run.all).not.toContain(token);
    expect(app.hits.get("/hit") ?? 0).toBe(0);
  });

  it("credentials in a check's URL: refused, naming the entry", async () => {
    const run = await runBundle("smoke-test", { checks: `- url: https://ops:pw-${token}@api.example.com/` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Input "checks" is wrong at entry 1 (url): must not have a user name or password',
    );
    expect(run.all).not.toContain(token);
  });

  it("text that looks like a workflow command is logged, not obeyed; markup in bodies stays text", async () => {
    const run = await runBundle("smoke-test", {
      // The first check passes, so its name is logged ("… ready after 1 attempt").
      checks: [
        `- name: "api\\n::error::forged\\n::set-output name=verdict::pass"`,
        `  url: ${app.url}/pathological`,
        `- url: ${app.url}/markup`,
      ].join("\n"),
      ...quick,
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    const lines = run.stdout.split("\n");
    expect(lines.filter((line) => line.includes("::error::forged"))).toHaveLength(1);
    expect(lines.some((line) => line.trimStart().startsWith("::error::forged"))).toBe(false);
    expect(lines.some((line) => line.trimStart().startsWith("::set-output"))).toBe(false);
    expect(run.summary).toContain(
      "\\<img src=x onerror=alert(1)\\> \\[click\\](https://evil.example) \\`x\\`",
    );
    expect(run.summary).not.toMatch(/(?<!\\)<img/);
  });
});
