import { describe, expect, it } from "vitest";
import { ExpressionError, parseCondition } from "../src/analyze/expression.ts";

const holds = (source: string, result: number) => parseCondition(source).test(result);

describe("conditions over result", () => {
  it("compares, with arithmetic and the usual precedence", () => {
    expect(holds("result > 0.05", 0.06)).toBe(true);
    expect(holds("result > 0.05", 0.05)).toBe(false);
    expect(holds("result >= 0.05", 0.05)).toBe(true);
    expect(holds("result * 100 > 5", 0.051)).toBe(true);
    expect(holds("1 - result < 0.8", 0.25)).toBe(true);
    expect(holds("result == 3 || result != 3 && false", 4)).toBe(false);
    expect(holds("-result < -2", 3)).toBe(true);
    expect(holds("result % 2 == 1", 3)).toBe(true);
    expect(holds("result <= 1e3", 1000)).toBe(true);
  });

  it("combines with and, or, not and parentheses", () => {
    expect(holds("result > 0.01 and result < 0.05", 0.03)).toBe(true);
    expect(holds("result > 0.01 and result < 0.05", 0.06)).toBe(false);
    expect(holds("not result > 0.05", 0.01)).toBe(true);
    expect(holds("!(result > 0.05) && result >= 0", 0.01)).toBe(true);
    expect(holds("result < 0 or (result > 1 and result < 2)", 1.5)).toBe(true);
    expect(holds("not not result > 1", 2)).toBe(true);
  });

  it("asks about NaN only through isNaN, and says so", () => {
    const condition = parseCondition("isNaN(result) or result > 0.05");
    expect(condition.handlesNaN).toBe(true);
    expect(condition.test(Number.NaN)).toBe(true);
    expect(parseCondition("result > 0.05").handlesNaN).toBe(false);
    expect(holds("result > 0.05", Number.NaN)).toBe(false);
    expect(holds("result > 0.05", Number.POSITIVE_INFINITY)).toBe(true);
  });

  it("names the thresholds result is compared with, for the chart", () => {
    expect(parseCondition("result > 0.05").thresholds).toEqual([0.05]);
    expect(parseCondition("0.8 > result or result > 2 and not result == 2").thresholds).toEqual([0.8, 2]);
    expect(parseCondition("result * 100 > 5").thresholds).toEqual([]);
  });

  const bad: Array<[string, RegExp]> = [
    ["", /is empty/],
    ["result >", /ends too early/],
    ["result = 5", /unexpected "=" .*"=="/],
    ["result > 0.05 & result < 1", /use "and"/],
    ["result", /is a number, not a condition/],
    ["1 > 0", /does not use result/],
    ["result > 0.05 and 3", /uses "and" on a number/],
    ["0 < result < 1", /chains comparisons/],
    ["process.exit(1) > result", /unexpected "\."/],
    ["Math > result", /"Math" .* does not know/],
    ["constructor > result", /does not know/],
    ["result[0] > 1", /unexpected "\["/],
    ["(result > 1", /expected "\)"/],
    ["result > 1)", /unexpected "\)"/],
    ["isNaN result", /after isNaN/],
    ["not result", /uses "not" on a number/],
  ];
  for (const [source, message] of bad) {
    it(`rejects ${JSON.stringify(source)}`, () => {
      expect(() => parseCondition(source)).toThrow(ExpressionError);
      expect(() => parseCondition(source)).toThrow(message);
    });
  }
});
