import { afterAll, beforeAll, describe, expect, it } from "vitest";
import smokeTest from "../src/actions/smoke-test/index.ts";
import { CancelledError } from "../src/core/action.ts";
import { App } from "./helpers/app.ts";
import { runInProcess } from "./helpers/run.ts";

const controller = new AbortController();
let app: App;

beforeAll(async () => {
  app = new App({
    // Never ready; the first answer cancels the run, as SIGTERM from a cancelled workflow would.
    "/down": (_req, res, hit) => {
      if (hit === 1) controller.abort(new CancelledError("SIGTERM"));
      res.writeHead(503).end("down");
    },
    // Holds every request open: a cancel must not wait for it.
    "/hang": () => undefined,
  });
  await app.start();
});
afterAll(() => app.stop());

describe("smoke-test cancelled mid-run", () => {
  it("stops warming up and waiting on open requests, and says it was cancelled", async () => {
    const tk = await runInProcess(
      smokeTest,
      { url: `${app.url}/down\n${app.url}/hang`, "ready-timeout": "10m", "request-timeout": "10m" },
      { signal: controller.signal },
    );
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toContain("Cancelled by SIGTERM");
    expect(tk.summary).toContain("## Smoke test: ⏹️ cancelled");
    // One warm-up attempt, not ten minutes of them.
    expect(app.hits.get("/down")).toBe(1);
  });
});
