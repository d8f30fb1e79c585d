import { describe, expect, it } from "vitest";
import { InputError } from "../errors/index.js";
import { checkExpression } from "./check.js";
import { compileAction, compileCondition, compileExpression, type EvaluationContext } from "./compile.js";
import { explain } from "./explain.js";
import { parseExpression } from "./parser.js";
import { parseActions } from "./rules.js";
import { type Arg, DEFAULT_LANGUAGE, type Language } from "./tables.js";

/** A context answering calls from a table keyed `name(arg, arg)`, recording what it was asked. */
function world(values: Record<string, number | boolean>) {
  const asked: string[] = [];
  const arrays: (readonly Arg[])[] = [];
  const ctx: EvaluationContext = {
    call(name, args) {
      const key = `${name}(${args.join(", ")})`;
      asked.push(key);
      arrays.push(args);
      const value = values[key];
      if (value === undefined) throw new Error(`the test world has no value for ${key}`);
      return value;
    },
  };
  return { ctx, asked, arrays };
}

const run = (text: string, values: Record<string, number | boolean>) =>
  compileExpression(parseExpression(text))(world(values).ctx);

describe("compiled expressions evaluated against a context", () => {
  it("compares a function's value with a threshold", () => {
    expect(run("incidents(kp_border, 30) < 5", { "incidents(kp_border, 30)": 3 })).toBe(true);
    expect(run("incidents(kp_border, 30) < 5", { "incidents(kp_border, 30)": 7 })).toBe(false);
    expect(run("incidents(kp_border, 30) < 5", { "incidents(kp_border, 30)": 5 })).toBe(false);
    expect(run("incidents(kp_border, 30) <= 5", { "incidents(kp_border, 30)": 5 })).toBe(true);
  });

  it("passes ids as written (quoted or not) and windows as numbers", () => {
    const w = world({ "incidents(spin-boldak, 30)": 1, "trust(pk, af)": 0.6 });
    const f = compileExpression(parseExpression('incidents("spin-boldak", 30) == 1 and trust(pk, af) > 0.5'));
    expect(f(w.ctx)).toBe(true);
    expect(w.asked).toEqual(["incidents(spin-boldak, 30)", "trust(pk, af)"]);
    expect(w.arrays[0]).toEqual(["spin-boldak", 30]);
  });

  it("reuses the same argument array on every evaluation instead of allocating one", () => {
    const w = world({ "trust(pk, af)": 0.6 });
    const f = compileExpression(parseExpression("trust(pk, af) > 0.5"));
    f(w.ctx);
    f(w.ctx);
    expect(w.arrays[0]).toBe(w.arrays[1]);
  });

  it("hands the context resolved ids when given resolveId", () => {
    const index: Record<string, number> = { kp_border: 4, pk: 0, af: 1 };
    const w = world({ "incidents(4, 30)": 2, "trust(0, 1)": 0.2 });
    const f = compileExpression(
      parseExpression("incidents(kp_border, 30) > 1 and trust(pk, af) < 0.5"),
      DEFAULT_LANGUAGE,
      {
        resolveId: (_kind, id) => index[id]!,
      },
    );
    expect(f(w.ctx)).toBe(true);
    expect(w.asked).toEqual(["incidents(4, 30)", "trust(0, 1)"]);
  });

  it("short-circuits and/or, skipping the calls on the right", () => {
    const w = world({ "incidents(kp, 30)": 9 });
    expect(compileExpression(parseExpression("incidents(kp, 30) < 5 and trust(pk, af) > 0.5"))(w.ctx)).toBe(
      false,
    );
    expect(compileExpression(parseExpression("incidents(kp, 30) > 5 or trust(pk, af) > 0.5"))(w.ctx)).toBe(
      true,
    );
    expect(w.asked).toEqual(["incidents(kp, 30)", "incidents(kp, 30)"]);
  });

  it("folds sub-expressions that read nothing, so evaluating them never calls the context", () => {
    const w = world({});
    expect(compileExpression(parseExpression("1 + 2 * 3 == 7 and max(2, abs(-5)) == 5"))(w.ctx)).toBe(true);
    expect(w.asked).toEqual([]);
  });

  it("computes min, max and abs itself and asks the context only for state", () => {
    const values = { "trust(pk, af)": 0.7, "trust(af, pk)": 0.3 };
    expect(run("min(trust(pk, af), trust(af, pk))", values)).toBe(0.3);
    expect(run("max(trust(pk, af), trust(af, pk))", values)).toBe(0.7);
    expect(run("abs(trust(af, pk) - trust(pk, af))", values)).toBeCloseTo(0.4, 15);
  });

  it("compares ladder levels with the rung names", () => {
    expect(run("ladder(pk, af) == strikes", { "ladder(pk, af)": 3 })).toBe(true);
    expect(run("ladder(pk, af) >= clashes", { "ladder(pk, af)": 3 })).toBe(false);
    expect(run("ladder(pk, af) <= tension", { "ladder(pk, af)": 1 })).toBe(true); // a ceasefire is below tension
    expect(run("ladder(pk, af) != normal", { "ladder(pk, af)": 0 })).toBe(false);
  });

  it("calls day() with no arguments", () => {
    expect(run("day() >= 365", { "day()": 400 })).toBe(true);
  });

  it("follows IEEE arithmetic at run time: 0 / 0 compares false both ways", () => {
    const values = { "incidents(a, 30)": 0, "incidents(b, 30)": 0 };
    expect(run("incidents(a, 30) / incidents(b, 30) > 1", values)).toBe(false);
    expect(run("incidents(a, 30) / incidents(b, 30) <= 1", values)).toBe(false);
  });

  it("refuses to compile an expression that does not type-check", () => {
    expect(() => compileExpression(parseExpression("incidnets(kp, 30) < 5"))).toThrow(InputError);
    expect(() => compileCondition(parseExpression("trust(pk, af)"))).toThrow(/expected a true\/false value/);
    expect(
      compileCondition(parseExpression("trust(pk, af) > 0.5"))(world({ "trust(pk, af)": 0.9 }).ctx),
    ).toBe(true);
  });
});

