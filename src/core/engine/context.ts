/**
 * How policy conditions read the world: the engine side of the policy language's function table.
 * Ids arrive already resolved to indices (see `idResolver` in model.ts). Look-back windows end
 * today for incidents (already drawn when policies run) and yesterday for flows and closures.
 */
import { RUNGS } from "../diplomacy/index.js";
import type { Arg, EvaluationContext } from "../policy-language/index.js";
import type { World } from "./world.js";

type Reader = (world: World, args: readonly Arg[]) => number;

const n = (arg: Arg | undefined) => arg as number;

const readers: Record<string, Reader> = {
  incidents: (w, [zone, days]) => w.incidents[n(zone)]!.sum(w.day + 1, n(days)),
  fatalities: (w, [zone, days]) => w.fatalities[n(zone)]!.sum(w.day + 1, n(days)),
  trust: (w, [a, b]) => w.trustOf(n(a), n(b)),
  dependence: (w, [a, b]) => w.dependence[n(a) * w.model.scenario.actors.length + n(b)]!,
  closed_days: (w, [crossing, days]) => w.closedHistory[n(crossing)]!.sum(w.day, n(days)),
  flow: (w, [crossing, days]) => {
    const window = Math.min(n(days), w.day);
    return window === 0 ? 0 : w.flowHistory[n(crossing)]!.sum(w.day, window) / window;
  },
  stage: (w, [actor]) => {
    const policy = w.model.actorPolicy[n(actor)]!;
    return policy < 0 ? 0 : w.programmeState[policy]!.stage;
  },
  ladder: (w, [a, b]) => {
    const relation = w.relation(n(a), n(b));
    return relation ? RUNGS.indexOf(relation.ladder.rung) : 0;
  },
  enforcement: (w, [actor]) => w.enforcement[n(actor)]!,
  day: (w) => w.day,
};

export function evaluationContext(world: World): EvaluationContext {
  return {
    call(name, args) {
      const reader = readers[name];
      if (!reader) throw new Error(`no engine reader for policy function ${name}`);
      return reader(world, args);
    },
  };
}
