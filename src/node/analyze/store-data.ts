/**
 * What the analyses need from an experiment store, read once: the plan, the futures' inputs as numbers
 * (the design rebuilt from the plan, so Morris and Saltelli get their layout), and each outcome per
 * lever combination ("policy") and future, averaged over the replications that succeeded.
 */
import { InputError, suggestName } from "../../core/errors/index.js";
import {
  designFutures,
  type Futures,
  leverCount,
  leverLabel,
  type Plan,
} from "../../core/experiment/index.js";
import { ExploreStore, quoteId } from "../explore/store.js";

export interface StoreData {
  path: string;
  plan: Plan;
  futures: Futures;
  /** Futures in the design; only those with at least one finished case count in the analyses. */
  futureCount: number;
  /** Lever combinations by label (a policy id when the only lever is one actor's policy). */
  policies: string[];
  /** Input names and, per input, one numeric value per future (category index for categories). */
  inputs: { names: string[]; columns: Float64Array[] };
  /** Cases stored, failed, and planned. */
  cases: { stored: number; failed: number; planned: number };
  /** outcome → policy → one value per future (NaN where no replication of it succeeded). */
  values(outcome: string, policy: string): Float64Array;
}

/** The label of the single lever combination of a store without levers. */
export const NO_LEVER = "(all)";

export async function readStoreData(path: string): Promise<StoreData> {
  const store = await ExploreStore.openExisting(path);
  try {
    const { plan } = store.meta;
    const futures = designFutures(plan);
    const n = futures.count;
    const labels = Array.from({ length: leverCount(plan) }, (_, i) => leverLabel(plan, i));
    const policies = labels.map((l) => (l === "" ? NO_LEVER : l));
    const columns = plan.inputs.map((_, i) => {
      const out = new Float64Array(n);
      for (let f = 0; f < n; f++) out[f] = futures.design.codes[f * plan.inputs.length + i]!;
      return out;
    });
    const table = new Map<string, Float64Array>();
    for (const o of plan.outcomes)
      for (const p of policies) table.set(`${o.name}\u0000${p}`, new Float64Array(n).fill(Number.NaN));
    if (plan.outcomes.length > 0) {
      const means = plan.outcomes.map((o) => `avg(${quoteId(o.name)})`).join(", ");
      const reader = await store.connection.runAndReadAll(
        `SELECT future, lever, ${means} FROM cases WHERE status = 'ok' GROUP BY future, lever`,
      );
      for (const row of reader.getRowsJS()) {
        const f = Number(row[0]);
        const p = String(row[1]) === "" ? NO_LEVER : String(row[1]);
        plan.outcomes.forEach((o, i) => {
          const v = row[2 + i];
          const column = table.get(`${o.name}\u0000${p}`);
          if (column && f >= 0 && f < n) column[f] = v === null || v === undefined ? Number.NaN : Number(v);
        });
      }
    }
    const summary = await store.summary();
    return {
      path,
      plan,
      futures,
      futureCount: n,
      policies,
      inputs: { names: plan.inputs.map((x) => x.name), columns },
      cases: { stored: summary.ok + summary.failed, failed: summary.failed, planned: store.meta.cases },
      values(outcome, policy) {
        const column = table.get(`${outcome}\u0000${policy}`);
        if (!column) throw new Error(`no values for ${outcome}[${policy}]`);
        return column;
      },
    };
  } finally {
    store.close();
  }
}

/**
 * The names asked for (default: all `known`), each checked against `known`: an unknown one is an
 * InputError naming the flag and the closest known name.
 */
export function chooseNames(
  known: readonly string[],
  names: readonly string[] | undefined,
  flag: string,
  what: { code: string; expected: string },
): string[] {
  if (!names || names.length === 0) return [...known];
  const issues = names
    .filter((name) => !known.includes(name))
    .map((name) => {
      const suggestion = suggestName(name, known);
      return {
        code: what.code,
        path: flag,
        expected: `${what.expected}: ${known.join(", ")}`,
        found: `"${name}"`,
        ...(suggestion ? { suggestion } : {}),
      };
    });
  if (issues.length > 0) throw new InputError(issues);
  return [...names];
}

/** The outcomes named (or, by default, every outcome the experiment records). */
export const chooseOutcomes = (data: StoreData, names: readonly string[] | undefined, flag = "--outcome") =>
  chooseNames(
    data.plan.outcomes.map((o) => o.name),
    names,
    flag,
    { code: "unknown-outcome", expected: "an outcome of the experiment" },
  );

/** The policies named (default: all of them). */
export const choosePolicies = (data: StoreData, names: readonly string[] | undefined, flag = "--policy") =>
  chooseNames(data.policies, names, flag, {
    code: "unknown-policy",
    expected: "a lever combination of the experiment",
  });
