import { InputError, input, inputError } from "../../core/inputs.ts";
import { migrationInputs } from "../../migrations/check.ts";
import { DEFAULT_API_URL } from "../../platforms/railway/client.ts";

export const railwayInputs = {
  token: input.secret({ required: true, example: "${{ secrets.RAILWAY_TOKEN }}" }),
  "token-type": input.choice(["auto", "project", "account"], "auto"),
  project: input.optional(),
  environment: input.text({ default: "production", required: true, example: '"production"' }),
  services: input.list({ required: true, example: '"backend, ai-engine"' }),
  deployment: input.optional(),
  strategy: input.choice(["rollback", "redeploy", "restart"], "rollback"),
  wait: input.duration("10m"),
  "cancel-in-flight": input.boolean(true),
  "freeze-auto-deploy": input.boolean(false),
  "api-url": input.url({ default: DEFAULT_API_URL, example: `"${DEFAULT_API_URL}"` }),
  ...migrationInputs,
};

export type Strategy = "rollback" | "redeploy" | "restart";

/** The checks across inputs, before any request; every problem in one error. */
export function checkInputs(settings: {
  services: string[];
  deployment: string | undefined;
  strategy: Strategy;
  "token-type": string;
  project: string | undefined;
}): void {
  const { deployment: explicit, services } = settings;
  const problems: InputError[] = [];
  if (explicit !== undefined && !/^[\w-]{1,100}$/.test(explicit)) {
    problems.push(
      inputError("deployment", "is not a Railway deployment id.", '"0f2c6a4e-1b7d-4f3a-9c8e-2d5b7a1e3c90"'),
    );
  }
  if (explicit && new Set(services).size > 1) {
    problems.push(
      inputError(
        "deployment",
        `is set, but services lists ${new Set(services).size} services: an explicit target deployment belongs to one service. List only that service, or leave deployment empty to pick each service's last good deployment.`,
        'services: "backend" with deployment: "<id of a backend deployment>"',
      ),
    );
  }
  if (explicit && settings.strategy === "restart") {
    problems.push(
      inputError(
        "deployment",
        "is set, but strategy restart always restarts the active deployment: leave deployment empty, or use strategy rollback or redeploy.",
        '""',
      ),
    );
  }
  if (settings["token-type"] === "account" && !settings.project) {
    problems.push(
      inputError(
        "project",
        "is required with an account or workspace token (only a project token implies its project).",
        '"shop" or the project id',
      ),
    );
  }
  if (problems.length) throw new InputError(problems.map((problem) => problem.message).join("\n"));
}
