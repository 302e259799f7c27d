import { usePageTitle } from '../components/usePageTitle.ts';

export default function Search() {
  usePageTitle('Search');
  return <section className="page"><h1>Search</h1></section>;
}
