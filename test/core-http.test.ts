import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { backoffDelay, HttpClient, HttpError, parseRetryAfter } from "../src/core/http.ts";
import { registerSecret } from "../src/core/secrets.ts";
import { type SimHandler, SimServer } from "../src/sim/server.ts";
import { App, closedPort, json, type Route, reply } from "./helpers/app.ts";

let server: SimServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(handler: SimHandler = () => ({ status: 200, body: { ok: true } })) {
  server = new SimServer(handler);
  const url = await server.start();
  const client = new HttpClient({
    baseUrl: url,
    platform: "Test",
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    errorDetails: (body) => (body as { error?: { code?: string; message?: string } })?.error,
  });
  return { server, client };
}

describe("HttpClient", () => {
  it("parses responses with zod and explains a body it does not understand", async () => {
    const { client } = await start(() => ({ status: 200, body: { deployments: [{ uid: 42 }] } }));
    const schema = z.object({ deployments: z.array(z.object({ uid: z.string() })) });
    const error = await client.request({ path: "/v6/deployments", schema }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(
      /Test API GET http:\/\/127\.0\.0\.1:\d+\/v6\/deployments answered 200 with a body this client does not understand \(deployments\.0\.uid: /,
    );
  });

  it("retries reads on 5xx and dropped connections, then succeeds", async () => {
    const { server, client } = await start();
    server.inject({ kind: "status", status: 503, times: 2 }).inject({ kind: "drop" });
    const response = await client.request({ path: "/x" });
    expect(response.data).toEqual({ ok: true });
    expect(response.attempts).toBe(4);
    expect(server.requests).toHaveLength(4);
  });

  it("honours Retry-After in seconds on 429, for mutations too", async () => {
    const { server, client } = await start();
    server.inject({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    const response = await client.request({ method: "POST", path: "/rollback", body: {} });
    expect(response.status).toBe(200);
    const [first, second] = server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("fails at once when Retry-After asks for longer than it may wait", async () => {
    const { server, client } = await start();
    server.inject({ kind: "status", status: 429, headers: { "retry-after": "3600" } });
    const error = await client.request({ path: "/x" }).catch((e) => e);
    expect(error.message).toContain("the platform asks to wait 3600s: try again later");
    expect(server.requests).toHaveLength(1);
  });

  it("never re-sends a mutation after a 5xx: the error is ambiguous", async () => {
    const { server, client } = await start();
    server.inject({ kind: "status-after-handle", status: 502 });
    const error = await client.request({ method: "POST", path: "/promote" }).catch((e) => e);
    expect(error.ambiguous).toBe(true);
    expect(error.status).toBe(502);
    expect(server.requests).toHaveLength(1);
  });

  it("never re-sends a mutation whose connection dropped after it was handled", async () => {
    const { server, client } = await start();
    server.inject({ kind: "drop-after-handle" });
    const error = await client.request({ method: "POST", path: "/promote" }).catch((e) => e);
    expect(error.kind).toBe("network");
    expect(error.ambiguous).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("retries a mutation only when it provably never reached the server", async () => {
    const client = new HttpClient({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      platform: "Test",
      retries: 2,
      backoffBaseMs: 1,
    });
    const error = await client.request({ method: "POST", path: "/x" }).catch((e) => e);
    expect(error.details.code).toBe("ECONNREFUSED");
    expect(error.ambiguous).toBe(false);
    expect(client.requestCount).toBe(3);
  });

  it("retries POSTs marked safe (GraphQL queries) like reads", async () => {
    const { server, client } = await start();
    server.inject({ kind: "status", status: 500 });
    await client.request({
      method: "POST",
      path: "/graphql",
      body: { query: "{ me { id } }" },
      safeToRetry: true,
    });
    expect(server.requests).toHaveLength(2);
  });

  it("times out a request that gets no answer", async () => {
    const { server } = await start();
    server.inject({ kind: "delay", ms: 500, times: 5 });
    const client = new HttpClient({
      baseUrl: server.url,
      platform: "Test",
      timeoutMs: 100,
      retries: 1,
      backoffBaseMs: 1,
    });
    const error = await client.request({ path: "/slow" }).catch((e) => e);
    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("no answer within 100 ms");
    expect(server.requests).toHaveLength(2);
  });

  it("carries the platform's status, code and message, and redacts secrets", async () => {
    registerSecret("tok_super_secret");
    const { server, client } = await start(() => ({
      status: 403,
      body: { error: { code: "forbidden", message: "Token tok_super_secret belongs to a different team" } },
    }));
    const error = await client
      .request({ path: "/v9/projects/web", query: { teamId: "team_1" } })
      .catch((e) => e);
    expect(error.status).toBe(403);
    expect(error.code).toBe("forbidden");
    expect(error.message).toMatch(
      /^Test API GET http:\/\/127\.0\.0\.1:\d+\/v9\/projects\/web → 403 forbidden: Token \*\*\* belongs to a different team$/,
    );
    expect(server.requests[0]?.query.get("teamId")).toBe("team_1");
  });
});

describe("retry timing", () => {
  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter("soon")).toBeUndefined();
  });

  it("uses full jitter within an exponentially growing cap", () => {
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(10, 100, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(0);
  });
});

describe("HttpClient against servers that misbehave", () => {
  const apps: App[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
  });
  async function app(routes: Record<string, Route>): Promise<App> {
    const started = new App(routes);
    await started.start();
    apps.push(started);
    return started;
  }

  it("never quotes a 401 body that echoes the credentials", async () => {
    const server = await app({
      "/me": (req, res) => void res.writeHead(401).end(`invalid token in ${req.headers.authorization}`),
    });
    const client = new HttpClient({
      baseUrl: server.url,
      platform: "Test",
      headers: { authorization: "Bearer unregistered_tok_8f7e6d" },
    });
    const error = await client.request({ path: "/me" }).catch((e) => e);
    expect(error.message).toMatch(
      /→ 401: the credentials were refused \(the answer's body is not shown: it may echo them\)$/,
    );
    expect(JSON.stringify({ ...error.details, message: error.message })).not.toContain("unregistered_tok");
  });

  it("keeps a platform's plain words on 403, drops token-like ones", async () => {
    const server = await app({
      "/plain": json(403, { error: { code: "forbidden", message: "Not authorized" } }),
      "/echo": json(403, { error: { code: "forbidden", message: "token ghp_a1b2c3d4e5 is not allowed" } }),
    });
    const client = new HttpClient({
      baseUrl: server.url,
      platform: "Test",
      errorDetails: (b) => (b as { error?: { code?: string; message?: string } }).error,
    });
    const plain = await client.request({ path: "/plain" }).catch((e) => e);
    expect(plain.message).toMatch(/→ 403 forbidden: Not authorized$/);
    const echo = await client.request({ path: "/echo" }).catch((e) => e);
    expect(echo.message).toMatch(/→ 403 forbidden: the credentials were refused/);
    expect(echo.details.platformMessage).toBeUndefined();
  });

  it("does not follow a redirect: the credentials never reach another origin", async () => {
    const other = await app({ "/steal": reply(200, "{}") });
    const server = await app({ "/api": reply(302, "", { location: `${other.url}/steal` }) });
    const client = new HttpClient({
      baseUrl: server.url,
      platform: "Test",
      headers: { authorization: "Bearer x_9a8b7c6d" },
    });
    const error = await client.request({ path: "/api" }).catch((e) => e);
    expect(error.status).toBe(302);
    expect(other.hits.get("/steal")).toBeUndefined();
  });

  it("stops reading an answer past its size limit and says so", async () => {
    const server = await app({ "/huge": reply(200, "x".repeat(64 * 1024)) });
    const client = new HttpClient({ baseUrl: server.url, platform: "Test", maxBodyBytes: 1000, retries: 0 });
    const error = await client.request({ path: "/huge" }).catch((e) => e);
    expect(error.kind).toBe("parse");
    expect(error.message).toMatch(/→ 200: the answer is larger than 1000 bytes; stopped reading it\.$/);
  });
});

describe("HttpClient sends its own headers to its own origin only", () => {
  it("an absolute URL elsewhere (say, a next-page link in an answer) gets no client token", async () => {
    const seen: (string | undefined)[] = [];
    const other = new App({
      "/page2": (req, res) => {
        seen.push(req.headers.authorization);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      },
    });
    const home = new App({ "/page1": json(200, {}) });
    await other.start();
    await home.start();
    try {
      const client = new HttpClient({
        baseUrl: home.url,
        platform: "Test",
        headers: { authorization: "Bearer own_9z8y7x" },
      });
      await client.request({ path: `${other.url}/page2` });
      await client.request({ path: `${other.url}/page2`, headers: { authorization: "Bearer meant-for-it" } });
      expect(seen).toEqual([undefined, "Bearer meant-for-it"]);
    } finally {
      await other.stop();
      await home.stop();
    }
  });
});

describe("a TLS failure in words", () => {
  it("https to a plain-http port says so, without OpenSSL's internals", async () => {
    const { server: plain } = await start();
    const client = new HttpClient({
      baseUrl: (plain.url as string).replace("http://", "https://"),
      platform: "Test",
      retries: 0,
    });
    const error = await client.request({ path: "/v1/x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as Error).message).toContain(
      "the server did not answer in TLS (is it plain http on that port?",
    );
    expect((error as Error).message).not.toMatch(/openssl|SSL routines|\.c:\d+/);
  });
});
