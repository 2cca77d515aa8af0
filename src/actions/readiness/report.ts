import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Summary } from "../../core/report.ts";
import { age, type Check, type State } from "./check.ts";
import type { Objectives } from "./objectives.ts";

export type Status = "ready" | "warnings" | "not-ready";

export const ICON: Record<State, string> = { pass: "✅", warn: "⚠️", fail: "❌" };

export function overall(checks: Check[]): Status {
  if (checks.some((c) => c.state === "fail")) return "not-ready";
  if (checks.some((c) => c.state === "warn")) return "warnings";
  return "ready";
}

export interface Readiness {
  status: Status;
  checkedAt: string;
  checks: Check[];
  objectives: Objectives;
  rto: number;
  rpo: number;
}

/** The report file: every check with its state, evidence and fix, and how the RTO/RPO figures were made. */
export function writeReport(temp: string | undefined, r: Readiness): string {
  const dir = temp ?? tmpdir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "rollback-readiness.json");
  const body = {
    status: r.status,
    checkedAt: r.checkedAt,
    rto: { objective: r.rto, estimate: r.objectives.rtoEstimate ?? null, timings: r.objectives.timings },
    rpo: { objective: r.rpo, exposure: r.objectives.rpoExposure ?? null },
    parts: r.objectives.parts,
    checks: r.checks.map((c) => ({ ...c, fix: c.fix ?? null })),
  };
  writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
  return path;
}

export function figures(r: Readiness): string[] {
  const { rtoEstimate, rpoExposure } = r.objectives;
  return [
    `RTO estimate: ${rtoEstimate === undefined ? "not measured" : age(rtoEstimate)} (objective ${age(r.rto)})`,
    `RPO exposure: ${rpoExposure === undefined ? "no data target" : age(rpoExposure)} (objective ${r.rpo ? age(r.rpo) : "0"})`,
  ];
}

export function summarise(summary: Summary, r: Readiness): void {
  summary.list(figures(r));
  summary.table(
    ["", "Target", "Check", "Evidence", "Fix"],
    r.checks.map((c) => [
      ICON[c.state],
      c.target,
      c.check,
      c.evidence,
      c.state === "pass" ? "" : (c.fix ?? ""),
    ]),
  );
  if (r.objectives.parts.length)
    summary.details("How the figures were made", r.objectives.parts.map((p) => `- ${p}`).join("\n"));
}

/** The failing and warning rows, one line each with the fix: the step's message and the body. */
export function problems(checks: Check[]): string[] {
  return checks
    .filter((c) => c.state !== "pass")
    .map((c) => `${ICON[c.state]} ${c.target} / ${c.check}: ${c.evidence}. Fix: ${c.fix ?? "–"}`);
}
