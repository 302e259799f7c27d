import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { AuditMembersDocument } from '../../gql/graphql.ts';
import { FormSelect } from '../procedure/FormSelect.tsx';
import '../procedure/procedure.css';
import { DECISIONS, filterProblems, KINDS } from './auditUrl.ts';
import type { AuditFilters } from './auditUrl.ts';

const ANY = '*';

/** The audit log's filters: member, kind, decision, entity type, entity id and a date range (UTC days). */
export function AuditFilterForm({ value, onApply, onClear }: { value: AuditFilters; onApply(f: AuditFilters): void; onClear(): void }) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState(value);
  const [tried, setTried] = useState(false);
  useEffect(() => setDraft(value), [value]);
  const members = useQuery(AuditMembersDocument);
  const memberOptions = useMemo(() => {
    const list = (members.data?.agencies ?? []).flatMap((a) => a.members.map((m) => ({ id: m.id, label: t('filters.memberOption', { name: m.displayName, agency: a.name }) })));
    list.sort((a, b) => a.label.localeCompare(b.label));
    // A member named in the URL but not (or no longer) in the directory stays choosable by id.
    if (draft.member && !list.some((m) => m.id === draft.member)) list.unshift({ id: draft.member, label: draft.member });
    return [{ id: ANY, label: t('filters.anyMember') }, ...list];
  }, [members.data, draft.member, t]);
  const problems = tried ? filterProblems(draft) : {};
  const set = (patch: Partial<AuditFilters>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const found = filterProblems(draft);
    if (found.from || found.to) {
      document.getElementById(found.from ? 'audit-from' : 'audit-to')?.focus();
      return;
    }
    onApply(draft);
  };

  return (
    <form className="audit-filters" onSubmit={submit} aria-labelledby="audit-filters-heading" noValidate>
      <h2 id="audit-filters-heading">{t('filters.heading')}</h2>
      <div className="audit-filter-grid">
        <FormSelect label={t('filters.member')} options={memberOptions} value={draft.member || ANY}
          onChange={(id) => set({ member: id === ANY ? '' : id })}
          description={members.error ? t('filters.membersUnavailable') : undefined} />
        <FormSelect label={t('filters.kind')} value={draft.kind || ANY}
          options={[{ id: ANY, label: t('filters.anyKind') }, ...KINDS.map((k) => ({ id: k, label: t(`kind.${k}`) }))]}
          onChange={(id) => set({ kind: id === ANY ? '' : (id as AuditFilters['kind']) })} />
        <FormSelect label={t('filters.decision')} value={draft.decision || ANY}
          options={[{ id: ANY, label: t('filters.anyDecision') }, ...DECISIONS.map((d) => ({ id: d, label: t(`decision.${d}`) }))]}
          onChange={(id) => set({ decision: id === ANY ? '' : (id as AuditFilters['decision']) })} />
        <TextField className="field" value={draft.entityType} onChange={(v) => set({ entityType: v })} maxLength={100}>
          <Label>{t('filters.entityType')}</Label>
          <Input />
          <Text slot="description" className="field-description">{t('filters.entityTypeHelp')}</Text>
        </TextField>
        <TextField className="field" value={draft.entity} onChange={(v) => set({ entity: v })} maxLength={200}>
          <Label>{t('filters.entity')}</Label>
          <Input />
          <Text slot="description" className="field-description">{t('filters.entityHelp')}</Text>
        </TextField>
        <TextField className="field" type="date" value={draft.from} onChange={(v) => set({ from: v })}
          isInvalid={Boolean(problems.from)} validationBehavior="aria">
          <Label>{t('filters.from')}</Label>
          <Input id="audit-from" type="date" min="2000-01-01" />
          <FieldError className="field-error">{problems.from && t(`filters.problem.${problems.from}`)}</FieldError>
        </TextField>
        <TextField className="field" type="date" value={draft.to} onChange={(v) => set({ to: v })}
          isInvalid={Boolean(problems.to)} validationBehavior="aria">
          <Label>{t('filters.to')}</Label>
          <Input id="audit-to" type="date" min="2000-01-01" />
          <Text slot="description" className="field-description">{t('filters.daysHelp')}</Text>
          <FieldError className="field-error">{problems.to && t(`filters.problem.${problems.to}`)}</FieldError>
        </TextField>
      </div>
      <div className="audit-filter-actions">
        <Button type="submit" className="button button-primary">{t('filters.apply')}</Button>
        <Button className="button" onPress={() => { setTried(false); onClear(); }}>{t('filters.clear')}</Button>
      </div>
    </form>
  );
}
