/**
 * Column profiling for the preview and the policy engine: the streaming profiler, its
 * IPC-safe schema, and the distinct-count sketch behind it.
 */
export { ColumnProfile, DetectedType, DigestShapeCount, MAX_LISTED_ROWS, MaskForm } from './column-profile';
export { type CellDetector, type ColumnProfiler, type ColumnProfilerOptions, type ColumnProfilerState, type FieldDeclaration, createColumnProfiler, parseColumnProfile } from './column-profiler';
export { type HyperLogLog, createHyperLogLog } from './hyperloglog';
export { murmur3 } from './hash';
export { type PrecisionLossKind, precisionLossKind } from './precision-loss';
