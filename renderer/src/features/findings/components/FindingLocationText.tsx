/**
 * Where a finding is, as one line: file · sheet · column · rows (as ranges), line or manifest
 * field. Names only; the rows are the 1-based data rows the document lists.
 */
import { useTranslation } from 'react-i18next';
import type { FindingLocation } from '../../../../../shared/formats/findings';
import { rowRanges } from '../findings-model';

export function FindingLocationText({ location, count }: { location: FindingLocation; count?: number }) {
  const { t } = useTranslation();
  const parts: { key: string; text: string; mono: boolean }[] = [];
  if (location.file !== undefined) parts.push({ key: 'file', text: location.file, mono: true });
  if (location.sheet !== undefined) parts.push({ key: 'sheet', text: location.sheet, mono: false });
  const column = location.column ?? location.cell?.column;
  if (column !== undefined) parts.push({ key: 'column', text: column, mono: true });
  if (location.rows !== undefined && location.rows.length > 0) {
    const { parts: ranges, more } = rowRanges(location.rows, count ?? location.rows.length);
    const rows = ranges.join(t('findings.location.rowSeparator'));
    parts.push({ key: 'rows', text: more ? t('findings.location.rowsMore', { rows }) : t('findings.location.rows', { rows }), mono: false });
  } else if (location.cell !== undefined) {
    parts.push({ key: 'cell', text: t('findings.location.cell', { row: location.cell.row }), mono: false });
  }
  if (location.line !== undefined) parts.push({ key: 'line', text: t('findings.location.line', { line: location.line }), mono: false });
  if (location.field !== undefined) parts.push({ key: 'field', text: t('findings.location.field', { field: location.field }), mono: false });

  if (parts.length === 0) return <span className="finding-location muted">{t('findings.location.none')}</span>;
  const title = parts.map((p) => p.text).join(' · ');
  return (
    <span className="finding-location" title={title} data-testid="finding-location">
      {parts.map((part, index) => (
        <span key={part.key} className={`finding-location-part${part.mono ? ' mono' : ''}`} data-part={part.key}>
          {index > 0 && <span className="finding-location-sep" aria-hidden="true" />}
          {part.text}
        </span>
      ))}
    </span>
  );
}
