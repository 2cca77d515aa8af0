/** A failure whose message already says what happened and what to do; the remote is unchanged. */
export class RevertError extends Error {
  override name = "RevertError";
}
