import { describe, expect, it } from "vitest";
import { formatMs, waitFor } from "../src/core/wait.ts";

describe("waitFor", () => {
  it("returns as soon as the outcome is known, backing off between polls", async () => {
    const seen: number[] = [];
    const start = Date.now();
    const result = await waitFor({
      what: "job",
      timeoutMs: 5000,
      initialDelayMs: 10,
      factor: 2,
      poll: async () => {
        seen.push(Date.now() - start);
        return seen.length === 4 ? { done: true, value: "ok" } : { done: false, state: "pending" };
      },
    });
    expect(result).toMatchObject({ outcome: "done", value: "ok", polls: 4 });
    const gaps = seen.slice(1).map((t, i) => t - (seen[i] ?? 0));
    expect(gaps[2]).toBeGreaterThan(gaps[0] ?? 0);
  });

  it("stops at the deadline with the last state seen, and says what it waits for", async () => {
    const lines: string[] = [];
    const result = await waitFor({
      what: "deployment d1",
      timeoutMs: 100,
      initialDelayMs: 20,
      poll: async () => ({ done: false, state: "DEPLOYING" }),
      onProgress: (line) => lines.push(line),
    });
    expect(result).toMatchObject({ outcome: "timeout", lastState: "DEPLOYING" });
    expect(lines[0]).toMatch(/^Waiting for deployment d1: DEPLOYING \(\d+ ms of 100 ms\)$/);
  });
});

describe("formatMs", () => {
  it.each([
    [950, "950 ms"],
    [12_340, "12.3s"],
    [245_000, "4m05s"],
    [3_720_000, "1h02m"],
  ])("%d → %s", (ms, text) => expect(formatMs(ms)).toBe(text));
});
