import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Label, Modal, Radio, RadioGroup, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { errorCode } from '../../api/errors.ts';
import { WorkshopSetRecommendationStatusDocument } from '../../gql/graphql.ts';
import { allowedTransitions, validReason } from './workshops.ts';

/** A recommendation as the action needs it; `language` is the one its statement is written in. */
type StatusTarget = { id: string; status: string; statement: string; language: string };

/**
 * The administrator's status change of a recommendation: only the transitions the API allows from its status are
 * offered, and a reason is required before anything is sent. A final status says so instead.
 */
export function RecommendationStatusAction({ recommendation }: { recommendation: StatusTarget }) {
  const { t } = useTranslation('workshops');
  const [done, setDone] = useState<string | null>(null);
  const allowed = allowedTransitions(recommendation.status);
  return (
    <div className="ws-rec-action">
      {allowed.length === 0 ? <p className="muted">{t('change.final', { status: t(`status.${recommendation.status}`) })}</p> : (
      <DialogTrigger>
        <Button className="button" aria-label={t('change.openFor', { statement: recommendation.statement })}>{t('change.open')}</Button>
        <Modal className="proc-modal" isDismissable>
          <Dialog className="proc-dialog ws-dialog">
            {({ close }) => (
              <StatusForm recommendation={recommendation} allowed={allowed} onCancel={close}
                onDone={(to) => { setDone(t('change.done', { status: t(`status.${to}`) })); close(); }} />
            )}
          </Dialog>
        </Modal>
      </DialogTrigger>
      )}
      <p role="status" className="ws-success">{done}</p>
    </div>
  );
}

function StatusForm({ recommendation, allowed, onCancel, onDone }: {
  recommendation: StatusTarget;
  allowed: readonly string[];
  onCancel: () => void;
  onDone: (status: string) => void;
}) {
  const { t } = useTranslation('workshops');
  const [status, setStatus] = useState<string | null>(allowed.length === 1 ? allowed[0]! : null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<{ status: boolean; reason: boolean }>({ status: false, reason: false });
  const [failure, setFailure] = useState<string | null>(null);
  const [change, { loading }] = useMutation(WorkshopSetRecommendationStatusDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = validReason(reason);
    setMissing({ status: !status, reason: !text });
    if (!status || !text) return;
    setFailure(null);
    try {
      await change({ variables: { id: recommendation.id, status: status as never, reason: text } });
      onDone(status);
    } catch (error) {
      const code = errorCode(error);
      const serverSays = CombinedGraphQLErrors.is(error) ? error.errors[0]?.message : undefined;
      setFailure(code === 'BAD_USER_INPUT' && serverSays
        ? t('change.errors.BAD_USER_INPUT', { message: serverSays })
        : t(`change.errors.${code}`, { defaultValue: t('change.errors.UNKNOWN') }));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Heading slot="title">{t('change.title')}</Heading>
      <p lang={recommendation.language} className="ws-dialog-statement">{recommendation.statement}</p>
      <p>{t('change.current', { status: t(`status.${recommendation.status}`) })}</p>
      <RadioGroup className="react-aria-RadioGroup field" value={status} isRequired isInvalid={missing.status} validationBehavior="aria"
        onChange={(v) => { setStatus(v); setMissing((m) => ({ ...m, status: false })); }}>
        <Label>{t('change.to')}</Label>
        <div className="ws-chip-row">
          {allowed.map((s) => (
            <Radio key={s} value={s} className="react-aria-Radio ws-chip">{t(`status.${s}`)}</Radio>
          ))}
        </div>
        {missing.status && <p className="field-error" role="alert">{t('change.statusMissing')}</p>}
      </RadioGroup>
      <TextField className="field" value={reason} isRequired isInvalid={missing.reason} validationBehavior="aria"
        onChange={(v) => { setReason(v); setMissing((m) => ({ ...m, reason: false })); }}>
        <Label>{t('change.reason')}</Label>
        <TextArea rows={3} />
        {missing.reason && <p className="field-error" role="alert">{t('change.reasonMissing')}</p>}
      </TextField>
      {failure && <p role="alert" className="state-error">{failure}</p>}
      <div className="proc-dialog-buttons">
        <Button className="button" onPress={onCancel}>{t('change.cancel')}</Button>
        <Button type="submit" className="button button-primary" isDisabled={loading}>{t('change.submit')}</Button>
      </div>
    </form>
  );
}
