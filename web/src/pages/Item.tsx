import { usePageTitle } from '../components/usePageTitle.ts';

export default function Item() {
  usePageTitle('Item');
  return <section className="page"><h1>Item</h1></section>;
}
