import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext.tsx';
import { MyTraining } from '../components/home/MyTraining.tsx';
import { NeedsReview } from '../components/home/NeedsReview.tsx';
import { RecentVersions } from '../components/home/RecentVersions.tsx';
import { Welcome } from '../components/home/Welcome.tsx';
import '../components/home/home.css';
import { ErrorState, Loading } from '../components/States.tsx';
import { usePageTitle } from '../components/usePageTitle.ts';
import { MeDocument } from '../gql/graphql.ts';

export default function Home() {
  const { t } = useTranslation('home');
  usePageTitle(t('title'));
  const { session } = useAuth();
  // The same query as the header's (one cached answer), read here for its error too.
  const { data, error, loading, refetch } = useQuery(MeDocument, { skip: !session });
  if (!session) return <Welcome />;
  const me = data?.me;
  if (!me) {
    return (
      <section className="page">
        <h1>{t('title')}</h1>
        {loading ? <Loading /> : <ErrorState error={error} onRetry={() => void refetch()} />}
      </section>
    );
  }
  const jurisdiction = me.agency.jurisdiction;
  return (
    <div className="home">
      <h1>{t('memberHeading', { name: me.displayName })}</h1>
      <p className="home-intro">{t('memberIntro', { jurisdiction: jurisdiction.name })}</p>
      <div className="home-grid">
        <RecentVersions />
        <div className="home-side">
          <NeedsReview jurisdiction={jurisdiction} />
          <MyTraining />
        </div>
      </div>
    </div>
  );
}
