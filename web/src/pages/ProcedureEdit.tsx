import { usePageTitle } from '../components/usePageTitle.ts';

export default function ProcedureEdit() {
  usePageTitle('ProcedureEdit');
  return <section className="page"><h1>ProcedureEdit</h1></section>;
}
