import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../api/useMe.ts';
import { MemberEditor } from '../components/admin/MemberEditor.tsx';
import type { AgencyChoice } from '../components/admin/MemberEditor.tsx';
import { FormSelect } from '../components/procedure/FormSelect.tsx';
import { RoleGate } from '../components/RoleGate.tsx';
import { Empty, ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { AdminAgenciesDocument, AdminAgencyMembersDocument } from '../gql/graphql.ts';
import '../components/procedure/procedure.css';
import '../components/admin/admin.css';

export default function AdminPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('title'));
  return (
    <RoleGate role="ADMIN" title={t('title')}>
      <Members />
    </RoleGate>
  );
}

function Members() {
  const { t } = useTranslation('admin');
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency') ?? me?.agency.id ?? null;
  const [saved, setSaved] = useState<string | null>(null);
  const agencies = useQuery(AdminAgenciesDocument);
  const choices = useMemo<AgencyChoice[]>(() => [...(agencies.data?.agencies ?? [])]
    .map((a) => ({ id: a.id, orgKind: a.orgKind, label: t('agencyOption', { name: a.name, jurisdiction: a.jurisdiction.name, kind: t(`orgKind.${a.orgKind}`) }) }))
    .sort((a, b) => a.label.localeCompare(b.label)), [agencies.data, t]);

  return (
    <section className="page admin-page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="notice">{t('rules')}</p>
      {agencies.error && !agencies.data ? <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />
        : !agencies.data ? <Loading />
          : (
            <FormSelect className="admin-agency" label={t('agency')} options={choices} value={agencyId}
              placeholder={t('agencyPlaceholder')}
              onChange={(id) => { setSaved(null); setParams({ agency: id }); }} />
          )}
      <p role="status" aria-live="polite" className="admin-saved" data-testid="admin-saved">{saved}</p>
      {agencyId && me && <AgencyMembers agencyId={agencyId} viewer={{ id: me.id, roles: me.roles }} agencies={choices} onSaved={setSaved} />}
    </section>
  );
}

function AgencyMembers({ agencyId, viewer, agencies, onSaved }: {
  agencyId: string; viewer: { id: string; roles: readonly string[] }; agencies: readonly AgencyChoice[]; onSaved(message: string): void;
}) {
  const { t } = useTranslation('admin');
  const { data, loading, error, refetch } = useQuery(AdminAgencyMembersDocument, { variables: { id: agencyId } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading />;
  const agency = data?.agency;
  if (!agency) return <Empty>{t('unknownAgency')}</Empty>;
  const members = [...agency.members].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <section aria-labelledby="admin-members">
      <h2 id="admin-members">{t('membersOf', { agency: agency.name })}</h2>
      {members.length === 0 ? <Empty>{t('noMembers')}</Empty> : (
        <table className="table table-stack admin-table" data-testid="admin-members">
          <thead>
            <tr>
              <th scope="col">{t('columns.member')}</th>
              <th scope="col">{t('columns.tier')}</th>
              <th scope="col">{t('columns.roles')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.action')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-member={m.id}>
                <th scope="row">{m.displayName} <span className="muted">({m.id})</span>{m.id === viewer.id && <> <span className="badge badge-muted">{t('you')}</span></>}</th>
                <td data-label={t('columns.tier')} data-testid="tier">{t(`common:tier.${m.tier ?? 'none'}`)}</td>
                <td data-label={t('columns.roles')}>{m.roles.length ? m.roles.map((r) => t(`common:role.${r}`)).join(', ') : t('noRoles')}</td>
                <td data-label={t('columns.status')}>
                  <span className={`badge ${m.active ? 'badge-ok' : 'badge-muted'}`}>{t(m.active ? 'active' : 'inactive')}</span>
                </td>
                <td data-label={t('columns.action')}>
                  <MemberEditor member={m} viewer={viewer} agencies={agencies} onSaved={onSaved} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
