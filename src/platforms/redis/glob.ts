/**
 * What a SCAN MATCH pattern matches, read the way Redis's `stringmatchlen` (util.c) reads it, on the
 * pattern's bytes: `*` any run of bytes, `?` one byte, `[...]` one byte of a class (`^` negates, `a-z`
 * ranges, `\` escapes), `\x` the byte x, anything else itself.
 */

type Token = { kind: "star" } | { kind: "one"; accepts: (byte: number) => boolean };

function tokens(pattern: Buffer): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as number;
    if (c === 0x2a) {
      out.push({ kind: "star" });
      i++;
    } else if (c === 0x3f) {
      out.push({ kind: "one", accepts: () => true });
      i++;
    } else if (c === 0x5b) {
      const [accepts, end] = bracket(pattern, i + 1);
      out.push({ kind: "one", accepts });
      i = end;
    } else {
      // A trailing lone backslash matches a backslash, as in util.c.
      const literal = c === 0x5c && i + 1 < pattern.length ? (pattern[++i] as number) : c;
      out.push({ kind: "one", accepts: (b) => b === literal });
      i++;
    }
  }
  return out;
}

/** A `[...]` class starting after `[`: its test and where the pattern goes on. Unclosed, it ends with the pattern. */
function bracket(pattern: Buffer, start: number): [(byte: number) => boolean, number] {
  let i = start;
  const negate = pattern[i] === 0x5e;
  if (negate) i++;
  const ranges: [number, number][] = [];
  while (i < pattern.length && pattern[i] !== 0x5d) {
    if (pattern[i] === 0x5c && i + 1 < pattern.length) {
      const b = pattern[i + 1] as number;
      ranges.push([b, b]);
      i += 2;
    } else if (i + 2 < pattern.length && pattern[i + 1] === 0x2d) {
      const a = pattern[i] as number;
      const z = pattern[i + 2] as number;
      ranges.push(a <= z ? [a, z] : [z, a]);
      i += 3;
    } else {
      const b = pattern[i] as number;
      ranges.push([b, b]);
      i++;
    }
  }
  const inClass = (b: number) => ranges.some(([a, z]) => a <= b && b <= z);
  return [(b) => inClass(b) !== negate, Math.min(i + 1, pattern.length)];
}

/**
 * True when the pattern matches every key of at least some length: it has a `*`, and each of its other
 * parts accepts every byte (`?`, `[^]`, `[\x00-\xff]`…). That is exact: a part that refuses a byte b
 * refuses every key made only of b, so any other pattern leaves some key alone. `?*` spares only the
 * empty key, `??*` keys of one byte: removing all but those is still removing everything.
 */
export function matchesEverything(pattern: string): boolean {
  const parts = tokens(Buffer.from(pattern, "utf8"));
  const allBytes = (t: Token) =>
    t.kind === "star" || Array.from({ length: 256 }, (_, b) => b).every(t.accepts);
  return parts.some((t) => t.kind === "star") && parts.every(allBytes);
}
