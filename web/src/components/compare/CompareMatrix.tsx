import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { csvFileName } from './compareMatrix.ts';
import type { Matrix } from './compareMatrix.ts';

/** Where the matrix's strings come from (a namespace and a key prefix with the same keys as compare's `results`). */
export interface MatrixTexts { ns: string; prefix: string }
const COMPARE_TEXTS: MatrixTexts = { ns: 'compare', prefix: 'results' };
const procedurePath = (id: string) => `/procedures/${encodeURIComponent(id)}`;

/**
 * A jurisdiction x dimension matrix with divergent rows flagged and its CSV. Procedures by default; other items (legal
 * provisions) bring their own strings (`texts`) and links (`hrefOf`, from the id a column or cell carries).
 */
export function CompareMatrix({ matrix, texts = COMPARE_TEXTS, hrefOf = procedurePath }: { matrix: Matrix; texts?: MatrixTexts; hrefOf?: (id: string) => string }) {
  const { t } = useTranslation(texts.ns, { keyPrefix: texts.prefix });
  const { t: common } = useTranslation();
  const topic = common(`topic.${matrix.topic}`);
  const captionId = 'compare-matrix-caption';
  return (
    <div className="compare-results">
      <h2 id="compare-results-title">{t('title', { topic, date: matrix.at })}</h2>
      <p className="compare-summary" data-testid="compare-summary">
        {t('summary', { present: matrix.presentCount, total: matrix.columns.length, count: matrix.rows.length })}{' '}
        <strong>{t('divergent', { count: matrix.divergentCount })}</strong>
      </p>
      {matrix.missing.length > 0 && (
        <div className="compare-missing" data-testid="compare-missing">
          <h3>{t('missingTitle', { count: matrix.missing.length })}</h3>
          <ul>
            {matrix.missing.map((j) => (
              <li key={j.code}>{t('missingItem', { name: j.name })}</li>
            ))}
          </ul>
        </div>
      )}
      <CsvDownload matrix={matrix} texts={texts} />
      {matrix.rows.length === 0 ? (
        <p className="state state-empty">{t('noDimensions')}</p>
      ) : (
        <div className="matrix-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="compare-matrix" data-columns={matrix.columns.length}>
            <caption id={captionId}>{t('caption', { topic, date: matrix.at })}</caption>
            <thead>
              <tr>
                <th scope="col" className="matrix-corner">{t('dimension')}</th>
                {matrix.columns.map((c, i) => (
                  <th scope="col" key={c.code} data-code={c.code} data-column={i} className={c.missing ? 'column-missing' : undefined}>
                    {c.procedureId ? <Link to={hrefOf(c.procedureId)}>{c.name}</Link> : c.name}
                    <span className="column-code">{c.code}</span>
                    {c.missing && <span className="column-note">{t('noProcedure')}</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.key} data-dimension={row.key} className={row.divergent ? 'row-divergent' : undefined}>
                  <th scope="row">
                    <span className="dimension-label">{row.label}</span>
                    {row.unit && <span className="dimension-unit">{t('unit', { unit: row.unit })}</span>}
                    {row.divergent
                      ? <span className="badge divergent-badge"><span aria-hidden="true">≠ </span>{t('divergentBadge')}</span>
                      : <span className="badge badge-muted same-badge">{t('sameBadge')}</span>}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.code}>
                      {cell.display !== null && cell.procedureId
                        ? <Link to={hrefOf(cell.procedureId)}>{cell.display}</Link>
                        : cell.display ?? <span className="cell-empty"><span aria-hidden="true">—</span><span className="visually-hidden">{cell.procedureId ? t('noValue') : t('noProcedure')}</span></span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CsvDownload({ matrix, texts }: { matrix: Matrix; texts: MatrixTexts }) {
  const { t } = useTranslation(texts.ns, { keyPrefix: texts.prefix });
  const [href, setHref] = useState<string | null>(null);
  const fileName = useMemo(() => csvFileName(matrix.topic, matrix.columns.map((c) => c.code), matrix.at), [matrix]);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([matrix.csv], { type: 'text/csv;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [matrix.csv]);
  if (!href) return null;
  return (
    <p className="compare-download">
      <a className="button" href={href} download={fileName}>{t('download')}</a>{' '}
      <span className="muted">{fileName}</span>
    </p>
  );
}
