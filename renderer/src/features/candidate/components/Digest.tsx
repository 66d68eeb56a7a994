/** A digest shortened for tables, with the full value in the title attribute. */
import { useTranslation } from 'react-i18next';
import { shortDigest } from '../../../app/format';

export function Digest({ value, full = false }: { value: string; full?: boolean }) {
  const { t } = useTranslation();
  return (
    <code className={full ? 'digest digest-full' : 'digest'} title={t('candidate.digestTitle', { digest: value })}>
      {full ? value : shortDigest(value)}
    </code>
  );
}
