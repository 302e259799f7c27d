import { usePageTitle } from '../components/usePageTitle.ts';

export default function Procedure() {
  usePageTitle('Procedure');
  return <section className="page"><h1>Procedure</h1></section>;
}
