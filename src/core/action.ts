import type { z } from "zod";
import { type RunContext, runContext } from "./context.ts";
import { InputError, input, readInputs } from "./inputs.ts";
import { escapeMarkdown, type Outputs, Summary, setOutputs } from "./report.ts";
import { errorMessage } from "./secrets.ts";
import type { Toolkit } from "./toolkit.ts";

/** Levelled logging for code that must not know the runner (platform clients take one of these). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export function toolkitLogger(tk: Toolkit): Logger {
  return { info: (m) => tk.info(m), warn: (m) => tk.warning(m), debug: (m) => tk.debug(m) };
}

type Shape = Record<string, z.ZodType<unknown, string>>;
export type Settings<S extends Shape> = { [K in keyof S]: z.output<S[K]> } & { "dry-run": boolean };

export interface ActionContext<S extends Shape> {
  readonly settings: Settings<S>;
  readonly tk: Toolkit;
  readonly run: RunContext;
  readonly log: Logger;
  /** Aborted on SIGINT/SIGTERM: stop before the next change; a change already sent is seen through. */
  readonly signal: AbortSignal;
}

/** What `plan` can say instead of a change: the second run of a rollback lands here. */
export interface NothingToDo {
  status: string;
  /** One sentence, shown in the log and the summary: why nothing changes, and how to go further. */
  reason: string;
}

/** How a run ended, as `report` tells it. */
export interface Outcome {
  status: string;
  /** The summary heading after the title, e.g. "✅ rolled back". */
  headline: string;
  outputs?: Outputs;
  summary?: (summary: Summary) => void;
  /** Set: the step fails with this message, after outputs and summary are written. */
  failure?: string;
}

