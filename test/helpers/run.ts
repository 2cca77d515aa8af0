import { type AnyAction, runDefinition } from "../../src/core/action.ts";
import { type RecordingToolkit, recordingToolkit } from "../../src/core/toolkit.ts";

/**
 * Runs an action in-process through the same runner the bundle uses, on a recording toolkit: what the
 * step would log, output, summarise and fail with is on the returned toolkit.
 */
export async function runInProcess(
  action: AnyAction,
  inputs: Record<string, string>,
  options: { env?: Record<string, string | undefined>; signal?: AbortSignal; cwd?: string } = {},
): Promise<RecordingToolkit> {
  const tk = recordingToolkit(inputs, options.env ?? {});
  await runDefinition(action, tk, { signal: options.signal, cwd: options.cwd });
  return tk;
}
