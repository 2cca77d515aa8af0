import { input } from "../../core/inputs.ts";
import { DEFAULT_API_URL } from "../../platforms/railway/client.ts";

export const PROVIDERS = ["postgres", "railway", "atlas"] as const;
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
  mode: input.choice(["swap", "in-place", "new-service"], "swap"),
  "verify-sql": input.text(),
  "safety-backup": input.boolean(true),
  "safety-backup-dir": input.optional(),
  "safety-backup-key": input.secret({ example: "${{ secrets.SAFETY_BACKUP_KEY }}" }),
  "postgres-bin-dir": input.optional(),
  "restore-jobs": input.number({ default: "2", min: 1, max: 64, integer: true, example: "2" }),
  "railway-token": input.secret({ example: "${{ secrets.RAILWAY_TOKEN }}" }),
  "railway-token-type": input.choice(["auto", "project", "account"], "auto"),
  "railway-project": input.optional(),
  "railway-environment": input.text({ default: "production", example: '"production"' }),
  "railway-service": input.optional(),
  "railway-api-url": input.url({ default: DEFAULT_API_URL, example: `"${DEFAULT_API_URL}"` }),
  "atlas-client-id": input.secret({ example: "${{ secrets.ATLAS_CLIENT_ID }}" }),
  "atlas-client-secret": input.secret({ example: "${{ secrets.ATLAS_CLIENT_SECRET }}" }),
  "atlas-group-id": input.optional(),
  "atlas-cluster": input.optional(),
  "atlas-api-url": input.url({
    default: "https://cloud.mongodb.com",
    example: '"https://cloud.mongodb.com"',
  }),
  wait: input.duration("30m"),
};

export type DatabaseRestoreInputs = typeof databaseRestoreInputs;