export interface ActionDefinition<S extends Shape = Shape, P = unknown, R = unknown> {
  /** The folder under actions/ (and dist/). */
  name: string;
  /** The job summary's title. */
  title: string;
  /** Inputs besides `dry-run`, which every action has and the runner reads. */
  inputs: S;
  /** Read-only actions (smoke-test, analyze) run in a dry run too, and say so. */
  readOnly?: boolean;
  /**
   * Data actions: output `changed` (true|false|unknown) on every outcome. The runner sets `false` for a run
   * that ends before apply (bad input, planning, a dry run, nothing to do); apply and report set the rest.
   */
  reportsChanged?: boolean;
  /** Reads only (platform state, files) and returns the plan; the runner freezes it. */
  plan(ctx: ActionContext<S>): Promise<P>;
  /** The plan needs no change (already current): the runner reports it and stops. */
  nothingToDo?(plan: P): NothingToDo | undefined;
  /** The plan in words, for the log, a dry run's summary and a failure's summary. */
  describe(plan: P, summary: Summary): void;
  /** Outputs that the plan alone determines (set for planned and nothing-to-do runs too). */
  planOutputs?(plan: P): Outputs;
  apply(ctx: ActionContext<S>, plan: P): Promise<R>;
  report(ctx: ActionContext<S>, plan: P, result: R): Outcome;
  /** One message for a failure: what failed, the platform's code and message, what to do next. */
  explain?(error: unknown, phase: Phase, plan: P | undefined): string;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds actions of every input shape and plan type.
export type AnyAction = ActionDefinition<any, any, any>;

export type Phase = "inputs" | "plan" | "apply" | "report";

export function defineAction<S extends Shape, P, R>(
  definition: ActionDefinition<S, P, R>,
): ActionDefinition<S, P, R> {
  return definition;
}

/** Raised into a phase when the run was cancelled by a signal before it could finish. */
export class CancelledError extends Error {
  override name = "CancelledError";
  readonly signalName: string;
  constructor(signalName: string, message = `Cancelled by ${signalName}.`) {
    super(message);
    this.signalName = signalName;
  }
}

export interface RunOptions {
  /** Aborted when the run should stop (the real runner wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal;
  cwd?: string;
}

/** Freezes plain objects and arrays all the way down; class instances (clients) are left as they are. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/** Rejects as soon as `signal` aborts: reads can be abandoned at once, since they change nothing. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    // The phase was already started: its own failure (it sees the signal too) must not go unhandled.
    promise.catch(() => {});
    return Promise.reject(cancelled(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function cancelled(signal: AbortSignal): CancelledError {
  return signal.reason instanceof CancelledError ? signal.reason : new CancelledError("a cancellation");
}

/**
 * Runs an action through its phases: inputs → plan → (nothing to do | dry run | apply → report). The runner,
 * not each action, sets `status`, writes the summary for planned, nothing-to-do and failed runs, and fails
 * the step with one message.
 */
export async function runDefinition<S extends Shape, P, R>(
  definition: ActionDefinition<S, P, R>,
  tk: Toolkit,
  options: RunOptions = {},
): Promise<void> {
  const signal = options.signal ?? new AbortController().signal;
  const summary = new Summary(definition.title);
  const run = runContext(tk.env, options.cwd);
  let phase: Phase = "inputs";
  let plan: P | undefined;
  try {
    const settings = readInputs(tk, {
      ...definition.inputs,
      "dry-run": input.boolean(false),
    }) as Settings<S>;
    const ctx: ActionContext<S> = { settings, tk, run, log: toolkitLogger(tk), signal };

    phase = "plan";
    const planned = deepFreeze(await unlessAborted(definition.plan(ctx), signal));
    plan = planned;
    const none = definition.nothingToDo?.(planned);
    if (none) {
      tk.info(none.reason);
      setOutputs(tk, { ...definition.planOutputs?.(planned), status: none.status });
      definition.describe(planned, summary);
      summary.text(none.reason);
      await summary.write(tk, `✅ ${none.status}`);
      return;
    }
    if (settings["dry-run"] && !definition.readOnly) {
      setOutputs(tk, { ...definition.planOutputs?.(planned), status: "planned" });
      definition.describe(planned, summary);
      summary.text("Dry run: nothing was changed.");
      await summary.write(tk, "🧪 planned");
      tk.info("Dry run: nothing was changed.");
      return;
    }
    if (settings["dry-run"]) tk.info("Dry run: this action only reads, so it runs as usual.");

    phase = "apply";
    const result = await definition.apply(ctx, planned);
    phase = "report";
    const outcome = definition.report(ctx, planned, result);
    setOutputs(tk, { ...outcome.outputs, status: outcome.status });
    outcome.summary?.(summary);
    await summary.write(tk, outcome.headline);
    if (outcome.failure) tk.setFailed(outcome.failure);
  } catch (error) {
    const message =
      error instanceof InputError || error instanceof CancelledError
        ? error.message
        : (definition.explain?.(error, phase, plan) ?? errorMessage(error));
    const unchanged = phase === "inputs" || phase === "plan";
    const full =
      unchanged && !/nothing was changed/i.test(message) ? `${message}\nNothing was changed.` : message;
    tk.setOutput("status", "failed");
    if (definition.reportsChanged && unchanged) tk.setOutput("changed", "false");
    summary.text(`**${error instanceof InputError ? "Bad input" : "Failed"}**\n\n${quoteBlock(full)}`);
    if (plan !== undefined) {
      summary.heading("Plan");
      definition.describe(plan, summary);
    }
    await summary.write(tk, error instanceof CancelledError ? "⏹️ cancelled" : "❌ failed");
    tk.setFailed(full);
  }
}

/** A failure message as a quote: inert, since it can carry platform text (a 5xx body, a commit message). */
function quoteBlock(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join("\n");
}

/**
 * The real runner: a cancelled workflow (or Ctrl-C) sends SIGINT, then SIGTERM about 7.5 s later, then
 * kills. The first signal aborts the run (reads stop at once; a change under way finishes or stops at its
 * next safe point, and the summary says which); the step then exits non-zero.
 */
export async function main(definition: AnyAction): Promise<void> {
  const { actionsToolkit } = await import("./toolkit.ts");
  const tk = actionsToolkit();
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    tk.warning(`Received ${name}: stopping before the next change.`);
    controller.abort(new CancelledError(name));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await runDefinition(definition, tk, { signal: controller.signal });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (controller.signal.aborted) process.exitCode = 1;
}
