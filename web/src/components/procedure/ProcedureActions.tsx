import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Label, Modal, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorSentence } from '../../api/errors.ts';
import { ProcedurePublishDocument, ProcedureVerifyDocument, ProcedureWithdrawDocument } from '../../gql/graphql.ts';
import { formatDate } from './dates.ts';
import { canCreate, canEdit, canPublish, canVerify, canWithdraw } from './procedureAccess.ts';
import type { ActingMember } from './procedureAccess.ts';

interface Props {
  member: ActingMember | null;
  procedure: { id: string; version: number; status: string; agencyId: string; hasVersionInForce: boolean };
  /** Called after a write succeeded, to read the procedure again. */
  onChanged: () => Promise<unknown>;
}

/** The writes a member may make on this procedure: edit, publish, withdraw, verify. The API decides; refusals read as sentences. */
export function ProcedureActions({ member, procedure, onChanged }: Props) {
  const { t } = useTranslation('procedure');
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const state = { agencyId: procedure.agencyId, status: procedure.status, hasVersionInForce: procedure.hasVersionInForce };
  const edit = canEdit(member, state);
  const publish = canPublish(member, state);
  const withdraw = canWithdraw(member, state);
  const verify = canVerify(member, state);
  const create = canCreate(member);
  const [verifyProcedure, verifying] = useMutation(ProcedureVerifyDocument);
  if (!edit && !publish && !withdraw && !verify && !create) return null;

  const run = async (action: () => Promise<unknown>, success: string) => {
    setDone(null);
    setFailure(null);
    try {
      await action();
      await onChanged();
      setDone(success);
    } catch (e) {
      setFailure(errorSentence(e, t));
    }
  };

  return (
    <section className="proc-actions" aria-labelledby="proc-actions-title">
      <h2 id="proc-actions-title" className="visually-hidden">{t('actions.title')}</h2>
      <div className="proc-actions-row">
        {edit && <Link className="button button-primary" to={`/procedures/${encodeURIComponent(procedure.id)}/edit`}>{t('actions.edit')}</Link>}
        {verify && (
          <Button className="button" isDisabled={verifying.loading}
            onPress={() => void run(() => verifyProcedure({ variables: { id: procedure.id } }), t('actions.verified'))}>
            {t('actions.verify')}
          </Button>
        )}
        {withdraw && <WithdrawDialog procedureId={procedure.id} onDone={(action) => run(action, t('actions.withdrawn'))} />}
        {create && <Link className="button" to="/procedures/new">{t('actions.new')}</Link>}
      </div>
      {publish && <PublishForm procedure={procedure} onDone={(action, date) => run(action, t('actions.published', { date: date ? formatDate(date) : t('actions.today') }))} />}
      {done && <p role="status" className="proc-success">{done}</p>}
      {failure && <p role="alert" className="state-error">{failure}</p>}
    </section>
  );
}

function PublishForm({ procedure, onDone }: { procedure: Props['procedure']; onDone: (action: () => Promise<unknown>, date: string | null) => Promise<void> }) {
  const { t } = useTranslation('procedure');
  const [date, setDate] = useState('');
  const [publishProcedure, { loading }] = useMutation(ProcedurePublishDocument);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const effectiveFrom = date || null;
    void onDone(() => publishProcedure({ variables: { id: procedure.id, expectedVersion: procedure.version, effectiveFrom } }), effectiveFrom);
  };
  return (
    <form className="proc-publish" onSubmit={submit} aria-labelledby="proc-publish-title">
      <h3 id="proc-publish-title">{t('publish.title', { version: procedure.version })}</h3>
      <p className="muted">{t('publish.help')}</p>
      <div className="proc-publish-row">
        <div className="field">
          <label htmlFor="proc-effective-from">{t('publish.effectiveFrom')}</label>
          <input id="proc-effective-from" type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby="proc-effective-help" />
          <span id="proc-effective-help" className="field-description">{t('publish.effectiveHelp')}</span>
        </div>
        <Button type="submit" className="button button-primary" isDisabled={loading}>{t('publish.submit')}</Button>
      </div>
    </form>
  );
}

function WithdrawDialog({ procedureId, onDone }: { procedureId: string; onDone: (action: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation('procedure');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [withdrawProcedure, { loading }] = useMutation(ProcedureWithdrawDocument);
  return (
    <DialogTrigger>
      <Button className="button proc-danger">{t('withdraw.open')}</Button>
      <Modal className="proc-modal" isDismissable>
        <Dialog className="proc-dialog">
          {({ close }) => (
            <form onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) {
                setMissing(true);
                return;
              }
              close();
              void onDone(() => withdrawProcedure({ variables: { id: procedureId, reason: reason.trim() } }));
            }}>
              <Heading slot="title">{t('withdraw.title')}</Heading>
              <p>{t('withdraw.warning')}</p>
              <TextField className="field" value={reason} onChange={(v) => { setReason(v); setMissing(false); }} isRequired
                isInvalid={missing} validationBehavior="aria" autoFocus>
                <Label>{t('withdraw.reason')}</Label>
                <TextArea rows={3} />
                {missing && <p className="field-error" role="alert">{t('withdraw.reasonMissing')}</p>}
              </TextField>
              <div className="proc-dialog-buttons">
                <Button className="button" onPress={close}>{t('withdraw.cancel')}</Button>
                <Button type="submit" className="button proc-danger-solid" isDisabled={loading}>{t('withdraw.confirm')}</Button>
              </div>
            </form>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}
