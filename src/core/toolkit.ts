import { neutralise, redact, registerSecret } from "./secrets.ts";

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
  /** Shown only when step debug logging is on. */
  debug(message: string): void;
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
    // The runner masks every form we would scrub ourselves (bare credential, base64, URL-encoded).
    setSecret: (value) => {
      for (const form of registerSecret(value)) core.setSecret(form);
    },
    // Logged text comes from platforms too: redacted, and unable to issue workflow commands.
    info: (message) => core.info(neutralise(redact(message))),
    warning: (message) => core.warning(neutralise(redact(message))),
    notice: (message) => core.notice(neutralise(redact(message))),
    debug: (message) => core.debug(redact(message)),
    setFailed: (message) => core.setFailed(neutralise(redact(message))),
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
    debug: (message) => tk.logs.push(`debug: ${redact(message)}`),
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
