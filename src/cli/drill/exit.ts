// The drill's last resort: what must go even when it cannot tear down in order (a second Ctrl-C, a teardown
// that hangs), run synchronously as the process exits, newest first.
const cleanups = new Set<() => void>();
let installed = false;

/** Runs `cleanup` when the process exits, unless the returned function was called first. */
export function atExit(cleanup: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on("exit", () => {
      for (const run of [...cleanups].reverse()) {
        try {
          run();
        } catch {
          // The next cleanup still runs: each removes what it can.
        }
      }
    });
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
