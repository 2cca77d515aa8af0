import { input } from "../../core/inputs.ts";

export const PROVIDERS = ["postgres"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const databaseRestoreInputs = {
  provider: input.text({ required: true, example: '"postgres"' }).superRefine((value, ctx) => {
    if (!(PROVIDERS as readonly string[]).includes(value)) {
      ctx.addIssue({
        code: "custom",
        message: `is ${JSON.stringify(value)}; it must be one of: ${PROVIDERS.join(", ")}.`,
        params: { example: '"postgres"' },
      });
    }
  }),
  confirm: input.optional(),
  backup: input.optional(),
  "backup-headers": input.headers(),
  "point-in-time": input.optional(),
  "database-url": input.secret(),
  mode: input.choice(["swap", "in-place"], "swap"),
  "verify-sql": input.text(),
  "safety-backup": input.boolean(true),
  "safety-backup-dir": input.optional(),
  "postgres-bin-dir": input.optional(),
  "restore-jobs": input.number({ default: "2", min: 1, max: 64, integer: true, example: "2" }),
  wait: input.duration("30m"),
};

export type DatabaseRestoreInputs = typeof databaseRestoreInputs;
