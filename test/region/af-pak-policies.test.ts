/**
 * The built-in region under each of Pakistan's policies, ten years from 1 January 2026: plausible
 * behaviour, not fitted numbers.
 */
import { describe, expect, it } from "vitest";
import { type SimulationResult, simulate } from "../../src/core/engine/index.js";
import type { Expr } from "../../src/core/policy-language/ast.js";
import { parseActions, parseRule, parseTimedCondition } from "../../src/core/policy-language/index.js";
import type { Scenario } from "../../src/core/scenario/index.js";
import { BASE, loadRegion } from "./load-region.js";

const { scenario } = loadRegion(BASE);
const runs = new Map<string, SimulationResult>();
function run(policy: string, seed = 1): SimulationResult {
  const key = `${policy}/${seed}`;
  if (!runs.has(key)) runs.set(key, simulate(scenario, { seed, policies: [policy] }));
  return runs.get(key)!;
}
const share = (values: Float64Array, test: (x: number) => boolean) =>
  values.reduce((n, x) => n + (test(x) ? 1 : 0), 0) / values.length;
const crossing = (r: SimulationResult, id: string) => r.outcomes.crossings.find((c) => c.id === id)!;

describe("Pakistan's policies in the built-in region", () => {
  it("open-now reopens Torkham and Chaman on the first day and keeps them open", () => {
    const r = run("open-now");
    for (const id of ["torkham", "chaman"]) {
      const open = r.series.values[`open_share.${id}`]!;
      expect(open[0], id).toBe(1);
      expect(
        share(open, (x) => x > 0),
        id,
      ).toBeGreaterThan(0.95);
    }
    expect(r.outcomes.peopleReturned).toBe(0);
    expect(r.outcomes.coercion.attempts).toBe(0);
  });

  it("coercive keeps the record's closure, returns Afghans and has its coercion judged", () => {
    const r = run("coercive");
    const torkham = crossing(r, "torkham");
    // Closed at the start (as since October 2025), reopened after a quieter spell, closed again after deadly weeks.
    expect(r.series.values["open_share.torkham"]![0]).toBe(0);
    expect(torkham.closedDays).toBeGreaterThan(60);
    expect(torkham.closedDays).toBeLessThan(r.outcomes.days / 2);
    expect(r.outcomes.peopleReturned).toBeGreaterThan(1e6);
    expect(r.outcomes.coercion.complied + r.outcomes.coercion.defied).toBeGreaterThan(0);
    const closures = r.events.filter((e) => e.kind === "policy-action" && e.text === "pk: close(torkham)");
    expect(closures.length).toBeGreaterThan(1);
  });

  it("phased-conditional enters its first stage only after a month below the benchmark", () => {
    const r = run("phased-conditional");
    const stage = r.series.values["stage.pk"]!;
    const deaths = r.series.values["fatalities.kp_border"]!;
    const first = stage.findIndex((x) => x >= 1);
    expect(first).toBeGreaterThan(0);
    // Enter: fatalities(kp_border, 30) < 45 for 30 days (windows are clipped at the start).
    for (let d = first - 29; d <= first; d++) {
      let sum = 0;
      for (let k = Math.max(0, d - 29); k <= d; k++) sum += deaths[k]!;
      expect(sum, `day ${d}`).toBeLessThan(45);
    }
    expect(r.series.values["open_share.torkham"]![first]).toBe(0.5);
  });

  it("mediated-cbm brings in the monitors and Kabul's trust in Pakistan rises", () => {
    const r = run("mediated-cbm");
    const invited = r.events.filter(
      (e) => e.kind === "policy-action" && e.text.startsWith("pk: invite_monitor"),
    );
    expect(invited.length).toBeGreaterThanOrEqual(3);
    const pair = r.outcomes.pairs.find((p) => p.a === "pk" && p.b === "af")!;
    expect(pair.trustBAEnd).toBeGreaterThan(pair.trustBAStart);
  });

  it("Afghanistan invests in routes through Iran and Central Asia when the Pakistani crossings stay shut", () => {
    const r = run("coercive");
    const invest = r.events.filter(
      (e) => e.kind === "policy-action" && e.text.startsWith("af: invest_route"),
    );
    expect(invest.map((e) => e.text)).toEqual(expect.arrayContaining(["af: invest_route(ir, 40000000)"]));
    expect(r.events.some((e) => e.kind === "capacity-added")).toBe(true);
  });

  it("sends Afghan transit through the Iranian ports while the Pakistani crossings are closed", () => {
    // No policies: the crossings stay as the file has them (closed), transit is not suspended, and
    // (no events) Pakistan's transit curbs are lifted, so only the closure differs between the two.
    const closed: Scenario = {
      ...scenario,
      events: [],
      actors: scenario.actors.map(({ policy: _, ...a }) => a),
    };
    const open: Scenario = { ...closed, crossings: closed.crossings.map((c) => ({ ...c, status: "open" })) };
    const seaFlow = (s: Scenario, port: string) => {
      const r = simulate(s, { seed: 1, days: 5 });
      return r.flows.links.filter((l) => l.id === `sea_${port}`).reduce((sum, l) => sum + l.meanFlow, 0);
    };
    expect(seaFlow(closed, "chabahar") + seaFlow(closed, "bandar_abbas")).toBeGreaterThan(
      2 * (seaFlow(open, "chabahar") + seaFlow(open, "bandar_abbas")) + 50,
    );
    expect(seaFlow(open, "karachi")).toBeGreaterThan(seaFlow(closed, "karachi") + 100);
  });

  it("sends Afghan transit through the Iranian ports with every crossing open while the curbs are in force at the start", () => {
    const open: Scenario = {
      ...scenario,
      actors: scenario.actors.map(({ policy: _, ...a }) => a),
      crossings: scenario.crossings.map((c) => ({ ...c, status: "open" })),
    };
    const seaFlow = (s: Scenario, port: string) => {
      const r = simulate(s, { seed: 1, days: 5 });
      return r.flows.links.filter((l) => l.id === `sea_${port}`).reduce((sum, l) => sum + l.meanFlow, 0);
    };
    const lifted: Scenario = { ...open, levers: { ...open.levers, transit_curbs_2025: 0 } };
    const iran = (s: Scenario) => seaFlow(s, "chabahar") + seaFlow(s, "bandar_abbas");
    expect(iran(open)).toBeGreaterThan(iran(lifted) + 50);
    expect(seaFlow(lifted, "karachi")).toBeGreaterThan(seaFlow(open, "karachi") + 50);
  });
});

