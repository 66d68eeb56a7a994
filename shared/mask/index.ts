/**
 * The maskers: every `transform` of FORMATS.md §1 rendered for display, the per-cell preview
 * decision against the policy, masking inside free text, and masked finding evidence.
 */
export { type ParsedTransform, type TransformInput, type TransformKind, formatTransform, parseTransform, toParsedTransform, tryParseTransform } from './transform';
export { applyMask } from './apply-mask';
export { isPlainNumber } from './plain-number';
export { GENERALIZE_METHODS, type AddressLevel, cutAddress, generalizeValue, parseDateParts } from './generalize';
export { COMPOUND_SURNAMES, maskName, surnameLength } from './names';
export { looksLikeDigest, looksLikeToken } from './opaque';
export { MASK_CHAR, codePointLength, fullMask, identifierEnds, isAllMask, isMaskChar, keepEnds, maskIdentifier, maskShapeOf, toAsciiDigits } from './chars';
export { maskDetected, maskEvidence } from './detector-forms';
export { type MaskFormVerdict, compareMaskForm } from './conformance';
export { type MaskedRange, maskText, maskTextWithRanges } from './mask-text';
export {
  DISPLAY_REASONS,
  PERSONAL_CONFIDENCE,
  type DataClass,
  type DisplayCell,
  type DisplayContext,
  type DisplayReason,
  type DisplayState,
  maskForDisplay,
} from './display';
export { DIFF_MARKER, cellConformance, valueConforms, segments as diffSegments, type CellConformance, type DiffSegment } from './conformance-diff';
