/**
 * Daily series: one column per quantity, named `name`, `name.<id>` or `name.<a>.<b>` (docs/outputs.md).
 * Columns are fixed at the start of a run, so a day's record writes into preallocated arrays.
 */
import { RUNG_INDEX } from "../diplomacy/index.js";
import type { Series } from "./types.js";
import type { World } from "./world.js";

/**
 * A column reads either one cell of an array the world keeps for the whole run (most columns: a
 * plain indexed copy each day) or a computed value.
 */
type Column =
  | { name: string; array: Float64Array; index: number; read?: undefined }
  | { name: string; read: (w: World) => number };

function countPhases(world: World, counted: (phase: World["projectPhase"][number]) => boolean): number {
  let n = 0;
  for (const phase of world.projectPhase) if (counted(phase)) n++;
  return n;
}

/** Columns the outcomes are computed from (outcomes.ts): recorded whichever series a run keeps. */
const OUTCOME_COLUMN = /^(performance_pct$|queue\.|trust\.|dependence\.|hhi\.)/;

export class Recorder {
  /** The columns recorded, in output order. */
  readonly columns: Column[];
  readonly values: Float64Array[];
  /** Names of the columns the result keeps (`SimulationOptions.keepSeries`); undefined: all. */
  private readonly kept: Set<string> | undefined;
  // The day's record in two plain loops: cells copied from arrays, then the computed columns.
  private readonly cellSource: Float64Array[] = [];
  private readonly cellIndex: number[] = [];
  private readonly cellTarget: Float64Array[] = [];
  private readonly readers: ((w: World) => number)[] = [];
  private readonly readerTarget: Float64Array[] = [];
  /** The served share of potential trade value before any shock, for the performance column. */
  baselineShare = 1;

  constructor(
    world: World,
    readonly days: number,
    keep?: readonly string[],
  ) {
    const { scenario, crossingElement } = world.model;
    const na = scenario.actors.length;
    const all: Column[] = [];
    const add = (name: string, read: (w: World) => number) => all.push({ name, read });
    const cell = (name: string, array: Float64Array, index: number) => all.push({ name, array, index });
    add("trade.potential_usd", (w) => w.today.potential);
    add("trade.served_usd", (w) => w.today.served);
    add("trade.unserved_usd", (w) => w.today.unserved);
    add("trade.spoiled_usd", (w) => w.today.spoiled);
    add("trade.transport_cost_usd", (w) => w.transportCost);
    add("performance_pct", (w) => this.performance(w));
    add("queue.arrivals", (w) => w.today.queued);
    add("returns.people", (w) => w.today.returned);
    scenario.zones.forEach((z, i) => {
      cell(`incidents.${z.id}`, world.incidentsToday, i);
      cell(`fatalities.${z.id}`, world.fatalitiesToday, i);
    });
    scenario.crossings.forEach((c, i) => {
      cell(`flow.${c.id}`, world.crossingFlow, i);
      add(`open_share.${c.id}`, (w) => {
        if (!w.elementOpen(crossingElement[i]!)) return 0;
        return w.crossingHours[i]! / 24;
      });
      add(`queue.${c.id}`, (w) => w.queues.get(i)?.waiting ?? 0);
    });
    world.relations.forEach((r) => {
      const a = scenario.actors[r.a]!.id;
      const b = scenario.actors[r.b]!.id;
      cell(`trust.${a}.${b}`, world.trust, r.a * na + r.b);
      cell(`trust.${b}.${a}`, world.trust, r.b * na + r.a);
      add(`ladder.${a}.${b}`, () => RUNG_INDEX.get(r.ladder.rung)!);
    });
    const owners = new Set(world.model.entries.map((e) => e.owner).filter((o) => o >= 0));
    const states = scenario.actors.flatMap((a, i) => (a.kind === "state" ? [i] : []));
    for (const o of owners) {
      for (const s of states) {
        if (s === o) continue;
        cell(`dependence.${scenario.actors[o]!.id}.${scenario.actors[s]!.id}`, world.dependence, o * na + s);
      }
      cell(`hhi.${scenario.actors[o]!.id}`, world.herfindahl, o);
    }
    // Trade value by owner and by the states it crosses (USD/day at the current equilibrium): the
    // numerators and denominator of dependence, and the same for transit trade alone, so that a shift
    // of routes shows as values, not only as shares.
    const scratch = world.dependenceScratch;
    const transitOwners = new Set(world.model.entries.filter((e) => e.transitVia >= 0).map((e) => e.owner));
    for (const o of owners) {
      const id = scenario.actors[o]!.id;
      cell(`trade_usd.${id}`, scratch.routed, o);
      for (const s of states) {
        if (s !== o) cell(`via_usd.${id}.${scenario.actors[s]!.id}`, scratch.through, o * na + s);
      }
      if (!transitOwners.has(o)) continue;
      for (const s of states) {
        if (s !== o) cell(`transit_usd.${id}.${scenario.actors[s]!.id}`, scratch.transitThrough, o * na + s);
      }
    }
    for (const s of states) cell(`enforcement.${scenario.actors[s]!.id}`, world.enforcement, s);
    world.model.policies.forEach((p, i) => {
      if (p.programme) add(`stage.${scenario.actors[p.actor]!.id}`, (w) => w.programmeState[i]!.stage);
    });
    add("projects.declared", (w) => countPhases(w, (p) => p !== "unannounced"));
    add("projects.operational", (w) => countPhases(w, (p) => p === "operational"));
    if (keep !== undefined) {
      const names = new Set(all.map((c) => c.name));
      const unknown = keep.filter((name) => !names.has(name));
      if (unknown.length > 0)
        throw new Error(
          `keepSeries: no daily series named ${unknown.map((n) => `"${n}"`).join(", ")} (the columns are listed in docs/outputs.md)`,
        );
      this.kept = new Set(keep);
    }
    const kept = this.kept;
    this.columns = kept ? all.filter((c) => kept.has(c.name) || OUTCOME_COLUMN.test(c.name)) : all;
    this.values = this.columns.map(() => new Float64Array(days));
    this.columns.forEach((column, c) => {
      if (column.read === undefined) {
        this.cellSource.push(column.array);
        this.cellIndex.push(column.index);
        this.cellTarget.push(this.values[c]!);
      } else {
        this.readers.push(column.read);
        this.readerTarget.push(this.values[c]!);
      }
    });
  }

  performance(world: World): number {
    const { served, potential } = world.today;
    if (potential <= 0 || this.baselineShare <= 0) return 100;
    return Math.min(100, (100 * served) / potential / this.baselineShare);
  }

  record(world: World): void {
    const day = world.day;
    const { cellSource, cellIndex, cellTarget, readers, readerTarget } = this;
    for (let c = 0; c < cellSource.length; c++) cellTarget[c]![day] = cellSource[c]![cellIndex[c]!]!;
    for (let c = 0; c < readers.length; c++) readerTarget[c]![day] = readers[c]!(world);
  }

  /** A recorded column's values; throws for a column not recorded (a programming error). */
  column(name: string): Float64Array {
    const i = this.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new Error(`the daily series ${name} was not recorded`);
    return this.values[i]!;
  }

  /** The columns the run keeps, in output order. */
  series(dates: string[]): Series {
    const values: Record<string, Float64Array> = {};
    const columns: string[] = [];
    this.columns.forEach((c, i) => {
      if (this.kept && !this.kept.has(c.name)) return;
      values[c.name] = this.values[i]!;
      columns.push(c.name);
    });
    return { days: this.days, dates, columns, values };
  }
}
