/**
 * The scenario editor: CodeMirror 6 with YAML highlighting, completion of field names and values from
 * the scenario format's JSON Schema, and the loader's problems shown at their lines (underlined, a
 * marker in the gutter, the line tinted). Tab indents by two spaces (YAML forbids tabs); Escape leaves
 * the editor, so keyboard users are never trapped in it.
 */
import { acceptCompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { indentLess } from "@codemirror/commands";
import { yaml, yamlLanguage } from "@codemirror/lang-yaml";
import { indentUnit } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import {
  Annotation,
  EditorSelection,
  Prec,
  RangeSetBuilder,
  StateEffect,
  StateField,
  Transaction,
} from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import type { InputIssue } from "../../src/core/errors/index.js";
import { completionsAt, type IssueRange, issueRanges, type SchemaNode } from "./editor-model.js";

export interface ScenarioEditor {
  text(): string;
  /** Replaces the text (a new scenario, or a change made elsewhere); not an undo step. */
  setText(text: string): void;
  showIssues(issues: readonly InputIssue[]): void;
  /** Selects line `line` and scrolls it into view. */
  goToLine(line: number): void;
}

const setBadLines = StateEffect.define<IssueRange[]>();
/** Marks a change made by `setText`, which is not an edit to re-run on. */
const replaced = Annotation.define<boolean>();

/** Tints the lines that have problems and marks them `data-line` (what the issue list links to). */
const badLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(lines, tr) {
    for (const effect of tr.effects)
      if (effect.is(setBadLines)) return lineDecorations(tr.state.doc, effect.value);
    return lines.map(tr.changes);
  },
  provide: (field) => EditorView.decorations.from(field),
});

function lineDecorations(doc: Transaction["state"]["doc"], ranges: readonly IssueRange[]): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  const lines = [...new Set(ranges.map((r) => r.line))].filter((l) => l <= doc.lines).sort((a, b) => a - b);
  for (const line of lines)
    builder.add(
      doc.line(line).from,
      doc.line(line).from,
      Decoration.line({ class: "cm-bad-line", attributes: { "data-line": String(line) } }),
    );
  return builder.finish();
}

function leaveEditor(view: EditorView): boolean {
  view.contentDOM.blur();
  return true;
}

export function createScenarioEditor(
  parent: HTMLElement,
  options: { onEdit: (text: string) => void; schema: () => SchemaNode | undefined; label: string },
): ScenarioEditor {
  const complete = (context: CompletionContext): CompletionResult | null => {
    const schema = options.schema();
    if (!schema) return null;
    const found = completionsAt(schema, context.state.doc.toString(), context.pos);
    if (!found || (found.from === context.pos && !context.explicit && found.options.length > 40)) return null;
    return {
      from: found.from,
      validFor: /^[\w$.-]*$/,
      options: found.options.map((o) => ({
        label: o.label,
        type: o.type,
        ...(o.detail ? { detail: o.detail } : {}),
        ...(o.info ? { info: o.info } : {}),
        ...(o.type === "property" ? { apply: `${o.label}: ` } : {}),
      })),
    };
  };
  const view = new EditorView({
    parent,
    extensions: [
      basicSetup,
      yaml(),
      yamlLanguage.data.of({ autocomplete: complete }),
      indentUnit.of("  "),
      lintGutter(),
      badLines,
      Prec.high(
        keymap.of([
          {
            key: "Tab",
            run: (v) => {
              if (acceptCompletion(v)) return true;
              v.dispatch(v.state.replaceSelection("  "), { scrollIntoView: true });
              return true;
            },
            shift: indentLess,
          },
        ]),
      ),
      // Lowest precedence: Escape first closes a completion list or a panel, then leaves the editor.
      Prec.lowest(keymap.of([{ key: "Escape", run: leaveEditor }])),
      EditorView.contentAttributes.of({ "aria-label": options.label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((t) => t.annotation(replaced)))
          options.onEdit(update.state.doc.toString());
      }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: text },
        annotations: [Transaction.addToHistory.of(false), replaced.of(true)],
      });
    },
    showIssues(issues) {
      const ranges = issueRanges(view.state.doc.toString(), issues);
      const diagnostics: Diagnostic[] = ranges.map((r) => ({
        from: r.from,
        to: r.to,
        severity: "error",
        message: r.message,
      }));
      view.dispatch(setDiagnostics(view.state, diagnostics), { effects: setBadLines.of(ranges) });
    },
    goToLine(line) {
      const doc = view.state.doc;
      if (!(line >= 1)) return;
      const target = doc.line(Math.min(line, doc.lines));
      view.dispatch({
        selection: EditorSelection.range(target.from, target.to),
        effects: EditorView.scrollIntoView(target.from, { y: "center" }),
      });
      view.focus();
    },
  };
}
