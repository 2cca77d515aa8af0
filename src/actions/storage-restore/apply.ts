import { applyRestore, type KeyResult, RestoreInterrupted } from "../../platforms/s3/restore.ts";
import type { Ctx } from "./inputs.ts";
import { clientsFor, type StoragePlan } from "./plan.ts";
import { writeReport } from "./report-file.ts";

export type StorageResult =
  | { kind: "restored"; results: KeyResult[]; elapsedMs: number }
  | { kind: "stopped"; stopped: RestoreInterrupted; cancelled: boolean };

/** Copies and deletes as planned, then rewrites the report with what was written (read back when stopped part-way). */
export async function applyStorage(ctx: Ctx, plan: StoragePlan): Promise<StorageResult> {
  const started = Date.now();
  const clients = await clientsFor(ctx);
  try {
    const results = await applyRestore(clients, plan.restore, {
      log: (line) => ctx.log.info(line),
      signal: ctx.signal,
    });
    writeReport(plan.report, plan.restore, false, results);
    return { kind: "restored", results, elapsedMs: Date.now() - started };
  } catch (error) {
    if (!(error instanceof RestoreInterrupted)) throw error;
    writeReport(plan.report, plan.restore, false, error.written, { readBack: error.readBack });
    return { kind: "stopped", stopped: error, cancelled: ctx.signal.aborted };
  } finally {
    clients.close();
  }
}
