/**
 * Declarations vs detections for one table: per column, what the operator declared (class,
 * grade, transform, and whether the processing method is keyed and reversible) beside what the
 * scan observed (detected types with their share, mask forms with counts, digests, null rate,
 * distinct estimate), and each disagreement in words with its severity. Statistics only.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanProgress, TableInfo } from '../../../../../shared/ipc/schemas/preview';
import type { ColumnProfile } from '../../../../../shared/profile/column-profile';
import { CheckIcon, ErrorIcon, WarningIcon } from '../../../app/components/icons';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { declaredMask, formatCount, formatShare, maskFormLabel } from '../../preview/preview-format';
import { candidateKey } from '../../preview/store';
import { usePreviewOverview } from '../../preview/use-preview-overview';
import { pickDiffTable, tableId } from '../conformance-model';
import { declarationRows, filterDeclarationRows, maskShapes, topDetections, type DeclarationRow, type Mismatch, type ProcessingMethod } from '../declarations-model';
import { useDiffStore } from '../store';
import { useInvoke } from '../use-invoke';
import { useRevealTarget } from '../use-reveal-target';
import { DiffEmpty, DiffFailed, DiffLoading, DiffScanWait } from './DiffStates';
import { TablePicker } from './TablePicker';

type Props = { id: string; revision: number; scanState: ScanProgress['state'] | undefined };

const NO_METHODS: readonly ProcessingMethod[] = [];

function detectorName(id: string): string {
  return hasMessage(`detectors.${id}`) ? translateDynamic(`detectors.${id}`) : id;
}

function className(name: string): string {
  return hasMessage(`classes.${name}`) ? translateDynamic(`classes.${name}`) : name;
}

/** The sentence of a mismatch, its shares as percentages and detectors and classes by name. */
function mismatchText(mismatch: Mismatch): string {
  const params: Record<string, string | number> = { ...mismatch.params };
  if (typeof params.share === 'number') params.share = formatShare(params.share);
  if (typeof params.count === 'number') params.count = formatCount(params.count);
  if (typeof params.detector === 'string') params.detector = detectorName(params.detector);
  if (typeof params.class === 'string') params.class = className(params.class);
  return translateDynamic(`diff.declarations.mismatch.${mismatch.kind}`, params);
}

export function DeclarationsView({ id, revision, scanState }: Props) {
  const { t } = useTranslation();
  const overview = usePreviewOverview(id, revision, scanState);
  const key = candidateKey(id, revision);
  const choice = useDiffStore((s) => s.choices[key]);
  const setChoice = useDiffStore((s) => s.setChoice);
  const [detail] = useInvoke('candidates:get', { id, revision });

  if (overview.status === 'loading') return <DiffLoading />;
  if (overview.status === 'failed') return <DiffFailed error={overview.error} />;
  if (overview.overview.scan.state !== 'done') return <DiffScanWait state={scanState ?? overview.overview.scan.state} />;
  const tables = overview.overview.tables;
  if (tables.length === 0) return <DiffEmpty>{t('diff.state.noTables')}</DiffEmpty>;
  const table = pickDiffTable(tables, choice?.file === undefined ? undefined : { file: choice.file, sheet: choice.sheet });
  const methods = detail.status === 'ready' ? detail.value.manifest.processing.methods : NO_METHODS;

  return (
    <div className="diff-view declarations-view" data-testid="declarations-view">
      <div className="diff-toolbar">
        <TablePicker tables={tables} current={table} onSelect={(next) => setChoice(key, { file: next.file, sheet: next.sheet })} />
        <label className="diff-check">
          <input type="checkbox" data-testid="declarations-mismatches-only" checked={choice?.mismatchesOnly ?? false} onChange={(event) => setChoice(key, { mismatchesOnly: event.target.checked })} />
          {t('diff.declarations.mismatchesOnly')}
        </label>
      </div>
      {detail.status === 'failed' && <DiffFailed error={detail.error} title={t('diff.declarations.methodsFailed')} />}
      {table && <TableDeclarations key={tableId(table)} id={id} revision={revision} table={table} methods={methods} mismatchesOnly={choice?.mismatchesOnly ?? false} focusColumn={choice?.column} />}
    </div>
  );
}

