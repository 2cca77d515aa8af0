import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DrillResult, runDrill } from "../src/cli/drill/runbook.ts";

const drill = (...args: string[]) =>
  spawnSync(process.execPath, ["src/cli/drill/index.ts", ...args], { encoding: "utf8" });

/** A timeline line without what changes from run to run: times, durations, ids, folders, ports. */
function normalize(line: string): string {
  return (
    line
      .replace(/^\s*[\d.]+ ?m?s {2}/, "")
      .replace(/ \([\d.]+ ?m?s\)$/, "")
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>")
      .replace(/\/tmp\/rollback-drill-\w+\/[\w.-]+/g, "<file>")
      // The safety dump runs beside the restore: whether it was whole when verify-sql failed is a matter of timing.
      .replace(/ Safety backup: <file>\./, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** The README's excerpt of `$ command`: its lines, each of which the drill must print. */
function readmeExcerpt(command: string): string[] {
  const readme = readFileSync("README.md", "utf8");
  const start = readme.indexOf(`\`\`\`text\n$ ${command}\n`);
  expect(start, `README has an excerpt of ${command}`).toBeGreaterThan(-1);
  const body = readme.slice(start).split("\n```")[0] ?? "";
  return body.split("\n").slice(2).map(normalize);
}

/** Each README line is a line the drill printed; the lines saying what serves are all there, in order. */
function matchesReadme(command: string, printed: string[]): void {
  const lines = printed.map(normalize);
  const excerpt = readmeExcerpt(command);
  for (const line of excerpt) expect(lines, line).toContain(line);
  const serves = lines.filter((line) => line.startsWith("serves "));
  expect(serves.length).toBeGreaterThan(0);
  expect(excerpt.filter((line) => line.startsWith("serves "))).toEqual(serves);
}

const text = (result: DrillResult) => result.timeline.map((step) => `${step.phase} ${step.text}`).join("\n");

describe("the local drill", () => {
  it("recovers production on the simulators and tells the whole story, as the README shows it", async () => {
    const printed: string[] = [];
    const result = await runDrill({ log: (line) => printed.push(line) });
    expect(result.recovered).toBe(true);
    expect(result.outcome).toBe("succeeded");
    // The bad release also renamed a column: each rollback warns before it changes anything.
    const warnings = result.timeline.filter((step) => step.phase === "migrations").map((step) => step.text);
    expect(warnings.sort()).toEqual([
      expect.stringMatching(
        /^railway-redeploy: Migrations between .*migration\.sql \(prisma, backend\): rename/,
      ),
      expect.stringMatching(
        /^vercel-promote: Migrations between .*migration\.sql \(prisma, 5555555\): rename/,
      ),
    ]);
    const phases = result.timeline.map((step) => step.phase).filter((phase) => phase !== "migrations");
    expect(phases.slice(0, 3)).toEqual(["ready", "incident", "detected"]);
    // The announcement goes out alongside the rollbacks, in whatever order they finish.
    expect(phases.slice(3, 6).sort()).toEqual(["announced", "rolled back", "rolled back"]);
    expect(phases.slice(6)).toEqual(["verified", "notified", "serves", "serves", "serves"]);
    expect(result.serving.map((s) => s.state)).toEqual(["good", "good", "good"]);
    matchesReadme("npm run drill", [...printed, "Production recovered."]);
    const text = result.timeline.map((step) => step.text).join("\n");
    expect(text).toContain("smoke-test fail: backend, ai-engine, web failing");
    expect(text).toContain("railway-redeploy rolled-back: backend rolled-back, ai-engine rolled-back");
    expect(text).toContain("vercel-promote rolled-back: dpl_bad → dpl_good2");
    expect(text).toContain("smoke-test pass");
    expect(text).not.toContain("?");
    expect(result.runs.report?.outputs.sent).toContain("slack");
    // The outcome is posted in the thread of the announcement.
    expect(result.runs.announce?.outputs["slack-ts"]).toMatch(/^\d+\.\d+$/);
    expect(result.platformMs).toBeGreaterThan(0);
    expect(result.totalMs).toBeGreaterThan(result.platformMs);
    // Every step's action has its duration on the timeline.
    expect(result.timeline.filter((step) => step.phase === "rolled back").every((s) => s.durationMs)).toBe(
      true,
    );
  });

  it("reverts the bad commit on the git origin", async () => {
    const result = await runDrill({ target: "git-revert" });
    expect(result.recovered).toBe(true);
    expect(result.runs.revert?.outputs.status).toBe("reverted");
  });

  it("runs the whole runbook in order and leaves no file behind", { timeout: 180_000 }, async () => {
    const result = await runDrill({ target: "full" });
    expect(result.recovered).toBe(true);
    expect(result.outcome).toBe("succeeded");
    const order = result.timeline
      .filter((step) => ["traffic", "data", "rolled back", "resumed", "verified"].includes(step.phase))
      .map((step) => step.text.split(" ")[0]);
    // The cache is flushed before the code rolls back: a rolled-back deployment serves as soon as it is up.
    expect(order.slice(0, 5)).toEqual([
      "traffic",
      "traffic",
      "database-restore",
      "storage-restore",
      "cache-flush",
    ]);
    expect(order.slice(5, 7).sort()).toEqual(["railway-redeploy", "vercel-promote"]);
    expect(order.slice(7)).toEqual(["traffic", "traffic", "smoke-test", "analyze"]);
    // Resume keeps the Vercel rollback pinned, and says what serves, service by service.
    expect(result.serving.map((s) => s.text)).toEqual([
      expect.stringMatching(
        /^Railway backend: \S+ \(registry.railway.internal\/backend:2\) serves, the rolled-back version, traffic flowing$/,
      ),
      expect.stringMatching(/^Railway ai-engine: \S+ .* serves, the rolled-back version, traffic flowing$/),
      "Vercel shop: dpl_good2 serves shop.example.com (pinned), the rolled-back version, traffic flowing",
    ]);
    const text = result.timeline.map((step) => step.text).join("\n");
    expect(text).toContain("analyze fail: API error rate");
    expect(text).toContain("database-restore restored");
    expect(text).toContain("cache-flush flushed: 3 keys removed");
    expect(result.runs.report?.outputs.sent).toContain("statuspage");
    for (const run of Object.values(result.runs)) {
      for (const output of ["report", "measurements", "safety-backup"]) {
        const path = run.outputs[output];
        if (path?.startsWith("/")) expect(existsSync(path), `${output} ${path}`).toBe(false);
      }
    }
  });

  it("flushes a simulated Railway Redis when the machine has no redis-server, and says so", {
    timeout: 180_000,
  }, async () => {
    const result = await runDrill({ target: "full", simulatedData: true });
    expect(result.recovered).toBe(true);
    const text = result.timeline.map((step) => step.text).join("\n");
    expect(text).toContain("the cache: a simulated Railway Redis service, restarted to flush it (asked for)");
    expect(text).toContain("cache-flush restarted");
  });

  it("a failed restore stops every step after it; its read-back says the database is untouched, so traffic returns onto the old code and the last lines say what serves", {
    timeout: 180_000,
  }, async () => {
    const printed: string[] = [];
    const result = await runDrill({
      target: "full",
      faults: ["restore-fails"],
      log: (line) => printed.push(line),
    });
    expect(result.outcome).toBe("failed");
    expect(result.runs.database?.outputs.changed).toBe("false");
    const story = text(result);
    expect(story).toContain("data database-restore failed: verify-sql failed");
    for (const name of ["storage-restore", "cache-flush", "railway-redeploy", "vercel-promote"])
      expect(story).toContain(`skipped ${name}: an earlier step failed`);
    expect(story).toMatch(/resumed traffic resumed: Railway services backend, ai-engine/);
    expect(result.serving.map((s) => s.state)).toEqual(["bad", "bad", "bad"]);
    expect(result.resume).toBeUndefined();
    expect(result.runs.report?.outputs.status).toBe("sent");
    matchesReadme("npm run drill -- --target full --fault restore-fails", [
      ...printed,
      "Production did NOT recover: what serves now is listed above.",
    ]);
  });

  it("a storage restore that fails part way leaves traffic stopped, and says how to resume it", {
    timeout: 180_000,
  }, async () => {
    const result = await runDrill({ target: "full", faults: ["storage-fails-midway"] });
    expect(result.outcome).toBe("failed");
    expect(result.runs.storage?.outputs.changed).toBe("true");
    for (const name of ["cache-flush", "railway-redeploy", "vercel-promote"])
      expect(text(result)).toContain(`skipped ${name}: an earlier step failed`);
    expect(result.runs["resume-vercel"]).toBeUndefined();
    expect(result.runs["resume-railway"]).toBeUndefined();
    expect(result.serving.map((s) => s.text)).toEqual([
      "Railway backend: nothing serves, traffic STOPPED",
      "Railway ai-engine: nothing serves, traffic STOPPED",
      "Vercel shop: paused, visitors get 503, traffic STOPPED",
    ]);
    expect(result.resume).toMatch(
      /^gh workflow run rollback\.yml .* -f target=traffic-resume .* -f stopped='\{"vercel":\{"platform":"vercel".*"railway":\{"platform":"railway","services":\[\{"service":"backend"/,
    );
    // Announced as failed with traffic stopped and the command: never as a recovery.
    expect(text(result)).toContain("notified notify sent: failed, traffic STOPPED");
  });

  it("a traffic stop that fails half way changes no data or code, and resumes only what it stopped", {
    timeout: 180_000,
  }, async () => {
    const result = await runDrill({ target: "full", faults: ["traffic-stop-partial"] });
    expect(result.outcome).toBe("failed");
    const story = text(result);
    expect(story).toMatch(/traffic traffic failed: Stopping failed for backend/);
    // The cache job never runs after a failed stop; neither does any other data or code step.
    for (const name of [
      "database-restore",
      "storage-restore",
      "cache-flush",
      "railway-redeploy",
      "vercel-promote",
    ])
      expect(story).toContain(`skipped ${name}: an earlier step failed`);
    expect(JSON.parse(result.runs["pause-railway"]?.outputs.stopped ?? "{}")).toMatchObject({
      services: [{ service: "ai-engine" }],
    });
    expect(story).toContain("resumed traffic resumed: Vercel project shop");
    expect(story).toContain("resumed traffic resumed: Railway services ai-engine");
    expect(result.serving.map((s) => s.state)).toEqual(["bad", "bad", "bad"]);
    expect(result.resume).toBeUndefined();
  });

  it("a rollback still deploying at resume: resume waits for it, and the rolled-back version serves", {
    timeout: 180_000,
  }, async () => {
    const result = await runDrill({ target: "full", faults: ["railway-still-deploying"] });
    const story = text(result);
    expect(story).toMatch(
      /railway-redeploy failed: backend rolled-back, ai-engine failed \(Deployment \S+ did not reach SUCCESS/,
    );
    expect(result.runs["resume-railway"]?.code).toBe(0);
    // Never the stopped bad deployment brought back over the good one.
    expect(result.serving.map((s) => s.state)).toEqual(["good", "good", "good"]);
    expect(result.recovered).toBe(true);
    // A step failed, so the outcome is failed even though what serves is good: the report lists it.
    expect(result.outcome).toBe("failed");
  });

  it("verification with no data is rolled back, not verified: never announced as recovered", {
    timeout: 180_000,
  }, async () => {
    const result = await runDrill({ target: "full", faults: ["metrics-no-data"] });
    expect(result.runs["verify-metrics"]?.outputs.verdict).toBe("inconclusive");
    expect(result.outcome).toBe("unverified");
    expect(result.recovered).toBe(false);
    // notify gets unverified: the status page incident stays open (monitoring), PagerDuty is not resolved,
    // the GitHub deployment stays in_progress.
    const sent = result.runs.report?.outputs.sent ?? "";
    expect(sent).toContain("statuspage");
    expect(sent).not.toContain("pagerduty");
    expect(result.runs.report?.summary).toMatch(/monitoring/i);
    expect(result.runs.report?.summary).toMatch(/in_progress/);
    expect(text(result)).toContain("notified notify sent: rolled back, not verified");
    expect(result.serving.map((s) => s.state)).toEqual(["good", "good", "good"]);
  });

  it("says so, and exits 1, when one service fails to recover", { timeout: 120_000 }, () => {
    const cli = drill("--target", "railway", "--fault", "railway-crash");
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain("fault        railway-crash: ai-engine's restored deployment crashes");
    expect(cli.stdout).toContain("railway-redeploy failed: backend rolled-back, ai-engine failed");
    expect(cli.stdout).toContain("smoke-test fail: ai-engine failing");
    expect(cli.stdout).toMatch(/notified +notify sent: failed; slack github-issue/);
    expect(cli.stdout).toMatch(/serves +Railway ai-engine: .* the BAD version, traffic flowing/);
    expect(cli.stdout).toContain("Production did NOT recover: what serves now is listed above.");
    expect(cli.stdout).toMatch(/Total [\d.]+s: simulated platform work .+, the suite's own overhead/);
  });

  it("shows how a lost answer was handled, and a status page that is down does not stop the rollback", {
    timeout: 120_000,
  }, () => {
    const cli = drill("--target", "vercel", "--fault", "vercel-lost-answer", "--fault", "statuspage-down");
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/handled +vercel-promote: /);
    expect(cli.stdout).toMatch(/notified +notify partial: .*; statuspage NOT reached: /);
    expect(cli.stdout).toContain("Production recovered.");
  });

  it("says which channel was not reached and why, and counts its retries apart from the overhead", {
    timeout: 120_000,
  }, () => {
    const cli = drill("--target", "vercel", "--fault", "slack-down");
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/announced +notify partial: .*; slack NOT reached: .*500/);
    expect(cli.stdout).toMatch(
      /Total [\d.]+s: simulated platform work .+, waiting out injected faults \(retries' back-off\) [\d.]+s, the suite's own overhead/,
    );
  });

  it("refuses an unknown fault, and one that does not fit the target", () => {
    const unknown = drill("--fault", "meteor");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--fault "meteor": use one of railway-crash, railway-429');
    const misfit = drill("--target", "git-revert", "--fault", "vercel-503");
    expect(misfit.status).toBe(2);
    expect(misfit.stderr).toContain(
      '--fault "vercel-503" does not fit --target git-revert: it fits vercel, all, full',
    );
  });
});
