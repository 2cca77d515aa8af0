import type { ChannelOutcome } from "./channel.ts";

// Advice for the whole step; each channel's own advice (which secret to check) is in its platform client.

export function failureMessage(failed: ChannelOutcome[], total: number, status: string): string {
  return `notify: ${failed.length} of ${total} channels could not be reached (status ${status}):\n${failed.map((o) => o.detail).join("\n")}`;
}

export function notFailingNote(status: string): string {
  return `notify: status ${status}; the step does not fail (fail-on-error: false).`;
}

/** An error no channel caught (a bug, or the runner cancelling): what failed and what to do. */
export function explainNotify(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `notify: ${message}\nNothing more was sent. The rollback itself is not affected; re-run this step to tell people.`;
}
