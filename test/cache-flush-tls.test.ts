import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import cacheFlush from "../src/actions/cache-flush/index.ts";
import { freePort } from "../src/sim/redis-server.ts";
import { runBundle } from "./helpers/bundle.ts";
import { runInProcess } from "./helpers/run.ts";

// A TLS-only redis-server (Debian's is built with TLS) with a self-signed certificate for localhost.
let dir: string;
let port: number;
let server: ChildProcess;
const PASSWORD = "tls-redis-pw-9034";
const cli = (...args: string[]) =>
  execFileSync(
    "redis-cli",
    [
      "--tls",
      "--cacert",
      join(dir, "cert.pem"),
      "-p",
      String(port),
      "-a",
      PASSWORD,
      "--no-auth-warning",
      ...args,
    ],
    {
      encoding: "utf8",
    },
  ).trim();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "redis-tls-"));
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"],
      ...[
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-addext",
        "subjectAltName=DNS:localhost",
      ],
    ],
    { stdio: "ignore" },
  );
  port = await freePort();
  server = spawn(
    "redis-server",
    [
      ...["--port", "0", "--tls-port", String(port), "--bind", "127.0.0.1", "--requirepass", PASSWORD],
      ...[
        "--tls-cert-file",
        join(dir, "cert.pem"),
        "--tls-key-file",
        join(dir, "key.pem"),
        "--tls-auth-clients",
        "no",
      ],
      ...["--save", "", "--appendonly", "no", "--dir", dir],
    ],
    { stdio: "ignore" },
  );
  for (let i = 0; ; i++) {
    try {
      if (cli("PING") === "PONG") break;
    } catch {
      if (i > 200) throw new Error("the TLS redis-server did not start");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
});
afterAll(async () => {
  server.kill();
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("cache-flush over rediss:// (TLS)", () => {
  const url = () => `rediss://:${PASSWORD}@localhost:${port}/0`;

  it("refuses an untrusted certificate and says how to trust a private CA", async () => {
    const tk = await runInProcess(cacheFlush, { "redis-url": url(), pattern: "page:*" });
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toMatch(/self-signed certificate[\s\S]*NODE_EXTRA_CA_CERTS/);
    expect(tk.failed).not.toContain(PASSWORD);
  });

  it("flushes once the runner trusts the CA, as the runner runs the bundle", async () => {
    cli("SET", "page:1", "a");
    cli("SET", "page:2", "b");
    cli("SET", "keep:1", "c");
    const run = await runBundle(
      "cache-flush",
      { "redis-url": url(), pattern: "page:*" },
      { env: { NODE_EXTRA_CA_CERTS: join(dir, "cert.pem") } },
    );
    expect(run.outputs).toMatchObject({ status: "flushed", "keys-removed": "2" });
    expect(cli("DBSIZE")).toBe("1");
    expect(run.all).not.toContain(PASSWORD);
  });
});
