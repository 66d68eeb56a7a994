/**
 * Every payload file of the candidate with its role, media type, size and both digests, each
 * marked verified when main recomputed it on import and it matched the manifest.
 */
import { useTranslation } from 'react-i18next';
import type { CandidateFile } from '../../../../../shared/formats/candidate';
import type { CandidateDetail } from '../../../../../shared/ipc/schemas/candidates';
import { WarningIcon } from '../../../app/components/icons';
import { formatBytes } from '../../../app/format';
import { Digest } from './Digest';

type Integrity = CandidateDetail['integrity'][number];

function DigestCell({ digest, verified }: { digest: string; verified: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="digest-cell">
      {verified ? (
        <span className="verified" data-testid="digest-status" data-status="verified">
          {t('candidate.verified')}
        </span>
      ) : (
        <span className="unverified" data-testid="digest-status" data-status="unverified">
          <WarningIcon size={12} />
          {t('candidate.notVerified')}
        </span>
      )}
      <Digest value={digest} />
    </span>
  );
}

export function FilesTable({ files, integrity }: { files: readonly CandidateFile[]; integrity: readonly Integrity[] }) {
  const { t } = useTranslation();
  const byPath = new Map(integrity.map((entry) => [entry.path, entry]));
  return (
    <div className="table-scroll">
      <table className="data-table compact files-table" data-testid="overview-files">
        <thead>
          <tr>
            <th scope="col">{t('candidate.fields.path')}</th>
            <th scope="col">{t('candidate.fields.role')}</th>
            <th scope="col">{t('candidate.fields.mediaType')}</th>
            <th scope="col" className="numeric">
              {t('candidate.fields.size')}
            </th>
            <th scope="col">{t('candidate.fields.sha256')}</th>
            <th scope="col">{t('candidate.fields.sm3')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => {
            const check = byPath.get(file.path);
            return (
              <tr key={file.path} data-testid="overview-file-row" data-path={file.path}>
                <td className="mono path-cell" title={file.path}>
                  {file.path}
                </td>
                <td>{t(`candidate.roles.${file.role}`)}</td>
                <td className="mono muted" title={file.mediaType}>
                  <span className="truncate">{file.mediaType}</span>
                </td>
                <td className="numeric tabular" title={t('candidate.bytesTitle', { bytes: file.bytes })}>
                  {formatBytes(file.bytes)}
                </td>
                <td>
                  <DigestCell digest={file.sha256} verified={check?.sha256 === 'verified'} />
                </td>
                <td>
                  <DigestCell digest={file.sm3} verified={check?.sm3 === 'verified'} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
