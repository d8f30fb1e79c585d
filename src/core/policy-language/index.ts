export {
  type ArithmeticOp,
  type BinaryNode,
  type BinaryOp,
  type BooleanNode,
  type CallNode,
  type ComparisonOp,
  callsIn,
  type Expr,
  type LogicalOp,
  type NameNode,
  type NumberNode,
  type Shape,
  type StringNode,
  shapeOf,
  type UnaryNode,
  type UnaryOp,
} from "./ast.js";
export {
  type ActionCheckOptions,
  type CheckOptions,
  checkActions,
  checkExpression,
  literalValue,
} from "./check.js";
export {
  type CompiledAction,
  type CompiledCondition,
  type CompiledExpression,
  type CompileOptions,
  compileAction,
  compileCondition,
  compileExpression,
  type EvaluationContext,
} from "./compile.js";
export { describeExplanation, type Explanation, explain, explainValues, formatValue } from "./explain.js";
export { KEYWORDS } from "./lexer.js";
export type { Value } from "./operators.js";
export { MAX_DEPTH, parseExpression } from "./parser.js";
export { printExpression, printId } from "./printer.js";
export {
  type CompiledProgramme,
  type CompiledStage,
  checkProgramme,
  compileProgramme,
  INITIAL_PROGRAMME_STATE,
  type Programme,
  type ProgrammeCheckOptions,
  type ProgrammeParseOptions,
  type ProgrammeState,
  type ProgrammeStep,
  parseProgramme,
  type Stage,
  type StageAction,
  stepProgramme,
} from "./programmes.js";
export {
  type ActionCall,
  type CompiledRule,
  checkForDays,
  checkRule,
  compileRule,
  parseActions,
  parseRule,
  parseTimedCondition,
  printRule,
  type Rule,
  type RuleCheckOptions,
  resolveForDays,
  stepStreak,
  type TimedCondition,
} from "./rules.js";
export { caretSnippet, type LanguageIssue, locate, type Span } from "./span.js";
export { detectStageCycles, type StageCycleIssue, stageReferences } from "./stage-cycles.js";
export {
  type ActionSpec,
  type ActionTable,
  type Arg,
  type ConstantSpec,
  type ConstantTable,
  DEFAULT_ACTIONS,
  DEFAULT_CONSTANTS,
  DEFAULT_FUNCTIONS,
  DEFAULT_LANGUAGE,
  type FunctionSpec,
  type FunctionTable,
  type IdKind,
  type KnownIds,
  type Language,
  LEVER_GROUP,
  lookup,
  type ParamKind,
  type ParamSpec,
  type ValueType,
  withLevers,
} from "./tables.js";
