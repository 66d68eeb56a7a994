/**
 * Test support: real .xlsx workbooks from a small description (see demo/xlsx-writer.ts, where
 * the writer lives because the demo generator needs it at run time).
 */
export { STYLE, escapeXml, writeXlsx, xlsxBuffer, xlsxParts, type CellSpec, type RowSpec, type SheetSpec, type XlsxSpec } from '../demo/xlsx-writer';
