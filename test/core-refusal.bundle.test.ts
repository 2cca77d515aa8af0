import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBundle } from "./helpers/bundle.ts";

// A platform that refuses the token and echoes part of it: a prefix is no registered secret, so masking
// cannot catch it. What must hold is that no 401/403 body is ever quoted (core/http.ts), for every action
// that talks to a platform through HttpClient.

const token = "vtok_Refused_91c2d3e4f5a6b7c8";
const prefix = token.slice(0, 14);
let server: Server;
let url = "";

beforeAll(async () => {
  // Every path answers: the client may start with any read. GraphQL (Railway) is refused with 403.
  server = createServer((req, res) => {
    const said = `token ${prefix}… is not valid here`;
    // Each platform's own error shape, so its client does find the message it would otherwise quote.
    const [status, body] = req.url?.includes("graphql")
      ? [403, { errors: [{ message: said, extensions: { code: "FORBIDDEN" } }] }]
      : [401, { error: { code: "forbidden", message: said } }];
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("a 401/403 that echoes the credentials, through the bundle", () => {
  it("vercel-promote says the token was refused and quotes nothing of the body", async () => {
    const run = await runBundle("vercel-promote", { token, project: "shop", "api-url": url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::");
    expect(run.stdout).toContain("401");
    expect(run.all).not.toContain(prefix);
    expect(run.all).not.toContain("is not valid here");
  });

  it("railway-redeploy says the token was refused and quotes nothing of the body", async () => {
    const run = await runBundle("railway-redeploy", {
      token,
      project: "shop",
      services: "api",
      "api-url": `${url}/graphql/v2`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*403/);
    expect(run.all).not.toContain(prefix);
    expect(run.all).not.toContain("is not valid here");
  });
});
