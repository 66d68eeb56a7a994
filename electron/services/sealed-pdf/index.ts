/**
 * The sealed decision document (出域审核意见书, DESIGN.md flow step 6): renders it as a
 * deterministic PDF, sealed or unsealed, and gives the SM3 of its bytes.
 */
export { OUTCOME_ZH, type OpinionDocumentInput, type OpinionOutcome, type OpinionParty, type OpinionReviewer } from './opinion-input';
export { loadOpinionFonts, locateOpinionFonts, type OpinionFonts } from './fonts';
export { opinionPdfDigest, renderOpinionPdf, type RenderOpinionOptions } from './render-opinion';
