/**
 * The revision diff, N−1 beside N: a notice first (no previous revision; the chain is broken
 * — `previousRevisionDigest` does not name the stored revision; or intact), the manifest field
 * by field, then every changed file — a table's added, removed and changed rows (changed cells
 * before → after), a text's lines with word-level highlights. Additions and removals carry
 * `+`/`−` and are `<ins>`/`<del>`, so they do not rest on colour. Every value is masked by main.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionDiff } from '../../../../../shared/ipc/schemas/review';
import { CheckIcon, ErrorIcon, WarningIcon } from '../../../app/components/icons';
import { formatCount } from '../../preview/preview-format';
import { tableLabel } from '../conformance-model';
import {
  changeMarker,
  fileTarget,
  foldRows,
  manifestRows,
  revisionNotice,
  rowCells,
  splitFiles,
  tableColumns,
  tableTruncation,
  textRows,
  type FileChangeT,
  type TextRow,
  type WordPartT,
} from '../revision-model';
import { candidateKey } from '../../preview/store';
import { useDiffStore } from '../store';
import { useInvoke } from '../use-invoke';
import { useRevealTarget } from '../use-reveal-target';
import { DiffEmpty, DiffFailed, DiffLoading } from './DiffStates';

export function RevisionView({ id, revision }: { id: string; revision: number }) {
  const [state, reload] = useInvoke('review:revision-diff', { id, revision });
  const key = candidateKey(id, revision);
  const focus = useDiffStore((s) => (s.focus[key]?.view === 'revision' ? s.focus[key] : undefined));
  const container = useRef<HTMLDivElement>(null);
  useRevealTarget(container, focus, state.status === 'ready');

  if (state.status === 'loading' || state.status === 'idle') return <DiffLoading />;
  if (state.status === 'failed') return <DiffFailed error={state.error} onRetry={reload} />;
  const diff = state.value;
  const notice = revisionNotice(diff);

  return (
    <div ref={container} className="diff-view revision-view" data-testid="revision-view" data-notice={notice}>
      <RevisionNotice diff={diff} />
      {diff.before !== null && (
        <>
          <ManifestSection diff={diff} />
          <FilesSection diff={diff} target={fileTarget(diff.files, focus)} />
        </>
      )}
    </div>
  );
}

function RevisionNotice({ diff }: { diff: RevisionDiff }) {
  const { t } = useTranslation();
  const notice = revisionNotice(diff);
  const params = { before: diff.before ?? diff.after - 1, after: diff.after, previous: diff.after - 1 };
  switch (notice) {
    case 'no-previous':
      return (
        <div className="banner banner-info diff-notice" role="note" data-testid="revision-notice" data-notice={notice}>
          <WarningIcon size={16} />
          <span>{diff.after <= 1 ? t('diff.revision.firstRevision') : t('diff.revision.noPrevious', params)}</span>
        </div>
      );
    case 'chain-broken':
      return (
        <div className="banner banner-error diff-notice" role="alert" data-testid="revision-notice" data-notice={notice}>
          <ErrorIcon size={16} />
          <span>
            <strong>{t('diff.revision.chainBrokenTitle')}</strong> {t('diff.revision.chainBroken', params)}
          </span>
        </div>
      );
    case 'chain-intact':
      return (
        <p className="diff-summary small summary-ok" data-testid="revision-notice" data-notice={notice}>
          <CheckIcon size={13} />
          {t('diff.revision.chainIntact', params)}
        </p>
      );
    case 'chain-unknown':
      return (
        <p className="diff-summary small" data-testid="revision-notice" data-notice={notice}>
          {t('diff.revision.compared', params)}
        </p>
      );
  }
}

function Word({ part }: { part: WordPartT }) {
  if (part.kind === 'added') return <ins className="word word-added">{part.text}</ins>;
  if (part.kind === 'removed') return <del className="word word-removed">{part.text}</del>;
  return <span>{part.text}</span>;
}

function ManifestSection({ diff }: { diff: RevisionDiff }) {
  const { t } = useTranslation();
  const rows = manifestRows(diff.manifest);
  return (
    <section className="revision-section" aria-labelledby="revision-manifest-title" data-testid="revision-manifest">
      <header className="diff-section-head">
        <h3 id="revision-manifest-title">{t('diff.revision.manifest')}</h3>
        <span className="muted small">{t('diff.revision.manifestCount', { n: formatCount(rows.length) })}</span>
      </header>
      {rows.length === 0 ? (
        <DiffEmpty>{t('diff.revision.manifestNone')}</DiffEmpty>
      ) : (
        <div className="table-wrap diff-table-wrap">
          <table className="data-table diff-table manifest-table">
            <thead>
              <tr>
                <th scope="col" className="diff-marker-col">
                  <span className="visually-hidden">{t('diff.revision.change')}</span>
                </th>
                <th scope="col">{t('diff.revision.field')}</th>
                <th scope="col" className="side-before">
                  {t('diff.revision.revisionN', { revision: diff.before ?? '' })}
                </th>
                <th scope="col" className="side-after">
                  {t('diff.revision.revisionN', { revision: diff.after })}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} className={`change-${row.kind}`} data-testid="revision-manifest-row" data-field={row.field} data-kind={row.kind}>
                  <td className="diff-marker" aria-hidden="true">
                    {changeMarker(row.kind)}
                  </td>
                  <th scope="row">
                    <code>{row.field}</code>
                  </th>
                  <td className="side-before value-cell">{row.before === null ? <span className="absent">{t('diff.revision.absent')}</span> : <del className="word word-removed">{row.before}</del>}</td>
                  <td className="side-after value-cell">{row.after === null ? <span className="absent">{t('diff.revision.absent')}</span> : <ins className="word word-added">{row.after}</ins>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FilesSection({ diff, target }: { diff: RevisionDiff; target: FileChangeT | null }) {
  const { t } = useTranslation();
  const { changed, same } = splitFiles(diff.files);
  return (
    <section className="revision-section" aria-labelledby="revision-files-title" data-testid="revision-files">
      <header className="diff-section-head">
        <h3 id="revision-files-title">{t('diff.revision.files')}</h3>
        <span className="muted small">{t('diff.revision.filesCount', { changed: formatCount(changed.length), total: formatCount(diff.files.length) })}</span>
      </header>
      {changed.length === 0 && <DiffEmpty>{t('diff.revision.filesNone')}</DiffEmpty>}
      {changed.map((file) => (
        <FileDiff key={`${file.path}\u0000${file.sheet ?? ''}`} file={file} target={file === target} />
      ))}
      {same.length > 0 && (
        <p className="muted small revision-same" data-testid="revision-same">
          {t('diff.revision.unchanged', { files: same.map((f) => tableLabel({ file: f.path, sheet: f.sheet })).join(t('diff.separator')) })}
        </p>
      )}
    </section>
  );
}

function FileDiff({ file, target }: { file: FileChangeT; target: boolean }) {
  const { t } = useTranslation();
  const label = tableLabel({ file: file.path, sheet: file.sheet });
  let counts: string | null = null;
  if (file.table) counts = t('diff.revision.tableCounts', { added: formatCount(file.table.added), removed: formatCount(file.table.removed), changed: formatCount(file.table.changed) });
  else if (file.text) counts = t('diff.revision.textCounts', { added: formatCount(file.text.added), removed: formatCount(file.text.removed) });
  return (
    <details
      className={`file-diff status-${file.status}${target ? ' is-target' : ''}`}
      open
      data-testid="revision-file"
      data-file={file.path}
      data-sheet={file.sheet}
      data-status={file.status}
      data-kind={file.kind}
      data-target={target ? 'true' : undefined}
    >
      <summary className="file-diff-head">
        <span className="diff-marker" aria-hidden="true">
          {changeMarker(file.status)}
        </span>
        <code className="file-diff-path" title={label}>
          {label}
        </code>
        <span className={`status-tag file-status-${file.status}`}>{t(`diff.revision.fileStatus.${file.status}`)}</span>
        {counts && <span className="muted small tabular">{counts}</span>}
      </summary>
      <div className="file-diff-body">
        {file.note !== undefined && (
          <p className="banner banner-info diff-notice small" data-testid="revision-file-note">
            {t('diff.revision.noteLabel')} {file.note}
          </p>
        )}
        {file.kind === 'binary' && <p className="muted small">{t('diff.revision.binary')}</p>}
        {file.table && <TableDiff table={file.table} />}
        {file.text && <TextDiff text={file.text} />}
        {file.kind !== 'binary' && !file.table && !file.text && file.note === undefined && <p className="muted small">{t('diff.revision.noDetail')}</p>}
      </div>
    </details>
  );
}

function TableDiff({ table }: { table: NonNullable<FileChangeT['table']> }) {
  const { t } = useTranslation();
  const columns = tableColumns(table.rows);
  const { listed, total } = tableTruncation(table);
  return (
    <>
      <p className="muted small table-diff-meta">
        {table.keyColumns.length > 0 ? t('diff.revision.keyColumns', { columns: table.keyColumns.join(t('diff.separator')) }) : t('diff.revision.byRow')}
        {table.columnsAdded.length > 0 && (
          <span className="meta-added">
            {' · '}+ {t('diff.revision.columnsAdded', { columns: table.columnsAdded.join(t('diff.separator')) })}
          </span>
        )}
        {table.columnsRemoved.length > 0 && (
          <span className="meta-removed">
            {' · '}− {t('diff.revision.columnsRemoved', { columns: table.columnsRemoved.join(t('diff.separator')) })}
          </span>
        )}
      </p>
      {listed < total && <p className="banner banner-info diff-notice small">{t('diff.revision.truncated', { listed: formatCount(listed), total: formatCount(total) })}</p>}
      {table.rows.length > 0 && (
        <div className="table-wrap diff-table-wrap table-diff-wrap">
          <table className="data-table diff-table table-diff" data-testid="revision-table">
            <thead>
              <tr>
                <th scope="col" className="diff-marker-col">
                  <span className="visually-hidden">{t('diff.revision.change')}</span>
                </th>
                <th scope="col">{t('diff.revision.key')}</th>
                <th scope="col" className="numeric">
                  {t('diff.revision.rowBefore')}
                </th>
                <th scope="col" className="numeric">
                  {t('diff.revision.rowAfter')}
                </th>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    <code>{column}</code>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, index) => (
                <tr key={index} className={`change-${row.kind}`} data-testid="revision-row" data-kind={row.kind} data-key={row.key}>
                  <td className="diff-marker" title={t(`diff.revision.rowKind.${row.kind}`)}>
                    <span aria-hidden="true">{changeMarker(row.kind)}</span>
                    <span className="visually-hidden">{t(`diff.revision.rowKind.${row.kind}`)}</span>
                  </td>
                  <th scope="row" className="mono">
                    {row.key}
                  </th>
                  <td className="numeric tabular muted">{row.before ?? '—'}</td>
                  <td className="numeric tabular muted">{row.after ?? '—'}</td>
                  {rowCells(row, columns).map((cell, i) => {
                    switch (cell.kind) {
                      case 'untouched':
                        return <td key={i} className="cell-untouched" />;
                      case 'added':
                        return (
                          <td key={i} className="cell-added">
                            <ins className="word word-added">{cell.text}</ins>
                          </td>
                        );
                      case 'removed':
                        return (
                          <td key={i} className="cell-removed">
                            <del className="word word-removed">{cell.text}</del>
                          </td>
                        );
                      case 'changed':
                        return (
                          <td key={i} className="cell-changed" data-testid="revision-cell-changed" data-column={columns[i]}>
                            <del className="word word-removed">{cell.before}</del>
                            <span className="arrow" aria-label={t('diff.revision.changedTo')}>
                              →
                            </span>
                            <ins className="word word-added">{cell.after}</ins>
                          </td>
                        );
                    }
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function LineContent({ row }: { row: TextRow }) {
  if (row.parts) {
    return (
      <>
        {row.parts.map((part, i) => (
          <Word key={i} part={part} />
        ))}
      </>
    );
  }
  return <>{row.text}</>;
}

function TextDiff({ text }: { text: NonNullable<FileChangeT['text']> }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const rows = textRows(text.lines);
  const items = foldRows(rows, undefined, expanded);
  return (
    <>
    {text.truncated === true && <p className="banner banner-info diff-notice small">{t('diff.revision.textTruncated')}</p>}
    <div className="table-wrap diff-table-wrap text-diff-wrap">
      <table className="text-diff" data-testid="revision-text">
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('diff.revision.lineBefore')}</th>
            <th scope="col">{t('diff.revision.lineAfter')}</th>
            <th scope="col">{t('diff.revision.change')}</th>
            <th scope="col">{t('diff.revision.lineText')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) =>
            item.type === 'gap' ? (
              <tr key={`g${item.before}`} className="line-gap" aria-label={t('diff.revision.gap')}>
                <td className="ln" aria-hidden="true">
                  ⋯
                </td>
                <td className="ln" aria-hidden="true">
                  ⋯
                </td>
                <td colSpan={2} className="muted">
                  {t('diff.revision.gap')}
                </td>
              </tr>
            ) : item.type === 'fold' ? (
              <tr key={`f${item.start}`} className="line-fold">
                <td colSpan={4}>
                  <button type="button" className="button ghost small" data-testid="revision-fold" onClick={() => setExpanded((current) => new Set([...current, item.start]))}>
                    {t('diff.revision.fold', { n: formatCount(item.count) })}
                  </button>
                </td>
              </tr>
            ) : (
              <tr key={item.index} className={`line line-${item.row.kind}`} data-testid="revision-line" data-kind={item.row.kind}>
                <td className="ln tabular">{item.row.before ?? ''}</td>
                <td className="ln tabular">{item.row.after ?? ''}</td>
                <td className="line-marker">
                  <span aria-hidden="true">{changeMarker(item.row.kind)}</span>
                  {item.row.kind !== 'same' && <span className="visually-hidden">{t(`diff.revision.line.${item.row.kind}`)}</span>}
                </td>
                <td className="line-text">
                  <LineContent row={item.row} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
    </>
  );
}
