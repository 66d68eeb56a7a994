// The diff store: a focus opens its view, presets the table and column, and files a jump that
// counts up so the same row can be focused twice; the reviewer's own choices survive view switches.
import { beforeEach, describe, expect, it } from 'vitest';
import { candidateKey } from '../preview/store';
import { choiceAfterFocus, choiceAfterPatch, useDiffStore } from './store';

const key = candidateKey('EC-1', 2);

beforeEach(() => useDiffStore.setState({ focus: {}, views: {}, choices: {}, jumps: {} }));

describe('setFocus', () => {
  it('opens the focused view and presets table, column and row', () => {
    useDiffStore.getState().setFocus(key, { view: 'conformance', file: 'data/a.csv', column: 'phone', row: 17 });
    const s = useDiffStore.getState();
    expect(s.focus[key]).toEqual({ view: 'conformance', file: 'data/a.csv', column: 'phone', row: 17 });
    expect(s.views[key]).toBe('conformance');
    expect(s.choices[key]).toEqual({ file: 'data/a.csv', column: 'phone' });
    expect(s.jumps[key]).toEqual({ row: 17, seq: 1 });
  });

  it('numbers jumps so focusing the same row again jumps again', () => {
    const { setFocus } = useDiffStore.getState();
    setFocus(key, { view: 'conformance', file: 'a.csv', column: 'c', row: 5 });
    setFocus(key, { view: 'conformance', file: 'a.csv', column: 'c', row: 5 });
    expect(useDiffStore.getState().jumps[key]).toEqual({ row: 5, seq: 2 });
  });

  it('keeps the filters and leaves other candidates alone', () => {
    const other = candidateKey('EC-9', 1);
    useDiffStore.getState().setChoice(key, { onlyNonconforming: true });
    useDiffStore.getState().setFocus(key, { view: 'scope' });
    useDiffStore.getState().setFocus(other, { view: 'revision' });
    const s = useDiffStore.getState();
    expect(s.choices[key]).toEqual({ onlyNonconforming: true });
    expect(s.views).toEqual({ [key]: 'scope', [other]: 'revision' });
    expect(s.jumps[key]).toBeUndefined();
  });
});

describe('choices', () => {
  it('drop the column when a focus names another table without a column', () => {
    expect(choiceAfterFocus({ file: 'a.csv', column: 'x' }, { view: 'declarations', file: 'b.csv' })).toEqual({ file: 'b.csv' });
    expect(choiceAfterFocus({ file: 'a.csv', column: 'x' }, { view: 'declarations', file: 'a.csv' })).toEqual({ file: 'a.csv', column: 'x' });
    expect(choiceAfterFocus({ file: 'w.xlsx', sheet: 'S1', column: 'x' }, { view: 'conformance', file: 'w.xlsx', sheet: 'S2' })).toEqual({ file: 'w.xlsx', sheet: 'S2' });
    expect(choiceAfterFocus({ file: 'w.xlsx', sheet: 'S1' }, { view: 'conformance', file: 'a.csv', column: 'y' })).toEqual({ file: 'a.csv', column: 'y' });
  });

  it('drop the column when the reviewer picks another table, and undefined values remove keys', () => {
    expect(choiceAfterPatch({ file: 'a.csv', column: 'x' }, { file: 'b.csv', sheet: undefined })).toEqual({ file: 'b.csv' });
    expect(choiceAfterPatch({ file: 'a.csv', column: 'x' }, { file: 'a.csv', sheet: undefined })).toEqual({ file: 'a.csv', column: 'x' });
    expect(choiceAfterPatch({ file: 'w.xlsx', sheet: 'S1', column: 'x' }, { file: 'w.xlsx', sheet: 'S2' })).toEqual({ file: 'w.xlsx', sheet: 'S2' });
    expect(choiceAfterPatch({ file: 'a.csv', column: 'x' }, { column: 'y' })).toEqual({ file: 'a.csv', column: 'y' });
    expect(choiceAfterPatch({ file: 'a.csv' }, { problemsOnly: true })).toEqual({ file: 'a.csv', problemsOnly: true });
  });

  it('start at row 1 again when the reviewer picks another column, not when a filter changes', () => {
    const s = useDiffStore.getState();
    s.setFocus(key, { view: 'conformance', file: 'a.csv', column: 'c', row: 30 });
    s.setChoice(key, { onlyNonconforming: true });
    expect(useDiffStore.getState().jumps[key]).toEqual({ row: 30, seq: 1 });
    s.setChoice(key, { column: 'd' });
    expect(useDiffStore.getState().jumps[key]).toEqual({ row: 1, seq: 2 });
  });

  it('survive switching views, and jumpTo counts on from the focus', () => {
    const s = useDiffStore.getState();
    s.setFocus(key, { view: 'conformance', file: 'a.csv', column: 'c', row: 3 });
    s.setView(key, 'scope');
    s.setView(key, 'conformance');
    s.jumpTo(key, 40);
    expect(useDiffStore.getState().choices[key]).toEqual({ file: 'a.csv', column: 'c' });
    expect(useDiffStore.getState().jumps[key]).toEqual({ row: 40, seq: 2 });
  });
});
