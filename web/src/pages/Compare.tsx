import { usePageTitle } from '../components/usePageTitle.ts';

export default function Compare() {
  usePageTitle('Compare');
  return <section className="page"><h1>Compare</h1></section>;
}
