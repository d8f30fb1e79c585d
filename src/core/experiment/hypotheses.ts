/**
 * Every hypothesis of the debate, present in the scenario or not, as an input of exploration. A
 * hypothesis the scenario leaves out is added with strength 0 and its mechanism's default parameters,
 * which changes nothing (strength 0 switches a mechanism off exactly); its strength can then be sampled
 * like any assumption. Its range: the scenario's assumption range where one is given, else the
 * hypothesis's whole domain.
 */
import {
  HYPOTHESES,
  hypothesisEntrySchema,
  resolveParameters,
  type Scenario,
  type ScenarioParameter,
} from "../scenario/index.js";

export function completeHypotheses(
  scenario: Scenario,
  parameters: ScenarioParameter[],
): { scenario: Scenario; parameters: ScenarioParameter[] } {
  const present = (scenario.hypotheses ?? {}) as Record<string, unknown>;
  const added: Record<string, unknown> = {};
  const extra: ScenarioParameter[] = [];
  const widened = parameters.map((p) => {
    const key = /^hypotheses\.([A-Za-z0-9_]+)\.strength$/.exec(p.path)?.[1];
    const spec = key && HYPOTHESES.find((h) => h.key === key);
    return spec && !(p.range && p.range[0] < p.range[1]) ? { ...p, range: spec.domain } : p;
  });
  for (const spec of HYPOTHESES) {
    if (present[spec.key] !== undefined) continue;
    const parsed = hypothesisEntrySchema(spec).parse({ strength: 0 });
    added[spec.key] = resolveParameters(parsed).value;
    extra.push({ path: `hypotheses.${spec.key}.strength`, value: 0, kind: "default", range: spec.domain });
  }
  if (extra.length === 0) return { scenario, parameters: widened };
  return {
    scenario: { ...scenario, hypotheses: { ...present, ...added } as Scenario["hypotheses"] },
    parameters: [...widened, ...extra],
  };
}
