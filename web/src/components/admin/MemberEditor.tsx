import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Checkbox, CheckboxGroup, Dialog, DialogTrigger, Heading, Label, Modal, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorCode } from '../../api/errors.ts';
import { AdminUpdateMemberDocument } from '../../gql/graphql.ts';
import type { Role, Tier } from '../../gql/graphql.ts';
import { FormSelect } from '../procedure/FormSelect.tsx';
import type { SelectOption } from '../procedure/FormSelect.tsx';
import { editProblems, lockReason, memberChanges, roleLock, ROLES } from './memberEdit.ts';
import type { EditViewer, MemberState, RoleName } from './memberEdit.ts';

export interface EditableMember {
  id: string;
  displayName: string;
  tier?: Tier | null;
  roles: readonly Role[];
  active: boolean;
  agency: { id: string };
}

export interface AgencyChoice extends SelectOption {
  orgKind: string;
}

const NO_TIER = 'NONE';
const stateOf = (m: EditableMember): MemberState => ({ id: m.id, tier: m.tier ?? null, roles: m.roles as RoleName[], agencyId: m.agency.id, active: m.active });

/** The API's refusal: its code as a sentence, then what the platform said. */
function refusal(error: unknown, t: TFunction): string {
  const sentence = t(`common:errors.${errorCode(error)}`, { defaultValue: t('common:errors.UNKNOWN') });
  const said = CombinedGraphQLErrors.is(error) ? error.errors[0]?.message : undefined;
  return said ? `${sentence} ${t('edit.apiSaid', { message: said })}` : sentence;
}

/**
 * "Change…" for one member: tier, roles, agency and activity. What the API would refuse on separation of duties is
 * disabled here with its reason; a refusal that still comes back (e.g. the record changed meanwhile) is shown as said.
 */
export function MemberEditor({ member, viewer, agencies, onSaved }: {
  member: EditableMember; viewer: EditViewer; agencies: readonly AgencyChoice[]; onSaved(message: string): void;
}) {
  const { t } = useTranslation('admin');
  const locked = lockReason(viewer, member);
  const reasonId = `lock-${member.id}`;
  if (locked) {
    return (
      <div className="admin-locked">
        <Button className="button" isDisabled aria-describedby={reasonId}>{t('edit.open')}</Button>
        <span id={reasonId} className="muted">{t(`lock.${locked}`)}</span>
      </div>
    );
  }
  return (
    <DialogTrigger>
      <Button className="button" aria-label={t('edit.openFor', { name: member.displayName })}>{t('edit.open')}</Button>
      <Modal className="proc-modal" isDismissable>
        <Dialog className="proc-dialog admin-dialog">
          {({ close }) => <EditForm member={member} viewer={viewer} agencies={agencies} close={close} onSaved={onSaved} />}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

function EditForm({ member, viewer, agencies, close, onSaved }: {
  member: EditableMember; viewer: EditViewer; agencies: readonly AgencyChoice[]; close(): void; onSaved(message: string): void;
}) {
  const { t } = useTranslation('admin');
  const current = stateOf(member);
  const [draft, setDraft] = useState<MemberState>(current);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [update, { loading }] = useMutation(AdminUpdateMemberDocument, { refetchQueries: ['AdminAgencyMembers'] });
  const orgKind = agencies.find((a) => a.id === draft.agencyId)?.orgKind ?? null;
  const problems = tried ? editProblems(draft, orgKind) : {};

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setFailure(null);
    if (editProblems(draft, orgKind).tier) return;
    const input = memberChanges(current, draft);
    if (!input) {
      setFailure(t('edit.nothing'));
      return;
    }
    try {
      const result = await update({ variables: { id: member.id, input } });
      const saved = result.data?.updateMember;
      close();
      onSaved(t('edit.saved', {
        name: member.displayName,
        tier: t(`common:tier.${saved?.tier ?? 'none'}`),
        roles: saved?.roles.length ? saved.roles.map((r) => t(`common:role.${r}`)).join(', ') : t('noRoles'),
      }));
    } catch (err) {
      setFailure(refusal(err, t));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Heading slot="title">{t('edit.title', { name: member.displayName })}</Heading>
      <RadioGroup className="field admin-tier" value={draft.tier ?? NO_TIER} isInvalid={Boolean(problems.tier)} validationBehavior="aria"
        onChange={(v) => setDraft({ ...draft, tier: v === NO_TIER ? null : (v as MemberState['tier']) })}>
        <Label>{t('edit.tier')}</Label>
        <div className="admin-radios">
          {(['PRACTITIONER', 'MANAGER', NO_TIER] as const).map((tier) => (
            <Radio key={tier} value={tier} className="admin-radio">{t(`common:tier.${tier === NO_TIER ? 'none' : tier}`)}</Radio>
          ))}
        </div>
        <Text slot="description" className="field-description">{t('edit.tierHelp')}</Text>
        {problems.tier && <p className="field-error" role="alert">{t(`edit.problem.${problems.tier}`)}</p>}
      </RadioGroup>
      <CheckboxGroup className="field admin-roles" value={[...draft.roles]} onChange={(v) => setDraft({ ...draft, roles: v as RoleName[] })}>
        <Label>{t('edit.roles')}</Label>
        {ROLES.map((role) => {
          const lock = roleLock(viewer, role);
          return (
            <div key={role} className="admin-role">
              <Checkbox value={role} isDisabled={Boolean(lock)} className="admin-checkbox" aria-describedby={lock ? `role-lock-${role}` : undefined}>
                <span className="admin-box" aria-hidden="true" />{t(`common:role.${role}`)}
              </Checkbox>
              {lock && <span id={`role-lock-${role}`} className="muted">{t(`lock.${lock}`)}</span>}
            </div>
          );
        })}
      </CheckboxGroup>
      <FormSelect label={t('edit.agency')} options={agencies} value={draft.agencyId} onChange={(id) => setDraft({ ...draft, agencyId: id })} />
      <Checkbox className="admin-checkbox admin-active" isSelected={draft.active} onChange={(active) => setDraft({ ...draft, active })}>
        <span className="admin-box" aria-hidden="true" />{t('edit.active')}
      </Checkbox>
      {failure && <p className="field-error admin-failure" role="alert">{failure}</p>}
      <div className="proc-dialog-buttons">
        <Button className="button" onPress={close}>{t('edit.cancel')}</Button>
        <Button type="submit" className="button button-primary" isDisabled={loading}>{t('edit.save')}</Button>
      </div>
    </form>
  );
}
