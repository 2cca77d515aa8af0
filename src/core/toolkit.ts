// @actions/core's own workflow-command writers, imported by path: its index also imports its OIDC client, and with
// it @actions/http-client and all of undici (about 80 ms of every action's start-up, for a token we never ask for).

import { EOL } from "node:os";
import { issueCommand } from "../../node_modules/@actions/core/lib/command.js";
import {
  issueFileCommand,
  prepareKeyValueMessage,
} from "../../node_modules/@actions/core/lib/file-command.js";
import { summary } from "../../node_modules/@actions/core/lib/summary.js";
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

/**
 * The runner's side of a step, as `@actions/core` writes it: inputs from `INPUT_*`, outputs to the GITHUB_OUTPUT
 * file, masks and annotations as workflow commands on stdout, the summary through its writer.
 */
export function actionsToolkit(): Toolkit {
  const command = (name: string, message: string) => issueCommand(name, {}, message);
  return {
    getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim(),
    setOutput: (name, value) => {
      // Outside a runner (an old runner, or a hand-run step) there is no output file: the command form still works.
      if (process.env.GITHUB_OUTPUT) issueFileCommand("OUTPUT", prepareKeyValueMessage(name, redact(value)));
      else {
        process.stdout.write(EOL);
        issueCommand("set-output", { name }, redact(value));
      }
    },
    // The runner masks every form we would scrub ourselves (bare credential, base64, URL-encoded).
    setSecret: (value) => {
      for (const form of registerSecret(value)) command("add-mask", form);
    },
    // Logged text comes from platforms too: redacted, and unable to issue workflow commands.
    info: (message) => process.stdout.write(`${neutralise(redact(message))}${EOL}`),
    warning: (message) => command("warning", neutralise(redact(message))),
    notice: (message) => command("notice", neutralise(redact(message))),
    debug: (message) => command("debug", redact(message)),
    setFailed: (message) => {
      process.exitCode = 1;
      command("error", neutralise(redact(message)));
    },
    appendSummary: async (markdown) => {
      // Outside a runner (CLI, local drill) there is no summary file: skip rather than fail the action.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await summary.addRaw(redact(markdown), true).write();
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
