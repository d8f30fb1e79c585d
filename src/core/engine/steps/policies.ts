/**
 * Policies: every actor's programme and rules are evaluated against the same state of the day, then
 * the actions they (and the day's forced events) call for are carried out, each logged with the rule
 * or stage that fired it and the values that made it fire.
 */
import {
  type Arg,
  type CompiledAction,
  DEFAULT_LANGUAGE,
  type Expr,
  explain,
  explainValues,
  stepProgramme,
  stepStreak,
} from "../../policy-language/index.js";
import { ACTION_HANDLERS } from "../actions.js";
import { evaluationContext } from "../context.js";
import type { EventValue } from "../events.js";
import type { World } from "../world.js";

interface Pending {
  actor: number;
  action: CompiledAction;
  cause: string;
  values: Record<string, EventValue>;
  parent?: number;
}

/** Writes an action with ids, e.g. `close(torkham)`, from resolved arguments. */
export function actionText(world: World, action: CompiledAction, args: readonly Arg[]): string {
  const spec = DEFAULT_LANGUAGE.actions[action.name]!;
  const parts = args.map((arg, i) => {
    const kind = spec.params[i]!.kind;
    return kind === "number"
      ? String(Number((arg as number).toPrecision(6)))
      : world.model.ids.idOf(kind, arg);
  });
  return `${action.name}(${parts.join(", ")})`;
}

/**
 * What an action is aimed at, for the event's `target`: its first argument that names something (an
 * actor, crossing, zone or project) rather than a number; undefined for an action on numbers only.
 */
export function actionTarget(world: World, action: CompiledAction, args: readonly Arg[]): string | undefined {
  const spec = DEFAULT_LANGUAGE.actions[action.name]!;
  const i = spec.params.findIndex((param) => param.kind !== "number");
  return i < 0 || args[i] === undefined ? undefined : world.model.ids.idOf(spec.params[i]!.kind, args[i]!);
}

function valuesOf(world: World, condition: Expr, source: string): Record<string, EventValue> {
  const explanation = explain(condition, evaluationContext(world), world.model.language, {
    resolveId: world.model.ids.resolveId,
    source,
  });
  return explainValues(explanation) as Record<string, EventValue>;
}

export function policiesStep(world: World): void {
  const ctx = evaluationContext(world);
  const pending: Pending[] = [];
  const policies = world.model.policies;
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p]!;
    if (policy.programme) {
      const actorId = world.actorId(policy.actor);
      const before = world.programmeState[p]!;
      const step = stepProgramme(policy.programme, before, ctx);
      world.programmeState[p] = step.state;
      if (step.move !== "stay") {
        const stageIndex = step.move === "advance" ? before.stage : before.stage - 1;
        const stage = policy.programme.stages[stageIndex]!;
        const conditions = policy.stageConditions[stageIndex]!;
        const condition = step.move === "advance" ? conditions.enter : conditions.exit!;
        const source = step.move === "advance" ? conditions.enterSource : conditions.exitSource!;
        const values = valuesOf(world, condition, source);
        const staged = world.record({
          kind: "stage",
          actor: actorId,
          cause: `${policy.id}: stage "${stage.name}" ${step.move === "advance" ? "enter" : "exit"} when ${source}`,
          values,
          text:
            step.move === "advance"
              ? `${actorId} moved to stage ${step.state.stage} ("${stage.name}") of ${policy.id}`
              : `${actorId} fell back from stage "${stage.name}" of ${policy.id} to stage ${step.state.stage}`,
        });
        for (const action of step.actions) {
          pending.push({
            actor: policy.actor,
            action,
            cause: `${policy.id}: stage "${stage.name}"`,
            values,
            parent: staged,
          });
        }
      }
    }
    const streaks = world.ruleStreaks[p]!;
    for (let r = 0; r < policy.rules.length; r++) {
      const rule = policy.rules[r]!;
      const { streak, fires } = stepStreak(streaks[r]!, rule.condition(ctx), rule.forDays);
      streaks[r] = streak;
      if (!fires) continue;
      const values = valuesOf(world, rule.rule.condition, rule.rule.source);
      for (const action of rule.actions) {
        pending.push({ actor: policy.actor, action, cause: `${policy.id}: ${rule.rule.source}`, values });
      }
    }
  }
  for (const event of world.model.events) {
    if (event.day !== world.day) continue;
    for (const action of event.actions) {
      pending.push({
        actor: event.actor,
        action,
        cause: `forced event: ${event.note}${event.source ? ` (${event.source})` : ""}`,
        values: {},
      });
    }
  }
  for (const item of pending) {
    // Only forced events can lack an actor, and the scenario checker rejects an event without one whose
    // action declares `needsActor`; this guard keeps a model built without that check from acting as no one.
    if (item.actor < 0 && DEFAULT_LANGUAGE.actions[item.action.name]!.needsActor) {
      throw new Error(`${item.action.name} needs an acting actor; the scenario check should have said so`);
    }
    const args = item.action.args(ctx);
    const text = actionText(world, item.action, args);
    const target = actionTarget(world, item.action, args);
    const logged = world.record({
      kind: "policy-action",
      ...(item.actor >= 0 ? { actor: world.actorId(item.actor) } : {}),
      ...(target === undefined ? {} : { target }),
      cause: item.cause,
      values: item.values,
      text: `${item.actor >= 0 ? world.actorId(item.actor) : "(forced)"}: ${text}`,
      ...(item.parent === undefined ? {} : { parent: item.parent }),
    });
    ACTION_HANDLERS[item.action.name]!(world, item.actor, args, logged);
  }
}
