import type { ActionContext } from "../../core/action.ts";
import { InputError, input, inputError, parseDuration } from "../../core/inputs.ts";

export const storageRestoreInputs = {
  bucket: input.text({ required: true, example: '"shop-assets"' }),
  prefix: input.text(),
  "point-in-time": input.text({ required: true, example: '"2026-03-01T12:00:00Z" or "2h" (two hours ago)' }),
  endpoint: input.url({ example: '"https://s3.eu-central-1.wasabisys.com"' }),
  region: input.optional(),
  "access-key-id": input.secret({ example: "${{ secrets.AWS_ACCESS_KEY_ID }}" }),
  "secret-access-key": input.secret({ example: "${{ secrets.AWS_SECRET_ACCESS_KEY }}" }),
  "delete-newer": input.boolean(true),
  confirm: input.optional(),
};

export type StorageRestoreInputs = typeof storageRestoreInputs;
export type Ctx = ActionContext<StorageRestoreInputs>;

/** An ISO time with a zone (or a date, read as UTC midnight), or a duration ago: `2h`, `90m`. */
export function parsePointInTime(raw: string, now = Date.now()): number {
  const ago = /^\d/.test(raw) && !raw.includes("-") ? parseDuration(raw) : undefined;
  if (ago !== undefined) return now - ago;
  // A time without a zone would be read in the runner's zone, which nobody chose: ask for one.
  const zoned = /^\d{4}-\d{2}-\d{2}$/.test(raw) || /T.*(Z|[+-]\d{2}:?\d{2})$/i.test(raw);
  const at = zoned ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(at)) {
    throw inputError(
      "point-in-time",
      `is "${raw}", which is neither an ISO time with a zone nor a duration ago.`,
      '"2026-03-01T12:00:00Z", "2026-03-01T14:00:00+02:00" or "2h"',
    );
  }
  if (at > now)
    throw inputError(
      "point-in-time",
      `is ${new Date(at).toISOString()}, which is in the future.`,
      '"2h" (two hours ago)',
    );
  return at;
}

/** The checks across inputs, before any request: every problem in one error. */
export function checkInputs(settings: Ctx["settings"]): { at: number } {
  const problems: string[] = [];
  let at = 0;
  try {
    at = parsePointInTime(settings["point-in-time"]);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (Boolean(settings["access-key-id"]) !== Boolean(settings["secret-access-key"])) {
    const missing = settings["access-key-id"] ? "secret-access-key" : "access-key-id";
    problems.push(
      inputError(
        missing,
        "is required with the other key (or leave both empty to use the runner's AWS credentials, e.g. from OIDC).",
      ).message,
    );
  }
  // As when deleting a repository: confirm repeats the bucket. A dry run needs none; a wrong one is refused.
  const { confirm, bucket } = settings;
  if (confirm === undefined && !settings["dry-run"]) {
    problems.push(
      inputError(
        "confirm",
        `is required: type the name of the bucket that will be restored, "${bucket}", to confirm.`,
        `"${bucket}"`,
      ).message,
    );
  } else if (confirm !== undefined && confirm !== bucket) {
    problems.push(
      inputError("confirm", `is "${confirm}", but the bucket to restore is "${bucket}".`, `"${bucket}"`)
        .message,
    );
  }
  if (problems.length) throw new InputError(problems.join("\n"));
  return { at };
}