function TableDeclarations({ id, revision, table, methods, mismatchesOnly, focusColumn }: { id: string; revision: number; table: TableInfo; methods: readonly ProcessingMethod[]; mismatchesOnly: boolean; focusColumn: string | undefined }) {
  const { t } = useTranslation();
  const [profiles, reload] = useInvoke('preview:profiles', { id, revision, file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) });
  const key = candidateKey(id, revision);
  const focus = useDiffStore((s) => (s.focus[key]?.view === 'declarations' ? s.focus[key] : undefined));
  const container = useRef<HTMLDivElement>(null);
  useRevealTarget(container, focus, profiles.status === 'ready');

  if (profiles.status === 'loading' || profiles.status === 'idle') return <DiffLoading />;
  if (profiles.status === 'failed') return <DiffFailed error={profiles.error} onRetry={reload} />;
  const byName = new Map<string, ColumnProfile>(profiles.value.profiles.map((p) => [p.name, p]));
  const rows = declarationRows(table.columns, byName, methods);
  const shown = filterDeclarationRows(rows, mismatchesOnly);
  const withMismatch = rows.filter((r) => r.mismatches.length > 0).length;

  return (
    <>
      <p className="diff-summary small" data-testid="declarations-summary" data-mismatches={withMismatch}>
        {withMismatch === 0 ? (
          <span className="summary-ok">
            <CheckIcon size={13} />
            {t('diff.declarations.allAgree')}
          </span>
        ) : (
          <span className="summary-bad">
            <WarningIcon size={13} />
            {t('diff.declarations.someDisagree', { n: formatCount(withMismatch), total: formatCount(rows.length) })}
          </span>
        )}
      </p>
      {shown.length === 0 ? (
        <DiffEmpty>{rows.length === 0 ? t('diff.conformance.noColumns') : t('diff.declarations.noneShown')}</DiffEmpty>
      ) : (
        <div ref={container} className="table-wrap diff-table-wrap">
          <table className="data-table diff-table declarations-table" data-testid="declarations-table">
            <caption className="visually-hidden">{t('diff.declarations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('diff.declarations.columns.column')}</th>
                <th scope="col" className="side-candidate">
                  {t('diff.declarations.columns.declared')}
                </th>
                <th scope="col" className="side-policy side-start">
                  {t('diff.declarations.columns.observed')}
                </th>
                <th scope="col">{t('diff.declarations.columns.mismatches')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <DeclarationTableRow key={row.column} row={row} focused={row.column === focusColumn} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function DeclarationTableRow({ row, focused }: { row: DeclarationRow; focused: boolean }) {
  const { t } = useTranslation();
  const { declared, method, profile, mismatches } = row;
  const worst = mismatches[0]?.severity ?? null;
  const { shown, more } = topDetections(profile);
  const shapes = maskShapes(profile?.maskForms ?? []);
  const expected = declaredMask(declared?.transform);
  return (
    <tr
      className={`declaration-row${worst ? ` has-mismatch severity-${worst}` : ''}${focused ? ' is-target' : ''}`}
      data-testid="declaration-row"
      data-column={row.column}
      data-mismatches={mismatches.map((m) => m.kind).join(' ')}
      data-target={focused ? 'true' : undefined}
    >
      <th scope="row" className="decl-column">
        <code>{row.column}</code>
      </th>
      <td className="side-candidate">
        {declared ? (
          <div className="decl-declared">
            <p className="decl-line" data-testid="declaration-declared">
              <span className="visually-hidden">{t('diff.declarations.class')}: </span>
              <span className="strong">{className(declared.class)}</span>
              <span className="dot-sep" aria-hidden="true" />
              <span className="visually-hidden">{t('diff.declarations.grade')}: </span>
              <span className="tabular">{t('diff.gradeValue', { grade: declared.grade })}</span>
              <span className="dot-sep" aria-hidden="true" />
              <span className="visually-hidden">{t('diff.declarations.transform')}: </span>
              <code className="chip">{declared.transform}</code>
            </p>
            <p className="decl-line small" data-testid="declaration-method">
              <span className="muted">{t('diff.declarations.method')}</span>{' '}
              {method ? (
                <>
                  <span>{method.name}</span>
                  <span className="dot-sep" aria-hidden="true" />
                  <span className="muted">{method.keyed ? t('diff.declarations.keyed') : t('diff.declarations.unkeyed')}</span>
                  <span className="dot-sep" aria-hidden="true" />
                  {method.reversible ? <span className="flag flag-danger">{t('diff.reversible')}</span> : <span>{t('diff.irreversible')}</span>}
                </>
              ) : (
                <span className="muted">{t('diff.declarations.noMethod')}</span>
              )}
            </p>
          </div>
        ) : (
          <span className="absent">{t('diff.declarations.undeclared')}</span>
        )}
      </td>
      <td className="side-policy side-start">
        {profile ? (
          <div className="decl-observed">
            {shown.length === 0 ? (
              <span className="muted">{t('diff.declarations.noDetections')}</span>
            ) : (
              <ul className="decl-detections">
                {shown.map((d) => (
                  <li key={d.detector} data-testid="declaration-detected" data-detector={d.detector} data-share={d.share}>
                    <span>{detectorName(d.detector)}</span>
                    <span className="tabular strong">{formatShare(d.share)}</span>
                    <span className="muted tabular">({formatCount(d.count)})</span>
                    {d.personal && <span className="flag flag-danger">{t('preview.profile.personal')}</span>}
                  </li>
                ))}
                {more > 0 && <li className="muted">{t('diff.declarations.moreDetections', { n: formatCount(more) })}</li>}
              </ul>
            )}
            {shapes.length > 0 && (
              <p className="decl-line">
                <span className="muted">{t('diff.declarations.maskForms')}</span>{' '}
                {shapes.slice(0, 3).map((form, i) => (
                  <code key={i} className={`chip${expected === null ? '' : expected.head === form.head && expected.tail === form.tail ? ' chip-match' : ' chip-bad'}`} data-testid="declaration-mask-form">
                    {maskFormLabel(form)}
                  </code>
                ))}
                {shapes.length > 3 && <span className="muted"> …</span>}
              </p>
            )}
            {profile.digest.count > 0 && (
              <p className="decl-line">
                <span className="muted">{t('diff.declarations.digest')}</span>{' '}
                <span className="tabular">{formatShare(profile.digest.share)}</span>
                {profile.digest.algorithms.length > 0 && <span className="muted"> · {profile.digest.algorithms.join('/')}</span>}
              </p>
            )}
            <p className="decl-line muted small tabular">
              {t('diff.declarations.nullRate', { share: formatShare(profile.nullRate) })}
              {' · '}
              {t('diff.declarations.distinct', { n: formatCount(profile.distinctEstimate) })}
            </p>
          </div>
        ) : (
          <span className="muted">{t('diff.declarations.noProfile')}</span>
        )}
      </td>
      <td className="decl-mismatches">
        {mismatches.length === 0 ? (
          profile ? (
            <span className="summary-ok small">
              <CheckIcon size={12} />
              {t('diff.declarations.agree')}
            </span>
          ) : null
        ) : (
          <ul>
            {mismatches.map((m) => (
              <li key={m.kind} className={`mismatch mismatch-${m.severity}`} data-testid="declaration-mismatch" data-kind={m.kind} data-severity={m.severity}>
                {m.severity === 'danger' ? <ErrorIcon size={13} /> : <WarningIcon size={13} />}
                <span>
                  <span className="visually-hidden">{t(`diff.declarations.severity.${m.severity}`)}: </span>
                  {mismatchText(m)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
