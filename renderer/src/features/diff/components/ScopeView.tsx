/**
 * The scope diff, like a schema diff: each field the candidate declares beside what the policy
 * authorizes for it (grade and transform side by side), grouped by dataset, each row marked and
 * coloured by its status — unauthorized, grade exceeded, transform missing, authorized but
 * unused — with the status also in words. "Problems only" hides the fields that agree and the
 * unused authorized ones.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeRow } from '../../../../../shared/ipc/schemas/review';
import { CheckIcon, WarningIcon } from '../../../app/components/icons';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { formatCount } from '../../preview/preview-format';
import { candidateKey } from '../../preview/store';
import { filterScopeRows, gradeComparison, groupScopeRows, problemsOf, scopeCounts, scopeMarker, scopeTarget, SCOPE_STATUSES, transformComparison } from '../scope-model';
import { useDiffStore } from '../store';
import { useInvoke } from '../use-invoke';
import { useRevealTarget } from '../use-reveal-target';
import { DiffEmpty, DiffFailed, DiffLoading } from './DiffStates';

const COLUMNS = 9;

function className(name: string): string {
  return hasMessage(`classes.${name}`) ? translateDynamic(`classes.${name}`) : name;
}

export function ScopeView({ id, revision }: { id: string; revision: number }) {
  const { t } = useTranslation();
  const key = candidateKey(id, revision);
  const problemsOnly = useDiffStore((s) => s.choices[key]?.problemsOnly ?? false);
  const setChoice = useDiffStore((s) => s.setChoice);
  const [state, reload] = useInvoke('review:scope', { id, revision });
  const focus = useDiffStore((s) => (s.focus[key]?.view === 'scope' ? s.focus[key] : undefined));
  const container = useRef<HTMLDivElement>(null);
  useRevealTarget(container, focus, state.status === 'ready');

  if (state.status === 'loading' || state.status === 'idle') return <DiffLoading />;
  if (state.status === 'failed') return <DiffFailed error={state.error} onRetry={reload} />;

  const { rows, policy } = state.value;
  const counts = scopeCounts(rows);
  const shown = filterScopeRows(rows, problemsOnly);
  const groups = groupScopeRows(shown);
  const target = scopeTarget(rows, focus);

  return (
    <div ref={container} className="diff-view scope-view" data-testid="scope-view" data-problems={counts.problems}>
      {policy === null ? (
        <div className="banner banner-warning diff-notice" role="note" data-testid="scope-no-policy">
          <WarningIcon size={16} />
          <span>{t('diff.scope.noPolicy')}</span>
        </div>
      ) : null}
      <div className="diff-toolbar">
        <span className="diff-policy muted small" data-testid="scope-policy">
          {policy ? t('diff.scope.policy', { id: policy.id, version: policy.version }) : null}
        </span>
        <ul className="scope-legend" aria-label={t('diff.scope.legend')}>
          {SCOPE_STATUSES.map((status) => (
            <li key={status} className={`scope-chip status-${status}`} data-testid="scope-count" data-status={status} data-count={counts[status]} title={t(`diff.scope.statusHelp.${status}`)}>
              <span className="scope-chip-mark" aria-hidden="true" />
              {t(`diff.scope.status.${status}`)}
              <span className="tabular strong">{formatCount(counts[status])}</span>
            </li>
          ))}
        </ul>
        <label className="diff-check">
          <input type="checkbox" data-testid="scope-problems-only" checked={problemsOnly} onChange={(event) => setChoice(key, { problemsOnly: event.target.checked })} />
          {t('diff.scope.problemsOnly')}
        </label>
        <span className="muted small tabular" data-testid="scope-shown">
          {t('diff.scope.shown', { shown: formatCount(shown.length), total: formatCount(rows.length) })}
        </span>
      </div>

      {rows.length === 0 ? (
        <DiffEmpty>{t('diff.scope.empty')}</DiffEmpty>
      ) : shown.length === 0 ? (
        <DiffEmpty testId="scope-no-problems">{t('diff.scope.noProblems')}</DiffEmpty>
      ) : (
        <div className="table-wrap diff-table-wrap">
          <table className="data-table diff-table scope-table" data-testid="scope-table">
            <caption className="visually-hidden">{t('diff.scope.caption')}</caption>
            <thead>
              <tr>
                <th rowSpan={2} className="diff-marker-col" scope="col">
                  <span className="visually-hidden">{t('diff.scope.columns.marker')}</span>
                </th>
                <th rowSpan={2} scope="col">
                  {t('diff.scope.columns.field')}
                </th>
                <th rowSpan={2} scope="col">
                  {t('diff.scope.columns.status')}
                </th>
                <th colSpan={4} scope="colgroup" className="side-head side-candidate">
                  {t('diff.scope.columns.candidate')}
                </th>
                <th colSpan={2} scope="colgroup" className="side-head side-policy">
                  {t('diff.scope.columns.authorized')}
                </th>
              </tr>
              <tr className="sub-head">
                <th scope="col" className="side-candidate">
                  {t('diff.scope.columns.class')}
                </th>
                <th scope="col" className="side-candidate">
                  {t('diff.scope.columns.grade')}
                </th>
                <th scope="col" className="side-candidate">
                  {t('diff.scope.columns.transform')}
                </th>
                <th scope="col" className="side-candidate">
                  {t('diff.scope.columns.reversible')}
                </th>
                <th scope="col" className="side-policy side-start">
                  {t('diff.scope.columns.maxGrade')}
                </th>
                <th scope="col" className="side-policy">
                  {t('diff.scope.columns.required')}
                </th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.dataset} data-testid="scope-group" data-dataset={group.dataset}>
                <tr className="group-row">
                  <th colSpan={COLUMNS} scope="colgroup">
                    <span className="mono">{group.dataset}</span>
                    <span className="muted small">
                      {t('diff.scope.groupCount', { n: formatCount(group.rows.length) })}
                      {group.problems > 0 && ` · ${t('diff.scope.groupProblems', { n: formatCount(group.problems) })}`}
                    </span>
                  </th>
                </tr>
                {group.rows.map((row) => (
                  <ScopeTableRow key={`${row.dataset}\u0000${row.name}`} row={row} target={row === target} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}

function ScopeTableRow({ row, target }: { row: ScopeRow; target: boolean }) {
  const { t } = useTranslation();
  const problems = problemsOf(row);
  const grade = gradeComparison(row);
  const transform = transformComparison(row);
  const marker = scopeMarker(row);
  return (
    <tr
      className={`scope-row status-${row.status}${target ? ' is-target' : ''}`}
      data-testid="scope-row"
      data-field={row.name}
      data-dataset={row.dataset}
      data-status={row.status}
      data-problems={problems.join(' ')}
      data-target={target ? 'true' : undefined}
    >
      <td className="diff-marker" aria-hidden="true">
        {marker}
      </td>
      <th scope="row" className="scope-field">
        <code className="field-name">{row.name}</code>
        {row.files.length > 0 && (
          <span className="field-files muted" title={row.files.join('\n')}>
            <span className="visually-hidden">{t('diff.scope.columns.files')}: </span>
            {row.files.join(t('diff.separator'))}
          </span>
        )}
      </th>
      <td className="scope-status">
        {problems.length === 0 ? (
          <span className={`status-tag tag-${row.status}`}>
            {row.status === 'ok' && <CheckIcon size={12} />}
            {t(`diff.scope.status.${row.status}`)}
          </span>
        ) : (
          <span className="status-tags">
            {problems.map((problem) => (
              <span key={problem} className={`status-tag tag-${problem}`} data-testid="scope-problem" data-problem={problem}>
                <WarningIcon size={12} />
                {t(`diff.scope.status.${problem}`)}
              </span>
            ))}
          </span>
        )}
      </td>
      {row.declared ? (
        <>
          <td className="side-candidate">{className(row.declared.class)}</td>
          <td className={`side-candidate tabular${grade === 'exceeded' ? ' cell-bad' : ''}`} data-testid="scope-grade" data-compare={grade}>
            {t('diff.gradeValue', { grade: row.declared.grade })}
            {grade === 'exceeded' && <span className="cell-note">{t('diff.scope.gradeExceeded', { max: row.authorized?.maxGrade ?? '' })}</span>}
          </td>
          <td className={`side-candidate${transform === 'missing' ? ' cell-bad' : ''}`} data-testid="scope-transform" data-compare={transform}>
            <code>{row.declared.transform}</code>
            {transform === 'missing' && <span className="cell-note">{t('diff.scope.transformMissing')}</span>}
          </td>
          <td className="side-candidate">{row.declared.reversible ? <span className="flag flag-danger">{t('diff.reversible')}</span> : t('diff.irreversible')}</td>
        </>
      ) : (
        <td colSpan={4} className="side-candidate side-absent">
          <span className="absent">{t('diff.scope.notDeclared')}</span>
        </td>
      )}
      {row.authorized ? (
        <>
          <td className="side-policy side-start tabular">{t('diff.gradeValue', { grade: row.authorized.maxGrade })}</td>
          <td className="side-policy side-required">
            {row.authorized.requiredTransform.length === 0 ? (
              <span className="muted">{t('diff.noRequirement')}</span>
            ) : (
              <span className="chips">
                {row.authorized.requiredTransform.map((name) => {
                  const match = row.declared?.transform === name;
                  return (
                    <code key={name} className={match ? 'chip chip-match' : 'chip'}>
                      {match && <CheckIcon size={11} />}
                      {name}
                      {match && <span className="visually-hidden">{t('diff.scope.declaredMatch')}</span>}
                    </code>
                  );
                })}
              </span>
            )}
          </td>
        </>
      ) : (
        <td colSpan={2} className="side-policy side-start side-absent">
          <span className="absent">{t('diff.scope.notAuthorized')}</span>
        </td>
      )}
    </tr>
  );
}

