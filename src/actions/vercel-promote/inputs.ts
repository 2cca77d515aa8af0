import { z } from "zod";
import { input } from "../../core/inputs.ts";
import { migrationInputs } from "../../migrations/check.ts";

/** A deployment input: `dpl_…`, a URL, a hostname or a custom domain; normalised to an id or a bare host. */
export const deploymentInput = z.string().transform((raw, ctx): string | undefined => {
  const value = raw.trim();
  if (value === "") return undefined;
  if (/^dpl_[A-Za-z0-9]+$/.test(value)) return value;
  const host = value
    .replace(/^https?:\/\//i, "")
    .replace(/[/?#].*$/, "")
    .toLowerCase();
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/.test(host)) return host;
  ctx.issues.push({
    code: "custom",
    input: raw,
    message: `is ${JSON.stringify(value)}, which is neither a deployment id (dpl_…) nor a deployment URL, hostname or custom domain.`,
    params: { example: `"dpl_6Jw2LQ8aVx", "https://shop-4f2a1b.vercel.app" or "stable.shop.com"` },
  });
  return z.NEVER;
});

/** A project id or name as Vercel allows them. */
export const projectInput = z.string().transform((raw, ctx) => {
  const value = raw.trim();
  if (/^[A-Za-z0-9._-]{1,100}$/.test(value)) return value;
  ctx.issues.push({
    code: "custom",
    input: raw,
    message:
      value === ""
        ? "is required."
        : `is ${JSON.stringify(value)}, which is not a Vercel project id or name.`,
    params: { example: `"prj_7gHk2pQ" or "shop"` },
  });
  return z.NEVER;
});

export const teamInput = z.string().transform((raw, ctx): string | undefined => {
  const value = raw.trim();
  if (value === "") return undefined;
  if (/^[A-Za-z0-9_-]{1,100}$/.test(value)) return value;
  ctx.issues.push({
    code: "custom",
    input: raw,
    message: `is ${JSON.stringify(value)}, which is not a team id (team_…) or slug.`,
    params: { example: `"team_a1B2c3" or "acme"` },
  });
  return z.NEVER;
});

export const vercelTokenInput = () =>
  input.secret({ required: true, example: "${{ secrets.VERCEL_TOKEN }}" });
export const vercelApiUrlInput = () =>
  input.url({ default: "https://api.vercel.com", example: "https://api.vercel.com" });

export const vercelPromoteInputs = {
  token: vercelTokenInput(),
  project: projectInput,
  team: teamInput,
  deployment: deploymentInput,
  strategy: input.choice(["auto", "rollback", "promote"] as const, "auto"),
  // Longer than Vercel's 250 is shortened with a warning at plan time, never a reason to skip a rollback.
  reason: input.text({ example: `"Checkout errors after 5f3c2a1"` }),
  wait: input.duration("5m"),
  "cancel-in-flight": input.boolean(true),
  "api-url": vercelApiUrlInput(),
  ...migrationInputs,
};

export type VercelPromoteInputs = typeof vercelPromoteInputs;
export type Strategy = "auto" | "rollback" | "promote";
