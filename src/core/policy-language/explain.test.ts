import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import type { EvaluationContext } from "./compile.js";
import { describeExplanation, explain, explainValues, formatValue } from "./explain.js";
import { parseExpression } from "./parser.js";

const state: Record<string, number> = {
  "incidents(kp_border, 30)": 7,
  "fatalities(kp_border, 30)": 3,
  "trust(pk, af)": 0.623456,
  "trust(af, pk)": 0.41,
  "ladder(pk, af)": 3,
  "flow(torkham, 7)": 1234.56,
};
const ctx: EvaluationContext = {
  call: (name, args) => state[`${name}(${args.join(", ")})`]!,
};
const sentence = (text: string) => describeExplanation(explain(parseExpression(text), ctx));

describe("explain", () => {
  it("states one comparison with the value of its function", () => {
    expect(sentence("incidents(kp_border, 30) < 5")).toBe("incidents(kp_border, 30) = 7 < 5 is false");
  });

  it("states each clause of a compound condition and then the result", () => {
    expect(sentence("incidents(kp_border, 30) < 5 and trust(pk, af) > 0.5")).toBe(
      "incidents(kp_border, 30) = 7 < 5 is false; trust(pk, af) = 0.6235 > 0.5 is true; so the condition is false",
    );
    expect(sentence("not (incidents(kp_border, 30) < 5)")).toBe(
      "incidents(kp_border, 30) = 7 < 5 is false; so the condition is true",
    );
  });

  it("names ladder levels by their rung when compared with a rung", () => {
    expect(sentence("ladder(pk, af) == tension")).toBe("ladder(pk, af) = strikes == tension is false");
  });

  it("shows the calls inside an arithmetic side", () => {
    expect(sentence("incidents(kp_border, 30) + fatalities(kp_border, 30) > 5")).toBe(
      "incidents(kp_border, 30) + fatalities(kp_border, 30) = 10 (incidents(kp_border, 30) = 7, fatalities(kp_border, 30) = 3) > 5 is true",
    );
  });

  it("states both sides when comparing two functions", () => {
    expect(sentence("trust(pk, af) < trust(af, pk)")).toBe(
      "trust(pk, af) = 0.6235 < trust(af, pk) = 0.41 is false",
    );
  });

  it("evaluates both sides of and, so the log shows every value even when the left is false", () => {
    const e = explain(parseExpression("incidents(kp_border, 30) < 5 and trust(pk, af) > 0.5"), ctx);
    expect(e.value).toBe(false);
    expect(explainValues(e)).toEqual({ "incidents(kp_border, 30)": 7, "trust(pk, af)": 0.623456 });
  });

  it("keeps the value of every sub-expression in the tree", () => {
    const e = explain(parseExpression("(incidents(kp_border, 30) - 1) * 2 >= 12"), ctx);
    expect(e.text).toBe("(incidents(kp_border, 30) - 1) * 2 >= 12");
    const [product, twelve] = e.children;
    expect(product).toMatchObject({ text: "(incidents(kp_border, 30) - 1) * 2", value: 12 });
    expect(product!.children[0]).toMatchObject({ text: "incidents(kp_border, 30) - 1", value: 6 });
    expect(twelve).toMatchObject({ text: "12", value: 12 });
    expect(e.value).toBe(true);
  });

  it("explains a number expression as its value", () => {
    expect(sentence("flow(torkham, 7) * 2")).toBe("flow(torkham, 7) * 2 = 2469 (flow(torkham, 7) = 1235)");
  });

  it("rounds numbers for reading and spells out non-finite ones", () => {
    expect(formatValue(0.623456)).toBe("0.6235");
    expect(formatValue(7)).toBe("7");
    expect(formatValue(1234.56)).toBe("1235");
    expect(formatValue(Number.NaN)).toBe("undefined (0 ÷ 0)");
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe("infinity");
    expect(formatValue(true)).toBe("true");
  });

  it("refuses an expression that does not type-check", () => {
    expect(() => explain(parseExpression("trust(pk, af) and 3"), ctx)).toThrow(InputError);
  });
});
