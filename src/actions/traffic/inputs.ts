import { z } from "zod";
import { input } from "../../core/inputs.ts";
import { projectInput, teamInput } from "../vercel-promote/inputs.ts";
import { stoppedInput } from "./stopped.ts";

/** A required word from a fixed set (no default: the caller must say). */
function required<const T extends string>(values: readonly T[], example: string) {
  return z.string().transform((raw, ctx): T => {
    const value = raw.trim();
    if ((values as readonly string[]).includes(value)) return value as T;
    ctx.issues.push({
      code: "custom",
      input: raw,
      message:
        value === ""
          ? `is required: ${values.join(" or ")}.`
          : `is ${JSON.stringify(value)}; it must be one of: ${values.join(", ")}.`,
      params: { example },
    });
    return z.NEVER;
  });
}

export const trafficInputs = {
  mode: required(["pause", "resume"] as const, `"pause"`),
  platform: required(["vercel", "railway"] as const, `"vercel"`),
  token: input.secret({
    required: true,
    example: "${{ secrets.VERCEL_TOKEN }} or ${{ secrets.RAILWAY_TOKEN }}",
  }),
  // Vercel needs a project; a Railway project token implies its own.
  project: z.string().transform((raw, ctx): string | undefined => {
    if (raw.trim() === "") return undefined;
    const parsed = projectInput.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: raw } as never);
    return z.NEVER;
  }),
  team: teamInput,
  environment: input.text({ default: "production", example: `"production"` }),
  services: input.list({ example: `"api, worker"` }),
  "token-type": input.choice(["auto", "project", "account"] as const, "auto"),
  "api-url": input.url({ example: "https://api.vercel.com" }),
  wait: input.duration("5m"),
  "auto-deploy": input.boolean(false),
  stopped: stoppedInput,
};

export type TrafficInputs = typeof trafficInputs;
