/**
 * Runs the mechanisms of the hypotheses a scenario switches on: builds each active one's state before
 * day 0, calls its hooks after each daily step, books the incidents its baseline terms cause, and
 * collects its contributions for the outcomes. A hypothesis left out or at strength 0 is never
 * instantiated, so it draws no random number and leaves every modifier neutral.
 */
import { HYPOTHESES, type HypothesisKey } from "../scenario/index.js";
import {
  type ExplainedEvent,
  type Mechanism,
  type MechanismContext,
  PHASES,
  type Phase,
} from "./mechanism.js";
import { MECHANISMS } from "./mechanisms/index.js";
import { hawkesAmplification, ownBaseline } from "./queries.js";
import type { MechanismOutcome } from "./types.js";
import type { World } from "./world.js";

interface Active {
  mechanism: Mechanism;
  ctx: MechanismContext<HypothesisKey>;
  state: unknown;
  /** Incidents/day it adds per zone today (start phase). */
  added: Float64Array;
  addedToday: boolean;
  /** Running totals of the contributions it declared, by name (a plain object: cheaper than a Map daily). */
  contributions: Record<string, number>;
}

export interface MechanismRun {
  readonly active: readonly Active[];
  run(phase: Phase): void;
  /** Expected incidents from each zone's own baseline (before the mechanisms' terms), summed over days. */
  readonly baselineIncidents: { value: number };
  outcomes(): MechanismOutcome[];
}

export function startMechanisms(world: World): MechanismRun {
  const { hypotheses } = world.model.scenario;
  const nz = world.model.scenario.zones.length;
  const titles = new Map(HYPOTHESES.map((h) => [h.key, h.title]));
  const active: Active[] = [];
  for (const mechanism of MECHANISMS) {
    const entry = (hypotheses as Record<string, { strength: number; claim: string } | undefined>)[
      mechanism.key
    ];
    if (!entry || entry.strength === 0) continue;
    // Last value reported per slot (a small integer): a plain array, cheaper than a Map daily.
    const lastLogged: (number | undefined)[] = [];
    const item: Active = {
      mechanism,
      state: undefined,
      added: new Float64Array(nz),
      addedToday: false,
      contributions: Object.fromEntries(Object.keys(mechanism.contributions).map((name) => [name, 0])),
      ctx: undefined as never,
    };
    const explain = (event: ExplainedEvent) => {
      // A log that keeps nothing only numbers the event: its cause and values would never be read.
      if (!world.log.keep) return world.log.number();
      const { why, ...rest } = event;
      return world.record({
        ...rest,
        cause: `hypothesis ${mechanism.key} (${titles.get(mechanism.key)})${why ? `: ${why}` : ""}`,
        values: { [`strength(${mechanism.key})`]: entry.strength, ...event.values },
      });
    };
    item.ctx = {
      world,
      key: mechanism.key,
      strength: entry.strength,
      entry: entry as never,
      random: world.stream(`mechanism/${mechanism.key}`),
      addBaseline(zone, perDay) {
        item.added[zone]! += perDay;
        item.addedToday = true;
        world.modifiers.baselineAdd[zone]! += perDay;
      },
      contribute(name, amount) {
        const total = item.contributions[name];
        if (total === undefined)
          throw new Error(`mechanism ${mechanism.key} reports undeclared contribution ${name}`);
        item.contributions[name] = total + amount;
      },
      totals: item.contributions,
      explain,
      movedSince(slot, value, initial, threshold) {
        const before = lastLogged[slot] ?? initial;
        if (Math.abs(value - before) < threshold) return undefined;
        lastLogged[slot] = value;
        return before;
      },
    };
    item.state = mechanism.init(world, entry as never);
    active.push(item);
  }
  const baselineIncidents = { value: 0 };
  // Per phase, only the mechanisms with a hook there, as parallel arrays looked up once (not every
  // day); and those whose `incidents` contribution the runner books.
  type Hook = (ctx: Active["ctx"], state: unknown) => void;
  // A Map: the phase name varies at the one lookup in run(), where an object's keyed read is slow.
  const byPhase = new Map<Phase, { hooks: Hook[]; items: Active[] }>(
    PHASES.map((phase) => {
      const items = active.filter((item) => item.mechanism.hooks[phase] !== undefined);
      return [phase, { hooks: items.map((item) => item.mechanism.hooks[phase] as Hook), items }];
    }),
  );
  const booked = active.filter((a) => "incidents" in a.contributions);
  // The Hawkes cluster size of each zone depends on the scenario only.
  const amplification = Float64Array.from({ length: nz }, (_, z) => hawkesAmplification(world, z));
  return {
    active,
    baselineIncidents,
    run(phase) {
      if (phase === "start") {
        // A loop over the few zones: cheaper than a call of fill() a day.
        const { baselineAdd } = world.modifiers;
        for (let z = 0; z < nz; z++) baselineAdd[z] = 0;
        for (const a of active) {
          if (a.addedToday) for (let z = 0; z < nz; z++) a.added[z] = 0;
          a.addedToday = false;
        }
      }
      const { hooks, items } = byPhase.get(phase)!;
      for (let i = 0; i < hooks.length; i++) hooks[i]!(items[i]!.ctx, items[i]!.state);
      if (phase !== "incidents") return;
      // The day's incidents are drawn: book what each source of baseline is expected to cause.
      for (let z = 0; z < nz; z++) {
        const gain = world.zoneScale[z]! * amplification[z]!;
        baselineIncidents.value += ownBaseline(world, z) * gain;
        for (const a of booked) {
          if (a.addedToday && a.added[z] !== 0) a.contributions.incidents! += a.added[z]! * gain;
        }
      }
    },
    outcomes() {
      return active.map((a) => ({
        hypothesis: a.mechanism.key,
        title: titles.get(a.mechanism.key) ?? a.mechanism.key,
        strength: a.ctx.strength,
        claim: (a.ctx.entry as { claim: string }).claim,
        contributions: { ...a.contributions },
      }));
    },
  };
}
