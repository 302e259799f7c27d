import { useMutation, useQuery } from '@apollo/client/react';
import { Suspense, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorSentence } from '../../api/errors.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import {
  CurriculumFollowedDocument, FollowDocument, JurisdictionTopicFollowsDocument, LegalFrameworkFollowedDocument,
  NotificationSettingsDocument, ProcedureFollowedDocument, UnfollowDocument, WorkshopFollowedDocument,
} from '../../gql/graphql.ts';
import { followsJurisdictionTopic } from './notificationLogic.ts';
import type { FollowTarget } from './notificationLogic.ts';
import './notifications.css';

const STATE = {
  PROCEDURE: ProcedureFollowedDocument,
  LEGAL_FRAMEWORK: LegalFrameworkFollowedDocument,
  CURRICULUM: CurriculumFollowedDocument,
  WORKSHOP: WorkshopFollowedDocument,
  JURISDICTION_TOPIC: JurisdictionTopicFollowsDocument,
} as const;

/**
 * Follow / unfollow an item (or a jurisdiction and topic) for signed-in members; what is followed is the API's answer,
 * asked again after each change. Nothing for visitors who are not signed in.
 */
export function FollowButton(props: { target: FollowTarget; what?: string }) {
  const { session } = useAuth();
  if (!session) return null;
  return <Suspense fallback={null}><Follow {...props} /></Suspense>;
}

function Follow({ target, what }: { target: FollowTarget; what?: string }) {
  const { t } = useTranslation('notifications');
  const document = STATE[target.targetType];
  const { data, refetch } = useQuery(document as typeof ProcedureFollowedDocument, {
    variables: { id: 'id' in target ? target.id : '' },
    skip: target.targetType === 'JURISDICTION_TOPIC',
    fetchPolicy: 'cache-and-network',
  });
  const topics = useQuery(JurisdictionTopicFollowsDocument, { skip: target.targetType !== 'JURISDICTION_TOPIC', fetchPolicy: 'cache-and-network' });
  const [follow, followState] = useMutation(FollowDocument);
  const [unfollow, unfollowState] = useMutation(UnfollowDocument);
  const [error, setError] = useState<unknown>(null);
  const [changed, setChanged] = useState(false);

  const followed: boolean | undefined = target.targetType === 'JURISDICTION_TOPIC'
    ? (topics.data?.me ? followsJurisdictionTopic(topics.data.me.follows, target.jurisdiction, target.topic) : undefined)
    : (data as Record<string, { followedByMe: boolean } | null> | undefined)?.[ROOT_FIELD[target.targetType]]?.followedByMe;
  if (followed === undefined) return null;

  const busy = followState.loading || unfollowState.loading;
  const label = target.targetType === 'JURISDICTION_TOPIC'
    ? t(followed ? 'follow.unfollowJurisdictionTopic' : 'follow.followJurisdictionTopic', { jurisdiction: what ?? target.jurisdiction, topic: t(`common:topic.${target.topic}`) })
    : t(followed ? `follow.unfollow.${target.targetType}` : `follow.follow.${target.targetType}`);
  const toggle = async () => {
    setError(null);
    const input = target.targetType === 'JURISDICTION_TOPIC'
      ? { targetType: target.targetType, jurisdiction: target.jurisdiction, topic: target.topic }
      : { targetType: target.targetType, id: target.id };
    try {
      if (followed) await unfollow({ variables: { input }, refetchQueries: [NotificationSettingsDocument] });
      else await follow({ variables: { input }, refetchQueries: [NotificationSettingsDocument] });
      await (target.targetType === 'JURISDICTION_TOPIC' ? topics.refetch() : refetch());
      setChanged(true);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="follow">
      <Button className={followed ? 'button' : 'button button-primary'} isDisabled={busy} onPress={() => void toggle()}>{label}</Button>
      <p className="follow-status muted" role="status">
        {followed ? <>{t('follow.following')} <Link to="/notifications/settings">{t('follow.manage')}</Link></> : changed ? t('follow.notFollowing') : null}
      </p>
      {error !== null && <p className="state-error" role="alert">{errorSentence(error, t)}</p>}
    </div>
  );
}

const ROOT_FIELD = { PROCEDURE: 'procedure', LEGAL_FRAMEWORK: 'legalFramework', CURRICULUM: 'curriculum', WORKSHOP: 'workshop' } as const;