describe("the built-in policies' levers", () => {
  /** Numbers written in policy text (0 in `day() == 0` is when, not how much, and is allowed). */
  const literals = (text: string): number[] => {
    const out: number[] = [];
    const visit = (n: Expr): void => {
      if (n.kind === "number") out.push(n.value);
      else if (n.kind === "unary") visit(n.operand);
      else if (n.kind === "binary") {
        visit(n.left);
        visit(n.right);
      } else if (n.kind === "call") for (const a of n.args) visit(a);
    };
    const timed = (t: { condition: Expr; forDaysName?: unknown; forDays: number }) => {
      visit(t.condition);
      if (!t.forDaysName && t.forDays !== 1) out.push(t.forDays);
    };
    if (text.startsWith("when")) {
      const rule = parseRule(text);
      timed(rule);
      for (const a of rule.actions) visit(a);
    } else if (/^[a-z_]+\(/.test(text) && !/[<>=]/.test(text)) {
      for (const a of parseActions(text)) visit(a);
    } else timed(parseTimedCondition(text));
    return out;
  };

  it("write every behaviour-setting number as a named lever with a source or a range", () => {
    const found: string[] = [];
    for (const p of scenario.policies) {
      const texts = [
        ...p.rules,
        ...(p.programme?.stages ?? []).flatMap((s) => [
          s.enter,
          ...(s.exit ? [s.exit] : []),
          ...s.actions,
          ...s.exitActions,
        ]),
      ];
      for (const t of texts) for (const x of literals(t)) if (x !== 0) found.push(`${p.id}: ${x} in "${t}"`);
    }
    expect(found).toEqual([]);
    const { parameters } = loadRegion(BASE);
    const levers = parameters.filter((x) => x.path.startsWith("levers."));
    expect(levers.length).toBeGreaterThan(20);
    for (const l of levers)
      expect(l.kind === "cited" || (l.kind === "assumed" && l.range), l.path).toBeTruthy();
  });

  it("stop returns at the returnable population, which exploration can move", () => {
    const r = run("coercive");
    const cap = scenario.levers["returnable_people"]!;
    expect(r.outcomes.peopleReturned).toBeLessThanOrEqual(cap + scenario.levers["return_rate"]!);
    const fewer = simulate(
      { ...scenario, levers: { ...scenario.levers, returnable_people: 1_300_000 } },
      { seed: 1, policies: ["coercive"] },
    );
    expect(fewer.outcomes.peopleReturned).toBeLessThan(r.outcomes.peopleReturned);
    expect(fewer.outcomes.peopleReturned).toBeLessThanOrEqual(1_300_000 + 2500);
  });
});