describe("extending the language", () => {
  const language: Language = {
    ...DEFAULT_LANGUAGE,
    functions: {
      ...DEFAULT_LANGUAGE.functions,
      rainfall: {
        params: [{ name: "zone", kind: "zone" }],
        result: "number",
        unit: "mm",
        description: "rain today",
      },
      above: {
        params: [
          { name: "x", kind: "number" },
          { name: "y", kind: "number" },
        ],
        result: "boolean",
        description: "x > y",
        implementation: (args) => (args[0] as number) > (args[1] as number),
      },
    },
  };

  it("checks, compiles and explains a function added as one table entry", () => {
    const ast = parseExpression("rainfall(kp_border) > 20 and above(rainfall(kp_border), 30)");
    expect(checkExpression(ast, { zones: ["kp_border"] }, { language })).toEqual([]);
    expect(checkExpression(ast, { zones: ["kp"] }, { language })).toMatchObject([
      { code: "unknown-id" },
      { code: "unknown-id" },
    ]);
    const w = world({ "rainfall(kp_border)": 25 });
    expect(compileExpression(ast, language)(w.ctx)).toBe(false);
    expect(explain(ast, w.ctx, language).value).toBe(false);
  });

  it("fills computed arguments into a reused array", () => {
    const w = world({ "rainfall(kp_border)": 40 });
    const f = compileExpression(parseExpression("above(rainfall(kp_border) * 2, 70)"), language);
    expect(f(w.ctx)).toBe(true);
    expect(f(world({ "rainfall(kp_border)": 30 }).ctx)).toBe(false);
  });
});

describe("compiled actions", () => {
  it("gives ids as written and evaluates number arguments when the action fires", () => {
    const [deport, open] = parseActions("deport(af, flow(torkham, 7) * 2); open(torkham)").map((a) =>
      compileAction(a),
    );
    const w = world({ "flow(torkham, 7)": 150 });
    expect(deport!.name).toBe("deport");
    expect(deport!.args(w.ctx)).toEqual(["af", 300]);
    expect(open!.args(w.ctx)).toEqual(["torkham"]);
  });

  it("refuses an unknown action", () => {
    expect(() => compileAction(parseActions("opne(torkham)")[0]!)).toThrow(InputError);
  });
});
