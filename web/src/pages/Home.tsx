import { usePageTitle } from '../components/usePageTitle.ts';

export default function Home() {
  usePageTitle('Home');
  return <section className="page"><h1>Home</h1></section>;
}
