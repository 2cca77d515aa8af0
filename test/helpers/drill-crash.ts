// Preloaded into the drill (`node --import`) by test/drill-cleanup.test.ts: an uncaught error, as a bug in the
// drill or a simulator would throw, once the drill prints a line containing DRILL_CRASH_AT.
const at = process.env.DRILL_CRASH_AT ?? "\0";
const write = process.stdout.write.bind(process.stdout) as (chunk: string) => boolean;
let thrown = false;
process.stdout.write = ((chunk: string) => {
  if (!thrown && String(chunk).includes(at)) {
    thrown = true;
    setImmediate(() => {
      throw new Error("injected crash");
    });
  }
  return write(chunk);
}) as typeof process.stdout.write;
