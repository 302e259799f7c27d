import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { TrainingAgenciesDocument, TrainingJurisdictionsDocument } from '../../gql/graphql.ts';
import { FormSelect } from '../procedure/FormSelect.tsx';

export const ALL_UNITS = '*';

/**
 * A jurisdiction, then one of its law-enforcement units (or, when `allUnits` is given, all of them): the scope of a
 * training report, or the unit a trainer assigns to.
 */
export function ScopePicker({ jurisdiction, agency, onChange, allUnits, agencyError }: {
  jurisdiction: string | null;
  agency: string | null;
  onChange: (scope: { jurisdiction: string | null; agency: string | null }) => void;
  allUnits?: boolean;
  agencyError?: string | null;
}) {
  const { t } = useTranslation('training');
  const jurisdictions = useQuery(TrainingJurisdictionsDocument);
  const agencies = useQuery(TrainingAgenciesDocument, { variables: { jurisdiction }, skip: !jurisdiction });
  const units = (agencies.data?.agencies ?? []).filter((a) => a.orgKind === 'LEA' && a.jurisdiction.code === jurisdiction)
    .sort((a, b) => a.name.localeCompare(b.name));
  const jurisdictionOptions = [...(jurisdictions.data?.jurisdictions ?? [])].sort((a, b) => a.name.localeCompare(b.name))
    .map((j) => ({ id: j.code, label: j.name }));
  return (
    <div className="training-scope">
      <FormSelect label={t('scope.jurisdiction')} options={jurisdictionOptions} value={jurisdiction}
        placeholder={jurisdictions.loading ? t('scope.loading') : t('scope.chooseJurisdiction')}
        onChange={(code) => onChange({ jurisdiction: code, agency: allUnits ? ALL_UNITS : null })} />
      <FormSelect label={t('scope.unit')} value={agency} error={agencyError}
        options={[...(allUnits ? [{ id: ALL_UNITS, label: t('scope.allUnits') }] : []), ...units.map((a) => ({ id: a.id, label: a.name }))]}
        placeholder={!jurisdiction ? t('scope.chooseJurisdictionFirst') : agencies.loading ? t('scope.loading') : units.length ? t('scope.chooseUnit') : t('scope.noUnits')}
        onChange={(id) => onChange({ jurisdiction, agency: id })} />
    </div>
  );
}
