import { applyRestore, type KeyResult, RestoreInterrupted } from "../../platforms/s3/restore.ts";
import type { Ctx } from "./inputs.ts";
import { clientsFor, type StoragePlan } from "./plan.ts";
import { writeReport } from "./report-file.ts";

export interface StorageResult {
  results: KeyResult[];
  elapsedMs: number;
}

/** Copies and deletes as planned, then rewrites the report with what was written (also when stopped part-way). */
export async function applyStorage(ctx: Ctx, plan: StoragePlan): Promise<StorageResult> {
  const started = Date.now();
  const clients = await clientsFor(ctx);
  try {
    const results = await applyRestore(clients, plan.restore, {
      log: (line) => ctx.log.info(line),
      signal: ctx.signal,
    });
    writeReport(plan.report, plan.restore, false, results);
    return { results, elapsedMs: Date.now() - started };
  } catch (error) {
    if (error instanceof RestoreInterrupted) writeReport(plan.report, plan.restore, false, error.written);
    throw error;
  } finally {
    clients.close();
  }
}
