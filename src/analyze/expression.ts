/**
 * Conditions over one measured number, `result`: comparisons, arithmetic, `and`/`or`/`not` (also `&&`,
 * `||`, `!`), parentheses and `isNaN(result)`. A small recursive-descent parser builds a tree that is
 * type-checked when parsed (a condition must be true/false and must use `result`) and evaluated by
 * walking it: no `eval`, no `Function`, nothing a condition can reach beyond its one number.
 */

type Value = number | boolean;
type Type = "number" | "boolean";

type Node =
  | { kind: "constant"; value: Value }
  | { kind: "result" }
  | { kind: "unary"; op: "-" | "not" | "isNaN"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

export class ExpressionError extends Error {
  override name = "ExpressionError";
}

/** A parsed condition: `test(value)` says whether it holds for `result = value`. */
export interface Condition {
  source: string;
  /** Whether the condition itself asks about NaN (then a NaN result is the condition's to judge). */
  handlesNaN: boolean;
  /** Constants `result` is compared with (`result > 0.05` → 0.05): the lines a chart draws. */
  thresholds: number[];
  test(result: number): boolean;
}

const num = (a: Value) => a as number;
const bool = (a: Value) => a as boolean;

/** Binary operators by precedence, loosest first: [spellings → operator, operand type, result type, apply]. */
const LEVELS: Array<{
  ops: Record<string, string>;
  operand: Type;
  apply: Record<string, (a: Value, b: Value) => Value>;
}> = [
  { ops: { or: "or", "||": "or" }, operand: "boolean", apply: { or: (a, b) => bool(a) || bool(b) } },
  { ops: { and: "and", "&&": "and" }, operand: "boolean", apply: { and: (a, b) => bool(a) && bool(b) } },
  {
    ops: { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "==": "==", "!=": "!=" },
    operand: "number",
    apply: {
      "<": (a, b) => num(a) < num(b),
      "<=": (a, b) => num(a) <= num(b),
      ">": (a, b) => num(a) > num(b),
      ">=": (a, b) => num(a) >= num(b),
      "==": (a, b) => a === b,
      "!=": (a, b) => a !== b,
    },
  },
  {
    ops: { "+": "+", "-": "-" },
    operand: "number",
    apply: { "+": (a, b) => num(a) + num(b), "-": (a, b) => num(a) - num(b) },
  },
  {
    ops: { "*": "*", "/": "/", "%": "%" },
    operand: "number",
    apply: { "*": (a, b) => num(a) * num(b), "/": (a, b) => num(a) / num(b), "%": (a, b) => num(a) % num(b) },
  },
];
const COMPARE = 2;
const NOT_LEVEL = 2; // `not` binds looser than comparisons, tighter than `and`
const APPLY: Record<string, (a: Value, b: Value) => Value> = Object.assign({}, ...LEVELS.map((l) => l.apply));

function typeOf(node: Node): Type {
  if (node.kind === "constant") return typeof node.value === "number" ? "number" : "boolean";
  if (node.kind === "result") return "number";
  if (node.kind === "unary") return node.op === "-" ? "number" : "boolean";
  return ["+", "-", "*", "/", "%"].includes(node.op) ? "number" : "boolean";
}

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|&&|\|\||[<>!()+\-*/%])|(\S))/gy;

interface Token {
  text: string;
  number: boolean;
  at: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(source); match; match = TOKEN.exec(source)) {
    const [whole, number, word, symbol, other] = match;
    const text = number ?? word ?? symbol ?? other ?? "";
    const at = match.index + whole.length - text.length + 1;
    if (other !== undefined) {
      const hint = other === "=" ? ' (compare with "==")' : /[&|]/.test(other) ? ' (use "and" / "or")' : "";
      throw new ExpressionError(`has an unexpected ${JSON.stringify(other)} at character ${at}${hint}.`);
    }
    tokens.push({ text, number: number !== undefined, at });
  }
  return tokens;
}

class Parser {
  private index = 0;
  private readonly tokens: Token[];
  usesResult = false;
  usesNaN = false;

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private accept(...texts: string[]): string | undefined {
    const token = this.tokens[this.index];
    if (!token || !texts.includes(token.text)) return undefined;
    this.index++;
    return token.text;
  }

  private fail(expected: string): never {
    const token = this.tokens[this.index];
    throw new ExpressionError(
      token
        ? `has an unexpected ${JSON.stringify(token.text)} at character ${token.at} (expected ${expected}).`
        : `ends too early (expected ${expected}).`,
    );
  }

