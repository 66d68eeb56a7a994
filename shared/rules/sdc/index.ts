/**
 * Statistical disclosure control of one table (RULES.md "Statistical disclosure", DOMAIN.md
 * §5(2)): picks the aggregate or microdata evaluator by the manifest's `table.kind` and the
 * thresholds of the policy (RULES.md defaults where the policy is silent). Feed it row by row
 * (`createSdcAccumulator`) from a scan worker, or hand it the rows (`evaluateSdcTable`).
 */
import { createAggregateAccumulator } from './aggregate';
import { sdcThresholds, type Cell, type SdcAccumulator, type SdcResult, type SdcTable, type SdcTarget, type ThresholdsInput } from './common';
import { createMicrodataAccumulator } from './microdata';

export { createAggregateAccumulator, type AggregateOptions } from './aggregate';
export { createMicrodataAccumulator, type MicrodataAccumulator, type MicrodataOptions, type MicrodataState } from './microdata';
export {
  isSuppressed,
  parseAmount,
  parseCount,
  sdcThresholds,
  totalLabel,
  type Cell,
  type SdcAccumulator,
  type SdcResult,
  type SdcTable,
  type SdcTarget,
  type ThresholdsInput,
} from './common';

export type SdcTableInput = {
  target: SdcTarget;
  table: SdcTable;
  /** The header of the table, in cell order. */
  columns: readonly string[];
  /** The policy (only its `thresholds` are read); null for the RULES.md defaults. */
  policy: { thresholds?: ThresholdsInput | undefined } | null;
};

/** The streaming SDC evaluator for a table of the given kind. */
export function createSdcAccumulator(input: SdcTableInput): SdcAccumulator {
  const options = { target: input.target, table: input.table, columns: input.columns, thresholds: sdcThresholds(input.policy) };
  return input.table.kind === 'aggregate' ? createAggregateAccumulator(options) : createMicrodataAccumulator(options);
}

/** Evaluates the SDC rules over a table's data rows, numbered from 1 in the order given. */
export function evaluateSdcTable(input: SdcTableInput & { rows: Iterable<readonly Cell[]> }): SdcResult {
  const acc = createSdcAccumulator(input);
  let row = 0;
  for (const cells of input.rows) acc.add(++row, cells);
  return acc.finish();
}
