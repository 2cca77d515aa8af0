import { escapeMarkdown, type Summary } from "../core/report.ts";
import { line, type MigrationCheck } from "./check.ts";

/** The `migrations` output: a JSON array of `{file, tool, commit, flags}`. */
export function migrationsOutput(check: MigrationCheck | undefined): string | undefined {
  return (
    check &&
    JSON.stringify(check.migrations.map(({ file, tool, commit, flags }) => ({ file, tool, commit, flags })))
  );
}

/** `migrations: block` without `allow-migrations`: raised while planning, so nothing has changed. */
export class MigrationsBlocked extends Error {
  override name = "MigrationsBlocked";
}

/** Stops a real run that block mode holds back; a dry run only says it would stop (describeMigrations). */
export function stopIfBlocked(check: MigrationCheck | undefined, dryRun: boolean): void {
  if (!check?.blocks || dryRun) return;
  const found = check.migrations.map((m) => `- ${line(m)}`);
  const unknown = check.unknown.map((sentence) => `- ${sentence}`);
  throw new MigrationsBlocked(
    [
      `Stopped before any change (migrations: block): ${check.migrations.length ? "migrations ran between the target and production, and the old code may not work with the new schema" : "the migrations between the target and production could not all be checked"}.`,
      ...found,
      ...unknown,
      check.migrations.length
        ? "Nothing was changed. Restore the database to before them (or check the old code works with the new schema), then re-run with allow-migrations: true."
        : "Nothing was changed. Look for migrations in that range by hand (or give the missing history or token), then re-run, with allow-migrations: true if there are none that matter.",
    ].join("\n"),
  );
}

/** The migrations in the plan's summary: each with its flags, what is unknown, and whether block stops. */
export function describeMigrations(check: MigrationCheck | undefined, summary: Summary): void {
  if (!check) return;
  summary.heading("Migrations between the target and production");
  if (check.migrations.length)
    summary.table(
      ["File", "Tool", "Commit", "Flags"],
      check.migrations.map((m) => [
        m.file,
        m.tool,
        m.commit.slice(0, 7),
        m.read ? m.flags.join(", ") || "none found" : "not read (GitHub showed no diff)",
      ]),
    );
  else if (!check.unknown.length) summary.text("None.");
  summary.list(check.unknown.map(escapeMarkdown));
  if (check.restore.length) summary.list(check.restore.map(escapeMarkdown));
  if (check.blocks) summary.text("⛔ `migrations: block`: a real run stops here, before any change.");
  else if (check.mode === "block" && check.allow && (check.migrations.length || check.unknown.length))
    summary.text("`allow-migrations: true`: going ahead despite them.");
}
