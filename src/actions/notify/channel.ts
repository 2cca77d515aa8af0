import type { Outputs } from "../../core/report.ts";

/** Channel names as they appear in the `sent` output, in this order. */
export const CHANNELS = [
  "slack",
  "discord",
  "teams",
  "webhook",
  "github-issue",
  "statuspage",
  "instatus",
  "betterstack",
  "pagerduty",
  "github-deployment",
] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Sent {
  detail: string;
  outputs?: Outputs;
}

/** One configured channel, as planned: what it would send, or why it sends nothing. */
export interface ChannelPlan {
  channel: Channel;
  /** How it is sent, for the log and summary (never a URL). */
  via: string;
  /** What would be sent: a dry run prints it instead of sending. */
  preview: string;
  /** A read while planning failed: this channel fails, the others go on. */
  error?: string;
  /** Nothing to send for this status, and why. */
  skip?: string;
  warnings: string[];
  send?: () => Promise<Sent>;
}

export interface ChannelOutcome {
  channel: Channel;
  result: "sent" | "failed" | "skipped";
  detail: string;
  outputs?: Outputs;
}

/** A send that failed after something was made: its outputs still name what exists (an incident, say). */
export class SendFailure extends Error {
  override name = "SendFailure";
  readonly outputs: Outputs;
  constructor(message: string, outputs: Outputs) {
    super(message);
    this.outputs = outputs;
  }
}

/** A plan for a channel whose planning read failed. */
export function failedPlan(channel: Channel, via: string, error: unknown): ChannelPlan {
  const message = error instanceof Error ? error.message : String(error);
  return { channel, via, preview: "(not planned: a read failed)", error: message, warnings: [] };
}
