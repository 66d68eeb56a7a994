/**
 * The active reversibility test (`reversible.recovered`, RULES.md): recover the inputs of a
 * digest column on a sample, from what else each row carries. Pure: the electron side reads the
 * sample and runs the search in worker threads (electron/services/recover).
 */
export { ALGORITHMS, ALGORITHM_INFO, MAX_BLOCK_INPUT, digestBytes, type Algorithm } from './block-hashes';
export {
  CHECK_CHARS,
  MOBILE_FORMS,
  RESIDENT_ID_FORMS,
  birthDatePattern,
  candidateSpaces,
  mobilePattern,
  regionPattern,
  residentIdPattern,
  type CandidateSpace,
  type ContextColumn,
  type ContextRole,
  type InputKind,
} from './candidates';
export { CONTEXT_SHARE, confirmContext, contextCandidates, digestColumns, type ContextCandidate } from './columns';
export { parseDigestCell, type DigestTarget } from './digest-target';
export { recoveredFinding, type RecoveredColumn } from './finding';
export {
  DEFAULT_GIVE_UP_AFTER,
  candidateAt,
  createSampleSearch,
  searchSample,
  searchSpace,
  type RowHit,
  type SampleRow,
  type SampleSearch,
  type SampleSearchOptions,
  type SampleSearchResult,
} from './search';
