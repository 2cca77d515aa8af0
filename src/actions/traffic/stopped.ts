import { z } from "zod";

/**
 * `stopped`: what one pause stopped, handed to the resume of the same rollback so it restarts only that.
 * Railway: `{"platform":"railway","services":[{"service","service-id","deployment-id"}]}`, one entry per
 * service whose active deployment this pause stopped. Vercel: `{"platform":"vercel","project-id","paused",
 * "pinned"}`: `paused` whether this pause paused the project, `pinned` whether a rollback's pin
 * (auto-assignment off) was in effect before it.
 */

const railwayEntry = z.strictObject({
  service: z.string().min(1),
  "service-id": z.string().min(1),
  "deployment-id": z.string().min(1),
});
const railwayStopped = z.strictObject({
  platform: z.literal("railway"),
  services: z.array(railwayEntry),
});
const vercelStopped = z.strictObject({
  platform: z.literal("vercel"),
  "project-id": z.string().min(1),
  paused: z.boolean(),
  pinned: z.boolean(),
});
const stoppedSchema = z.discriminatedUnion("platform", [railwayStopped, vercelStopped]);

export type RailwayStopped = z.infer<typeof railwayStopped>;
export type RailwayStoppedEntry = z.infer<typeof railwayEntry>;
export type VercelStopped = z.infer<typeof vercelStopped>;
export type Stopped = z.infer<typeof stoppedSchema>;

const EXAMPLE = `"\${{ needs.traffic-stop.outputs.stopped }}" (the pause's \`stopped\` output)`;

/** The input: empty (an older caller: resume every stopped service) or a pause's `stopped` output. */
export const stoppedInput = z.string().transform((raw, ctx): Stopped | undefined => {
  const text = raw.trim();
  if (text === "") return undefined;
  const fail = (message: string) => {
    ctx.issues.push({ code: "custom", input: raw, message, params: { example: EXAMPLE } });
    return z.NEVER;
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`is not JSON (${(error as Error).message}).`);
  }
  const parsed = stoppedSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return fail(`is not what a pause records (${issue?.path.join(".") || "the object"}: ${issue?.message}).`);
});

/** The output, as JSON on one line. */
export function stoppedOutput(stopped: Stopped): string {
  return JSON.stringify(stopped);
}
