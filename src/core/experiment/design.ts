/**
 * The futures of an experiment: its inputs as the parameters of a design (src/core/explore), drawn
 * by the chosen sampler from the master seed, with order constraints applied. Row f of the design is
 * future f; the analyses read outcomes in this order (Saltelli groups, Morris trajectories).
 */
import { InputError, type InputIssue } from "../errors/index.js";
import {
  buildDesign,
  type CategoryValue,
  caseInputs,
  checkDesign,
  type Design,
  type DesignSpec,
  type Distribution,
  type SamplerSpec,
} from "../explore/index.js";
import type { Plan } from "./plan.js";

export type InputValue = CategoryValue;

const LONG: Record<string, SamplerSpec["kind"]> = {
  mc: "monte-carlo",
  "monte-carlo": "monte-carlo",
  lhs: "latin-hypercube",
  "latin-hypercube": "latin-hypercube",
  sobol: "sobol",
  saltelli: "saltelli",
  morris: "morris",
  factorial: "full-factorial",
  "full-factorial": "full-factorial",
};

export function samplerSpec(sampler: Plan["sampler"]): SamplerSpec {
  const kind = LONG[sampler.method]!;
  if (kind === "morris")
    return {
      kind,
      trajectories: sampler.size,
      ...(sampler.levels === undefined ? {} : { levels: sampler.levels }),
    };
  if (kind === "full-factorial")
    return { kind, ...(sampler.levels === undefined ? {} : { levels: sampler.levels }) };
  return { kind, size: sampler.size };
}

export function designSpec(plan: Plan): DesignSpec {
  return {
    // The experiment schema's distributions are the design's (optional fields absent, not undefined).
    parameters: plan.inputs.map((x) => ({ name: x.name, distribution: x.distribution as Distribution })),
    constraints: plan.constraints,
    sampler: samplerSpec(plan.sampler),
    seed: plan.seed,
  };
}

/** Issues of the design, with paths of the experiment file (uncertainties[i], sampler.size, constraints[i]). */
export function checkExperimentDesign(plan: Plan, file?: string, explicitInputs = true): InputIssue[] {
  return checkDesign(designSpec(plan)).map((issue) => {
    const path = issue.path?.replace(/^parameters\[(\d+)\]/, (_, i: string) =>
      explicitInputs ? `uncertainties[${i}]` : `input ${plan.inputs[Number(i)]?.name ?? i}`,
    );
    return { ...issue, ...(file === undefined ? {} : { file }), ...(path === undefined ? {} : { path }) };
  });
}

export interface Futures {
  design: Design;
  count: number;
  /** The input values of future `f`, in plan order (decoded on demand, so memory stays small). */
  row(f: number): InputValue[];
}

/** Builds the design; throws one InputError if the sampler cannot use it (e.g. a Saltelli size). */
export function designFutures(plan: Plan, file?: string, explicitInputs = true): Futures {
  const issues = checkExperimentDesign(plan, file, explicitInputs);
  if (issues.length > 0) throw new InputError(issues);
  const design = buildDesign(designSpec(plan));
  return {
    design,
    count: design.rows,
    row(f) {
      const values = caseInputs(design, f);
      return plan.inputs.map((x) => values[x.name]!);
    },
  };
}
