/**
 * The decisions signed on this revision, oldest first: who (name, first or second review), the
 * outcome, conditions, comment, acknowledged findings and when. A decision still blinded for
 * this user says it is hidden until they sign their own independent review; a revoked one shows
 * the revocation. An approval the user may withdraw has a Revoke button.
 */
import { useTranslation } from 'react-i18next';
import type { DecisionItem, DecisionView } from '../../../../../shared/ipc/schemas/decisions';
import { Card } from '../../../app/components/Card';
import { EyeOffIcon } from '../../../app/components/icons';
import { formatDateTime } from '../../../app/format';
import { OutcomeBadge } from './OutcomeBadge';

type Props = { view: DecisionView; revocable: ReadonlySet<string>; onRevoke: (id: string) => void };

export function DecisionList({ view, revocable, onRevoke }: Props) {
  const { t } = useTranslation();
  const { decisions } = view;
  return (
    <Card title={t('decision.list.title')} aside={t('decision.list.count', { count: decisions.length })} className="decision-list-card" testId="decision-list">
      {decisions.length === 0 ? (
        <p className="muted" data-testid="decision-list-empty">
          {t('decision.list.empty')}
        </p>
      ) : (
        <ol className="decision-items">
          {decisions.map((decision) => (
            <DecisionEntry key={decision.id} decision={decision} first={decisions.find((d) => d.id === decision.countersigns) ?? null} canRevoke={revocable.has(decision.id)} onRevoke={() => onRevoke(decision.id)} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function DecisionEntry({ decision, first, canRevoke, onRevoke }: { decision: DecisionItem; first: DecisionItem | null; canRevoke: boolean; onRevoke: () => void }) {
  const { t } = useTranslation();
  const { blinded, revokedBy } = decision;
  return (
    <li
      className={`decision-item${blinded ? ' is-blinded' : ''}${revokedBy ? ' is-revoked' : ''}`}
      data-testid="decision-item"
      data-decision-id={decision.id}
      data-role={decision.role}
      data-blinded={blinded}
      data-outcome={decision.outcome ?? undefined}
      data-revoked={revokedBy !== null}
    >
      <div className="decision-item-head">
        <span className={`decision-role role-${decision.role}`}>{t(`decision.roleLabel.${decision.role}`)}</span>
        <span className="strong" data-testid="decision-reviewer">
          {decision.reviewer.name}
        </span>
        <span className="muted small tabular">{formatDateTime(decision.createdAt)}</span>
      </div>
      {decision.role === 'second-reviewer' && first && <p className="muted small">{t('decision.list.countersigns', { name: first.reviewer.name })}</p>}
      {blinded ? (
        <p className="decision-blinded" data-testid="decision-blinded">
          <EyeOffIcon size={15} />
          <span>{t('decision.list.blinded')}</span>
        </p>
      ) : (
        <dl className="decision-item-body">
          <div>
            <dt>{t('decision.list.outcome')}</dt>
            <dd>{decision.outcome && <OutcomeBadge outcome={decision.outcome} />}</dd>
          </div>
          {decision.conditions && decision.conditions.length > 0 && (
            <div>
              <dt>{t('decision.list.conditions')}</dt>
              <dd>
                <ol className="decision-conditions" data-testid="decision-conditions">
                  {decision.conditions.map((condition, index) => (
                    <li key={index}>{condition}</li>
                  ))}
                </ol>
              </dd>
            </div>
          )}
          <div>
            <dt>{t('decision.list.comment')}</dt>
            <dd className="prose" data-testid="decision-comment">
              {decision.comment ? decision.comment : <span className="muted">{t('decision.list.noComment')}</span>}
            </dd>
          </div>
          {decision.acknowledged && decision.acknowledged.length > 0 && (
            <div>
              <dt>{t('decision.list.acknowledged')}</dt>
              <dd>
                <ul className="decision-acknowledged">
                  {decision.acknowledged.map((a) => (
                    <li key={a.rule}>
                      <code className="rule-id">{a.rule}</code> {a.justification}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
      {revokedBy && (
        <p className="decision-revoked" data-testid="decision-revoked">
          {t('decision.list.revoked', { by: revokedBy.by, time: formatDateTime(revokedBy.createdAt) })} <span className="prose">{revokedBy.reason}</span>
        </p>
      )}
      <div className="decision-item-foot">
        <span className="mono small muted" title={t('decision.list.keyTitle')}>
          {decision.reviewer.keyId}
        </span>
        {canRevoke && (
          <button type="button" className="button small danger-ghost" data-testid="decision-revoke" onClick={onRevoke}>
            {t('decision.revoke.open')}
          </button>
        )}
      </div>
    </li>
  );
}
