import { describe, expect, it } from "vitest";
import { CancelledError, defineAction } from "../src/core/action.ts";
import { input } from "../src/core/inputs.ts";
import { runInProcess } from "./helpers/run.ts";

/** A toy action that records what it was asked to do, so each test sees which phases ran. */
function toy(options: { current?: string; failApply?: boolean; slowPlan?: boolean } = {}) {
  const applied: string[] = [];
  const action = defineAction({
    name: "toy",
    title: "Toy",
    inputs: { to: input.text({ required: true, example: "v2" }) },
    async plan({ settings }) {
      if (options.slowPlan) await new Promise((resolve) => setTimeout(resolve, 60_000).unref());
      return { from: options.current ?? "v1", to: settings.to, steps: ["stop", "swap"] };
    },
    nothingToDo: (plan) =>
      plan.from === plan.to
        ? {
            status: "already-current",
            reason: `Already on ${plan.to}: nothing to do. Give another version to go further.`,
          }
        : undefined,
    describe: (plan, summary) => summary.list([`${plan.from} → ${plan.to}`]),
    planOutputs: (plan) => ({ from: plan.from }),
    async apply(_ctx, plan) {
      if (options.failApply) throw Object.assign(new Error("swap refused"), { code: "E_SWAP" });
      applied.push(plan.to);
      return { done: plan.to };
    },
    report: (_ctx, plan, result) => ({
      status: "changed",
      headline: "✅ changed",
      outputs: { to: result.done, from: plan.from },
      summary: (s) => s.text(`Now on ${result.done}.`),
    }),
    explain: (error, phase) =>
      `The ${phase} failed (${(error as { code?: string }).code}): try again with dry-run first.`,
  });
  return { action, applied };
}

describe("the action runner", () => {
  it("runs inputs → plan → apply → report and sets status from the outcome", async () => {
    const { action, applied } = toy();
    const tk = await runInProcess(action, { to: "v2" });
    expect(applied).toEqual(["v2"]);
    expect(tk.outputs).toEqual({ status: "changed", to: "v2", from: "v1" });
    expect(tk.summary).toContain("## Toy: ✅ changed");
    expect(tk.failed).toBeUndefined();
  });

  it("a dry run stops after the plan: status planned, the plan in the summary, nothing applied", async () => {
    const { action, applied } = toy();
    const tk = await runInProcess(action, { to: "v2", "dry-run": "true" });
    expect(applied).toEqual([]);
    expect(tk.outputs).toEqual({ status: "planned", from: "v1" });
    expect(tk.summary).toContain("v1 → v2");
    expect(tk.summary).toContain("Dry run: nothing was changed.");
  });

  it("a plan with nothing to do says so and applies nothing: the second run of a rollback", async () => {
    const { action, applied } = toy({ current: "v2" });
    const tk = await runInProcess(action, { to: "v2" });
    expect(applied).toEqual([]);
    expect(tk.outputs.status).toBe("already-current");
    expect(tk.logs).toContain("Already on v2: nothing to do. Give another version to go further.");
  });

  it("bad input fails before the plan, naming the input, with status failed", async () => {
    const { action, applied } = toy();
    const tk = await runInProcess(action, { "dry-run": "maybe" });
    expect(applied).toEqual([]);
    expect(tk.outputs).toEqual({ status: "failed" });
    expect(tk.failed).toContain('Input "to" is required.');
    expect(tk.failed).toContain('Input "dry-run" is "maybe"');
    expect(tk.summary).toContain("**Bad input**");
  });

  it("a data action that fails before apply says changed=false: bad input and planning change nothing", async () => {
    const { action } = toy();
    const data = { ...action, reportsChanged: true };
    const bad = await runInProcess(data, { "dry-run": "maybe" });
    expect(bad.outputs).toEqual({ status: "failed", changed: "false" });
    const plain = await runInProcess(action, { "dry-run": "maybe" });
    expect(plain.outputs).not.toHaveProperty("changed");
  });

  it("a failure is explained once, with the plan in the summary and status failed", async () => {
    const { action } = toy({ failApply: true });
    const tk = await runInProcess(action, { to: "v2" });
    expect(tk.failed).toBe("The apply failed (E_SWAP): try again with dry-run first.");
    expect(tk.outputs.status).toBe("failed");
    expect(tk.summary).toContain("### Plan");
    expect(tk.summary).toContain("v1 → v2");
  });

  it("the plan is frozen: an action cannot change it after planning", async () => {
    let frozen = false;
    const action = defineAction({
      ...toy().action,
      async apply(_ctx, plan) {
        frozen = Object.isFrozen(plan) && Object.isFrozen(plan.steps);
        return { done: plan.to };
      },
    });
    await runInProcess(action, { to: "v3" });
    expect(frozen).toBe(true);
  });

  it("a signal during the plan stops at once: cancelled, nothing changed", async () => {
    const { action, applied } = toy({ slowPlan: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new CancelledError("SIGTERM")), 50);
    const tk = await runInProcess(action, { to: "v2" }, { signal: controller.signal });
    expect(applied).toEqual([]);
    expect(tk.outputs.status).toBe("failed");
    expect(tk.failed).toBe("Cancelled by SIGTERM.\nNothing was changed.");
    expect(tk.summary).toContain("⏹️ cancelled");
  });
});
