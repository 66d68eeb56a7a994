/**
 * The profile of one column beside the grid: what the operator declared (class, grade,
 * transform) against what the policy accepts, the identifier types the scan detected with
 * their share, null rate, distinct estimate, value lengths, the mask forms found against the
 * declared mask, digests and precision loss. Statistics only; never a value.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../../../shared/ipc/schemas/preview';
import type { ColumnProfile } from '../../../../../shared/profile/column-profile';
import { CheckIcon, CloseIcon, WarningIcon } from '../../../app/components/icons';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { declaredMask, formatCount, formatShare, maskFormLabel, transformVerdict } from '../preview-format';

type Props = {
  column: ColumnInfo;
  profile: ColumnProfile | undefined;
  /** True while the profiles are still loading. */
  loading: boolean;
  onClose: () => void;
};

function detectorName(id: string): string {
  return hasMessage(`detectors.${id}`) ? translateDynamic(`detectors.${id}`) : id;
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="profile-section" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Stat({ label, value, tone }: { label: string; value: ReactNode; tone?: 'warning' | 'danger' }) {
  return (
    <div className={tone ? `stat stat-${tone}` : 'stat'}>
      <dt>{label}</dt>
      <dd className="tabular">{value}</dd>
    </div>
  );
}

export function ProfilePanel({ column, profile, loading, onClose }: Props) {
  const { t } = useTranslation();
  const declared = column.declared;
  const verdict = transformVerdict(declared?.transform, column.required);
  const mask = declaredMask(declared?.transform);

  return (
    <aside className="side-panel profile-panel" data-testid="profile-panel" data-column={column.name} aria-label={t('preview.profile.title', { column: column.name })}>
      <header className="side-panel-header">
        <div className="side-panel-title">
          <span className="muted small">{t('preview.profile.heading')}</span>
          <h2 className="mono" title={column.name}>
            {column.name}
          </h2>
        </div>
        <button type="button" className="icon-button" data-testid="profile-close" aria-label={t('common.close')} title={t('common.close')} onClick={onClose}>
          <CloseIcon size={15} />
        </button>
      </header>

      <div className="side-panel-body">
        <Section title={t('preview.profile.declared')} testId="profile-declared">
          {declared ? (
            <dl className="stats">
              <Stat label={t('preview.profile.class')} value={hasMessage(`classes.${declared.class}`) ? translateDynamic(`classes.${declared.class}`) : declared.class} />
              <Stat label={t('preview.profile.grade')} value={t('preview.profile.gradeValue', { grade: declared.grade })} />
              <Stat label={t('preview.profile.transform')} value={<code>{declared.transform}</code>} />
            </dl>
          ) : (
            <p className="muted">{t('preview.profile.undeclared')}</p>
          )}
          <div className="profile-required">
            <span className="profile-label">{t('preview.profile.required')}</span>
            {column.required.length === 0 ? (
              <span className="muted">{t('preview.profile.noRequirement')}</span>
            ) : (
              <span className="chips">
                {column.required.map((transform) => (
                  <code key={transform} className={transform === declared?.transform ? 'chip chip-match' : 'chip'}>
                    {transform}
                  </code>
                ))}
              </span>
            )}
          </div>
          {verdict === 'accepted' && (
            <p className="verdict verdict-ok" data-testid="profile-verdict" data-verdict={verdict}>
              <CheckIcon size={13} />
              {t('preview.profile.verdict.accepted')}
            </p>
          )}
          {(verdict === 'not-accepted' || verdict === 'undeclared') && (
            <p className="verdict verdict-bad" data-testid="profile-verdict" data-verdict={verdict}>
              <WarningIcon size={13} />
              {t(`preview.profile.verdict.${verdict}`)}
            </p>
          )}
        </Section>

        {loading && <p className="muted">{t('common.loading')}</p>}
        {!loading && !profile && <p className="muted">{t('preview.profile.missing')}</p>}

        {profile && (
          <>
            <Section title={t('preview.profile.detected')} testId="profile-detected">
              {profile.detected.length === 0 ? (
                <p className="muted">{t('preview.profile.noneDetected')}</p>
              ) : (
                <ul className="detected-list">
                  {profile.detected.map((d) => (
                    <li key={d.detector} data-testid="profile-detector" data-detector={d.detector} data-count={d.count}>
                      <div className="detected-line">
                        <span className="detected-name">
                          {detectorName(d.detector)}
                          {d.personal && <span className="flag flag-danger">{t('preview.profile.personal')}</span>}
                        </span>
                        <span className="detected-count tabular">
                          {formatCount(d.count)} · {formatShare(d.share)}
                        </span>
                      </div>
                      <div className="share-bar" aria-hidden="true">
                        <span className={d.personal ? 'share-fill personal' : 'share-fill'} style={{ width: `${Math.max(1, Math.round(d.share * 100))}%` }} />
                      </div>
                      <code className="detected-id muted">{d.detector}</code>
                    </li>
                  ))}
                </ul>
              )}
            </Section>

            <Section title={t('preview.profile.values')}>
              <dl className="stats">
                <Stat label={t('preview.profile.rows')} value={formatCount(profile.rows)} />
                <Stat label={t('preview.profile.nullRate')} value={`${formatShare(profile.nullRate)} (${formatCount(profile.nulls)})`} />
                <Stat label={t('preview.profile.distinct')} value={`≈ ${formatCount(profile.distinctEstimate)}`} />
                <Stat
                  label={t('preview.profile.length')}
                  value={profile.minLength === null || profile.maxLength === null ? '—' : profile.minLength === profile.maxLength ? String(profile.minLength) : `${profile.minLength}–${profile.maxLength}`}
                />
                {profile.numeric.count > 0 && (
                  <Stat
                    label={t('preview.profile.numeric')}
                    value={
                      profile.numeric.min !== null && profile.numeric.max !== null
                        ? t('preview.profile.numericRange', { share: formatShare(profile.numeric.share), min: profile.numeric.min, max: profile.numeric.max })
                        : profile.numeric.rangeWithheld
                          ? t('preview.profile.numericWithheld', { share: formatShare(profile.numeric.share) })
                          : formatShare(profile.numeric.share)
                    }
                  />
                )}
              </dl>
            </Section>

            <Section title={t('preview.profile.maskForms')} testId="profile-mask-forms">
              <p className="profile-declared-mask small">
                {t('preview.profile.declaredMask')}{' '}
                {mask ? <code>{`${mask.head}+${mask.tail}`}</code> : <span className="muted">{declared ? declared.transform : t('preview.profile.undeclared')}</span>}
              </p>
              {profile.maskForms.length === 0 ? (
                <p className="muted">{t('preview.profile.noMaskForms')}</p>
              ) : (
                <ul className="mask-forms">
                  {profile.maskForms.map((form, i) => {
                    const matches = mask !== null && form.head === mask.head && form.tail === mask.tail;
                    return (
                      <li key={i} data-testid="profile-mask-form" className={mask === null ? undefined : matches ? 'form-ok' : 'form-bad'}>
                        <code>{maskFormLabel(form)}</code>
                        <span className="muted small">
                          {t('preview.profile.maskLength', { length: form.length })}
                          {form.original !== null && ` · ${detectorName(form.original)}`}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
              {profile.otherMaskForms > 0 && <p className="muted small">{t('preview.profile.otherMaskForms', { n: formatCount(profile.otherMaskForms) })}</p>}
              {profile.inconsistentMasking && (
                <p className="verdict verdict-warn">
                  <WarningIcon size={13} />
                  {t('preview.profile.inconsistent')}
                </p>
              )}
            </Section>

            {profile.maskConformance && (
              <Section title={t('preview.profile.conformance', { transform: profile.maskConformance.transform })} testId="profile-conformance">
                <dl className="stats">
                  <Stat label={t('preview.profile.conforming')} value={formatCount(profile.maskConformance.conforming)} />
                  <Stat
                    label={t('preview.profile.nonconforming')}
                    value={formatCount(profile.maskConformance.nonconforming)}
                    tone={profile.maskConformance.nonconforming > 0 ? 'warning' : undefined}
                  />
                  <Stat label={t('preview.profile.revealsMore')} value={formatCount(profile.maskConformance.revealsMore)} tone={profile.maskConformance.revealsMore > 0 ? 'danger' : undefined} />
                  <Stat label={t('preview.profile.clear')} value={formatCount(profile.maskConformance.clear)} tone={profile.maskConformance.clear > 0 ? 'danger' : undefined} />
                </dl>
              </Section>
            )}

            <Section title={t('preview.profile.digest')}>
              {profile.digest.count === 0 ? (
                <p className="muted">{t('preview.profile.noDigest')}</p>
              ) : (
                <dl className="stats">
                  <Stat label={t('preview.profile.digestCells')} value={`${formatCount(profile.digest.count)} · ${formatShare(profile.digest.share)}`} />
                  <Stat label={t('preview.profile.algorithms')} value={profile.digest.algorithms.length > 0 ? profile.digest.algorithms.join(' / ') : '—'} />
                  <Stat label={t('preview.profile.nearUnique')} value={profile.digest.nearUnique ? t('common.yes') : t('common.no')} />
                </dl>
              )}
            </Section>

            <Section title={t('preview.profile.precisionLoss')}>
              <dl className="stats">
                <Stat label={t('preview.profile.precisionLossCells')} value={formatCount(profile.precisionLoss.count)} tone={profile.precisionLoss.count > 0 ? 'warning' : undefined} />
              </dl>
            </Section>
          </>
        )}
      </div>
    </aside>
  );
}
