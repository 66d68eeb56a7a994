/** The datasets a candidate draws on, with the backflow (回流) and social-data flags that policy rules look at. */
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../../../shared/formats/candidate';

type Source = Candidate['sources'][number];

function Flag({ on, label, testId }: { on: boolean; label: string; testId: string }) {
  const { t } = useTranslation();
  return on ? (
    <span className="flag flag-warning" data-testid={testId} data-value="true" aria-label={`${label}: ${t('common.yes')}`}>
      {t('common.yes')}
    </span>
  ) : (
    <span className="muted" data-testid={testId} data-value="false" aria-label={`${label}: ${t('common.no')}`}>
      {t('common.no')}
    </span>
  );
}

export function SourcesTable({ sources }: { sources: readonly Source[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return <p className="muted" data-testid="overview-sources-empty">{t('candidate.noSources')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table compact" data-testid="overview-sources">
        <thead>
          <tr>
            <th scope="col">{t('candidate.fields.datasetId')}</th>
            <th scope="col">{t('candidate.fields.name')}</th>
            <th scope="col">{t('candidate.fields.provider')}</th>
            <th scope="col">{t('candidate.fields.sourceLevel')}</th>
            <th scope="col">{t('candidate.fields.backflow')}</th>
            <th scope="col">{t('candidate.fields.social')}</th>
            <th scope="col">{t('candidate.fields.approvalRef')}</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source, index) => (
            <tr key={`${index}:${source.datasetId}`} data-testid="overview-source-row" data-dataset-id={source.datasetId}>
              <td className="mono">{source.datasetId}</td>
              <td>{source.name}</td>
              <td>{source.provider}</td>
              <td>{t(`candidate.levels.${source.level}`)}</td>
              <td>
                <Flag on={source.backflow} label={t('candidate.fields.backflow')} testId="source-backflow" />
              </td>
              <td>
                <Flag on={source.social} label={t('candidate.fields.social')} testId="source-social" />
              </td>
              <td className={source.approvalRef === null ? 'muted' : 'mono'}>{source.approvalRef ?? t('common.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