  private typed(node: Node, want: Type, op: string): Node {
    if (typeOf(node) === want) return node;
    const got = typeOf(node) === "number" ? "a number" : "true/false";
    throw new ExpressionError(
      `uses "${op}" on ${got}, where ${want === "number" ? "a number" : "a comparison"} is needed.`,
    );
  }

  parse(): Node {
    if (this.tokens.length === 0) throw new ExpressionError("is empty.");
    const node = this.level(0);
    if (this.index < this.tokens.length) this.fail("an operator or the end");
    return node;
  }

  private level(depth: number): Node {
    if (depth === NOT_LEVEL && this.accept("not", "!")) {
      return { kind: "unary", op: "not", arg: this.typed(this.level(depth), "boolean", "not") };
    }
    if (depth === LEVELS.length) return this.unary();
    const { ops, operand } = LEVELS[depth] as (typeof LEVELS)[number];
    let left = this.level(depth + 1);
    for (let text = this.accept(...Object.keys(ops)); text; text = this.accept(...Object.keys(ops))) {
      const op = ops[text] as string;
      if (depth === COMPARE && typeOf(left) === "boolean") {
        throw new ExpressionError('chains comparisons: write "0.01 < result and result < 0.05".');
      }
      const right = this.level(depth + 1);
      left = {
        kind: "binary",
        op,
        left: this.typed(left, operand, op),
        right: this.typed(right, operand, op),
      };
    }
    return left;
  }

  private unary(): Node {
    if (this.accept("-")) return { kind: "unary", op: "-", arg: this.typed(this.unary(), "number", "-") };
    if (this.accept("+")) return this.typed(this.unary(), "number", "+");
    const token = this.tokens[this.index];
    if (!token) this.fail("result, a number or (");
    this.index++;
    if (token.number) return { kind: "constant", value: Number(token.text) };
    if (token.text === "(") {
      const inner = this.level(0);
      if (!this.accept(")")) this.fail('")"');
      return inner;
    }
    if (token.text === "result") {
      this.usesResult = true;
      return { kind: "result" };
    }
    if (token.text === "true" || token.text === "false")
      return { kind: "constant", value: token.text === "true" };
    if (token.text === "isNaN") {
      if (!this.accept("(")) this.fail('"(" after isNaN');
      const arg = this.typed(this.level(0), "number", "isNaN");
      if (!this.accept(")")) this.fail('")"');
      this.usesNaN = true;
      return { kind: "unary", op: "isNaN", arg };
    }
    if (/^[A-Za-z_]/.test(token.text)) {
      throw new ExpressionError(
        `uses ${JSON.stringify(token.text)} at character ${token.at}, which it does not know: only result, numbers, and, or, not and isNaN(...) are allowed.`,
      );
    }
    this.index--;
    this.fail("result, a number or (");
  }
}

function evaluate(node: Node, result: number): Value {
  if (node.kind === "constant") return node.value;
  if (node.kind === "result") return result;
  if (node.kind === "unary") {
    const arg = evaluate(node.arg, result);
    return node.op === "-" ? -num(arg) : node.op === "not" ? !bool(arg) : Number.isNaN(arg);
  }
  // `and`/`or` need not evaluate both sides, but every side is a pure comparison: evaluating both is harmless.
  return (APPLY[node.op] as (a: Value, b: Value) => Value)(
    evaluate(node.left, result),
    evaluate(node.right, result),
  );
}

function thresholds(node: Node, out: number[] = []): number[] {
  if (node.kind === "unary") thresholds(node.arg, out);
  if (node.kind !== "binary") return out;
  const sides = [node.left, node.right];
  if (LEVELS[COMPARE]?.ops[node.op] && sides.some((side) => side.kind === "result")) {
    for (const side of sides)
      if (side.kind === "constant" && typeof side.value === "number") out.push(side.value);
  }
  for (const side of sides) thresholds(side, out);
  return out;
}

/** Parses a condition; throws an ExpressionError whose message completes "The condition …". */
export function parseCondition(source: string): Condition {
  const parser = new Parser(tokenize(source));
  const tree = parser.parse();
  if (typeOf(tree) !== "boolean") {
    throw new ExpressionError('is a number, not a condition: compare it, e.g. "result > 0.05".');
  }
  if (!parser.usesResult) {
    throw new ExpressionError('does not use result, so it would never change: e.g. "result > 0.05".');
  }
  return {
    source,
    handlesNaN: parser.usesNaN,
    thresholds: [...new Set(thresholds(tree))],
    test: (result) => evaluate(tree, result) === true,
  };
}
