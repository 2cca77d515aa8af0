import type { ActionContext } from "../../core/action.ts";
import { CREDENTIALS_IN_URL, inputError } from "../../core/inputs.ts";
import type { Summary } from "../../core/report.ts";
import { formatMs } from "../../core/wait.ts";
import { type Check, parseChecks, secretHeaderValues, urlCheck } from "../../smoke/checks.ts";
import type { smokeTestInputs } from "./inputs.ts";

export interface SmokePlan {
  checks: Check[];
  readyTimeoutMs: number;
  samples: number;
  intervalMs: number;
}

/** The checks to run: `url` entries first, then `checks`; at least one. */
export async function planSmoke({ settings, tk }: ActionContext<typeof smokeTestInputs>): Promise<SmokePlan> {
  const checks: Check[] = [];
  for (const url of settings.url) {
    if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) {
      throw inputError(
        "url",
        `has ${JSON.stringify(url)}, which is not an http(s) URL.`,
        "https://api.example.com/healthz",
      );
    }
    const { username, password } = new URL(url);
    if (username || password) throw inputError("url", CREDENTIALS_IN_URL, "https://api.example.com/healthz");
    checks.push(urlCheck(url));
  }
  try {
    checks.push(...(await parseChecks(settings.checks)));
  } catch (error) {
    throw inputError(
      "checks",
      (error as Error).message,
      "[{url: https://api.example.com/healthz, expect: {status: 200}}]",
    );
  }
  // A check's own Authorization or API key is as secret as the `headers` input's.
  for (const value of secretHeaderValues(checks)) tk.setSecret(value);
  if (checks.length === 0) {
    throw inputError(
      "url",
      "and `checks` are both empty: give at least one URL to check.",
      "https://api.example.com/healthz",
    );
  }
  return {
    checks,
    readyTimeoutMs: settings["ready-timeout"],
    samples: settings.samples ?? 3,
    intervalMs: settings.interval,
  };
}

export function describeSmoke(plan: SmokePlan, summary: Summary): void {
  summary.text(
    `${plan.checks.length} check${plan.checks.length > 1 ? "s" : ""}: warm-up up to ${formatMs(plan.readyTimeoutMs)}, then ${plan.samples} sample(s) every ${formatMs(plan.intervalMs)}.`,
  );
}
