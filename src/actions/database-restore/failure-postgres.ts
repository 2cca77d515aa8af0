import type { Conn } from "../../platforms/postgres/conn.ts";
import type { RestoreFailure } from "../../platforms/postgres/readback.ts";
import { postgresCause } from "./explain.ts";
import { type Changed, RestoreFailed } from "./provider.ts";

/** A psql command that shows what a database holds and whether it accepts connections. */
export function lookCommand(conn: Conn): string {
  const name = conn.database.replace(/'/g, "''");
  return `psql "$DATABASE_URL" -d postgres -c "SELECT datallowconn, shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '${name}'"`;
}

function unlockCommand(conn: Conn): string {
  return `psql "$DATABASE_URL" -d postgres -c 'ALTER DATABASE "${conn.database.replace(/"/g, '""')}" WITH ALLOW_CONNECTIONS true'`;
}

/**
 * The failure in words a person acts on: what failed, then what the target holds NOW as read back
 * (never assumed from the step reached), then what to do. `changed` follows the read-back.
 */
export function describeFailure(
  failure: RestoreFailure,
  conn: Conn,
  context: { cancelled: boolean; timedOut: boolean; dump: string },
): RestoreFailed {
  const db = conn.database;
  const cause = context.cancelled
    ? `The restore was cancelled (SIGTERM/SIGINT) during the ${failure.step} step.`
    : context.timedOut && failure.step !== "put back"
      ? `The restore phase ran out of its time (wait) during the ${failure.step} step.`
      : failure.step === "verify"
        ? postgresCause(failure.cause)
        : `The ${failure.step} step failed: ${postgresCause(failure.cause)}`;
  const { held } = failure;
  let state: string;
  let next: string;
  let changed: Changed;
  if (held.state === "unknown") {
    changed = "unknown";
    state = `What ${db} holds now is unknown: it could not be read back (${held.reason}).`;
    next = `Run \`${lookCommand(conn)}\` to see: a comment starting "database-restore sha256:" means the restored data; the comment it had before means as before.`;
  } else if (held.state === "before") {
    changed = "false";
    state = `${db} is as before (read back: its comment is unchanged).`;
    next = "Fix the cause above, then run again.";
  } else if (held.state === "put-back") {
    changed = "false";
    state = `${db} holds the data from before again: the safety backup was put back (read back: its comment records the put-back).`;
    next = "Check the dump and verify-sql, then run again.";
  } else if (held.state === "unverified") {
    changed = "true";
    state =
      failure.verify === "passed"
        ? `${db} holds the restored data (verify-sql passed; the restore marker could not be updated).`
        : failure.verify === "failed"
          ? `${db} holds the restored data, which failed verify-sql.`
          : `${db} holds the restored data, not verified.`;
    next = failure.safetyBackup
      ? `To go back: pg_restore --clean --if-exists --no-owner --single-transaction -d ${db} ${failure.safetyBackup}${failure.safetyBackup.endsWith(".enc") ? " (decrypt it first, see the README)" : ""}; or run again to restore ${context.dump} anew.`
      : `No safety backup was taken (safety-backup: false): the data from before is gone from ${db}. Run again to restore ${context.dump} anew.`;
  } else if (held.state === "restored") {
    changed = "true";
    state = `${db} holds the restored data (read back: this run's restore marker).`;
    next = "A rerun says already-current.";
  } else {
    changed = "unknown";
    state = `${db} holds neither the data from before nor this restore as far as its comment shows (${JSON.stringify(held.comment)}): something else changed it.`;
    next = `Look before running again: \`${lookCommand(conn)}\`.`;
  }
  if (held.state !== "unknown" && held.locked) {
    state += ` It refuses connections (locked by the swap): a rerun unlocks it first, or run \`${unlockCommand(conn)}\`.`;
  }
  const safety = failure.safetyBackup ? ` Safety backup: ${failure.safetyBackup}.` : "";
  return new RestoreFailed(`${cause}\n${state}${safety}\n${next}`, {
    changed,
    "safety-backup": failure.safetyBackup,
  });
}
