import { redact, registerSecret } from "./secrets.ts";

/**
 * The slice of the runner an action uses. Actions take it as a parameter, so tests and the CLI pass
 * their own instead of mocking modules; `actionsToolkit` adapts `@actions/core`.
 */
export interface Toolkit {
  /** The raw input value, "" when the input is unset. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  info(message: string): void;
  warning(message: string): void;
  notice(message: string): void;
  setFailed(message: string): void;
  /** Append GitHub-flavoured markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  env: Record<string, string | undefined>;
}

type Core = typeof import("@actions/core");

export function actionsToolkit(core: Core): Toolkit {
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, redact(value)),
    setSecret: (value) => {
      registerSecret(value);
      core.setSecret(value);
    },
    info: (message) => core.info(redact(message)),
    warning: (message) => core.warning(redact(message)),
    notice: (message) => core.notice(redact(message)),
    setFailed: (message) => core.setFailed(redact(message)),
    appendSummary: async (markdown) => {
      // Outside a runner (CLI, local drill) there is no summary file: skip rather than fail the action.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(redact(markdown), true).write();
    },
    env: process.env,
  };
}

/** A toolkit that records everything, for tests and for the CLI to print. */
export interface RecordingToolkit extends Toolkit {
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  logs: string[];
  summary: string;
  failed: string | undefined;
}

export function recordingToolkit(
  inputs: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
): RecordingToolkit {
  const tk: RecordingToolkit = {
    inputs,
    outputs: {},
    logs: [],
    summary: "",
    failed: undefined,
    env,
    getInput: (name) => (inputs[name] ?? "").trim(),
    setOutput: (name, value) => {
      tk.outputs[name] = redact(value);
    },
    setSecret: (value) => registerSecret(value),
    info: (message) => tk.logs.push(redact(message)),
    warning: (message) => tk.logs.push(`warning: ${redact(message)}`),
    notice: (message) => tk.logs.push(`notice: ${redact(message)}`),
    setFailed: (message) => {
      tk.failed = redact(message);
      tk.logs.push(`error: ${tk.failed}`);
    },
    appendSummary: async (markdown) => {
      tk.summary += redact(markdown);
    },
  };
  return tk;
}

/** Link to the workflow run, when running in one. */
export function runUrl(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = env;
  if (!GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined;
  const attempt = GITHUB_RUN_ATTEMPT && GITHUB_RUN_ATTEMPT !== "1" ? `/attempts/${GITHUB_RUN_ATTEMPT}` : "";
  return `${GITHUB_SERVER_URL ?? "https://github.com"}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}${attempt}`;
}
