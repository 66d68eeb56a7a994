/** A user's roles in words (审核员、复核人 / Reviewer · Second reviewer), in the catalogue's order. */
import { useTranslation } from 'react-i18next';
import type { CredentialRole } from '../../../../../shared/formats/policy';
import { sortedRoles } from '../identity-model';

export function RoleList({ roles }: { roles: readonly CredentialRole[] }) {
  const { t } = useTranslation();
  return <>{sortedRoles(roles).map((role) => t(`identity.roles.${role}`)).join(t('identity.roleSeparator'))}</>;
}
