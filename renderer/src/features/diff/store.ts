/**
 * UI state of the diff views, per candidate revision: which view is open and what it is
 * focused on (a file, sheet, column, row). The findings panel sets the focus when a finding is
 * clicked; the diff views read it. Names and row numbers only — never a value.
 *
 * `setFocus` opens the focused view, makes the focused table and column the current choice,
 * and, with a row, files a jump request (numbered, so focusing the same row twice jumps twice).
 * What the reviewer picks in the views themselves (`setView`, `setChoice`) lives here too, so
 * switching views and back keeps it.
 */
import { create } from 'zustand';

export type DiffView = 'scope' | 'conformance' | 'declarations' | 'revision';

export const DIFF_VIEWS: readonly DiffView[] = ['scope', 'conformance', 'declarations', 'revision'];

export type DiffFocus = {
  view: DiffView;
  file?: string;
  sheet?: string;
  column?: string;
  /** 1-based data row to bring into view. */
  row?: number;
};

/** What the reviewer has chosen in the views: a table (file and sheet), a column, and filters. */
export type DiffChoice = {
  file?: string;
  sheet?: string;
  column?: string;
  /** Scope diff: fields with a problem only. */
  problemsOnly?: boolean;
  /** Conformance diff: non-conforming rows only. */
  onlyNonconforming?: boolean;
  /** Declarations vs detections: columns with a mismatch only. */
  mismatchesOnly?: boolean;
};

/** A request to bring a data row into view; `seq` grows with every request. */
export type DiffJump = { row: number; seq: number };

type DiffState = {
  focus: Record<string, DiffFocus>;
  views: Record<string, DiffView>;
  choices: Record<string, DiffChoice>;
  jumps: Record<string, DiffJump>;
  setFocus: (candidate: string, focus: DiffFocus) => void;
  setView: (candidate: string, view: DiffView) => void;
  /** Changes the reviewer's choice; another table or column drops a focused row (the rows start at 1). */
  setChoice: (candidate: string, patch: Partial<DiffChoice>) => void;
  /** Files a jump to `row` (the conformance view starts its rows there). */
  jumpTo: (candidate: string, row: number) => void;
};

/** The choice after a focus: its table and column replace the current ones; filters stay. */
export function choiceAfterFocus(current: DiffChoice | undefined, focus: DiffFocus): DiffChoice {
  const next: DiffChoice = { ...current };
  if (focus.file !== undefined) {
    const sameTable = current?.file === focus.file && current.sheet === focus.sheet;
    next.file = focus.file;
    if (focus.sheet !== undefined) next.sheet = focus.sheet;
    else delete next.sheet;
    if (focus.column !== undefined) next.column = focus.column;
    else if (!sameTable) delete next.column;
  } else if (focus.column !== undefined) {
    next.column = focus.column;
  }
  return next;
}

/**
 * The choice after the reviewer changes part of it. Picking a table (`file`, and `sheet`,
 * undefined for a plain table) drops the column of the table before; an undefined value
 * removes its key.
 */
export function choiceAfterPatch(current: DiffChoice | undefined, patch: Partial<DiffChoice>): DiffChoice {
  const next: DiffChoice = { ...current, ...patch };
  if ('file' in patch || 'sheet' in patch) {
    const tableChanged = next.file !== current?.file || next.sheet !== current?.sheet;
    if (tableChanged && !('column' in patch)) delete next.column;
  }
  const entries: [string, unknown][] = Object.entries(next);
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

export const useDiffStore = create<DiffState>()((set) => ({
  focus: {},
  views: {},
  choices: {},
  jumps: {},
  setFocus: (candidate, focus) =>
    set((state) => ({
      focus: { ...state.focus, [candidate]: focus },
      views: { ...state.views, [candidate]: focus.view },
      choices: { ...state.choices, [candidate]: choiceAfterFocus(state.choices[candidate], focus) },
      jumps: focus.row === undefined ? state.jumps : { ...state.jumps, [candidate]: { row: focus.row, seq: (state.jumps[candidate]?.seq ?? 0) + 1 } },
    })),
  setView: (candidate, view) => set((state) => ({ views: { ...state.views, [candidate]: view } })),
  setChoice: (candidate, patch) =>
    set((state) => {
      const current = state.choices[candidate];
      const next = choiceAfterPatch(current, patch);
      // A focused row belongs to the focused column: another table or column starts at row 1.
      const moved = next.file !== current?.file || next.sheet !== current?.sheet || next.column !== current?.column;
      const jump = state.jumps[candidate];
      return {
        choices: { ...state.choices, [candidate]: next },
        jumps: moved && jump && jump.row !== 1 ? { ...state.jumps, [candidate]: { row: 1, seq: jump.seq + 1 } } : state.jumps,
      };
    }),
  jumpTo: (candidate, row) => set((state) => ({ jumps: { ...state.jumps, [candidate]: { row, seq: (state.jumps[candidate]?.seq ?? 0) + 1 } } })),
}));
