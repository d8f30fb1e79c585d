/**
 * A hypothesis of the debate as the scenario format sees it: a named causal claim with a strength
 * (cited or an assumption with a range, like every number) and its mechanism's own parameters. The
 * engine's mechanism of the same key (src/core/engine/mechanisms/) reads them; strength 0 switches the
 * mechanism off exactly, as does leaving the hypothesis out.
 */
import { z } from "zod";
import type { PathKey } from "../param.js";
import { param } from "../param.js";
import type { Entry } from "../raw.js";

/** Kinds of scenario entries a hypothesis parameter may name; checked after parsing like any reference. */
export type ReferenceKind = "zone" | "actor" | "actant" | "crossing";

/** One id a hypothesis names, found in the raw entry: where it sits (below the entry) and what it is. */
export interface HypothesisReference {
  path: PathKey[];
  kind: ReferenceKind;
  value: unknown;
}

export interface HypothesisSpec<S extends z.core.$ZodLooseShape = z.core.$ZodLooseShape> {
  /** Key of the hypothesis in the `hypotheses` section, camelCase. */
  key: string;
  /** Short title for tables and docs. */
  title: string;
  /** The sentence of the debate the hypothesis formalises (default of the entry's `claim`). */
  claim: string;
  /** Allowed strengths [low, high]; must contain 0 (off). A negative low end lets the effect reverse. */
  domain: readonly [number, number];
  /** What strength 1 means, for the docs and the JSON Schema. */
  strengthMeaning: string;
  /** Mechanism-specific parameters; every one has a default so an entry may give the strength alone. */
  params: S;
  /** Ids the entry names (zones, actors …), read from the raw entry for the reference check. */
  references?: (entry: Entry) => HypothesisReference[];
}

/** Declares a hypothesis (the identity function, for type inference of its parameters). */
export function defineHypothesis<S extends z.core.$ZodLooseShape>(
  spec: HypothesisSpec<S>,
): HypothesisSpec<S> {
  if (!(spec.domain[0] <= 0 && spec.domain[1] >= 0))
    throw new Error(`hypothesis ${spec.key}: strength domain must contain 0`);
  return spec;
}

/** The schema of one entry of the `hypotheses` section: strength, claim, and the mechanism's parameters. */
export function hypothesisEntrySchema<S extends z.core.$ZodLooseShape>(spec: HypothesisSpec<S>) {
  const [lo, hi] = spec.domain;
  return z
    .strictObject({
      strength: param(z.number().min(lo).max(hi)).describe(
        `Strength of the hypothesis in [${lo}, ${hi}]; 0 switches its mechanism off exactly. ${spec.strengthMeaning}`,
      ),
      claim: z
        .string()
        .default(spec.claim)
        .describe("The sentence of the debate this hypothesis formalises (shown in reports)."),
      ...spec.params,
    })
    .meta({ title: spec.title, description: spec.claim });
}

export type HypothesisEntrySchema<S extends z.core.$ZodLooseShape> = ReturnType<
  typeof hypothesisEntrySchema<S>
>;
