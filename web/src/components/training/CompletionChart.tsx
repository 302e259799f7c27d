import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chartGeometry, SEGMENTS } from './trainingData.ts';
import type { TierRow } from './trainingData.ts';

/**
 * Completion by tier as horizontal stacked bars: a hand-drawn SVG with a text alternative (role="img"); the same
 * figures are in the table beside it, which is what a screen reader should read. A withheld tier says so, never 0.
 */
export function CompletionChart({ rows }: { rows: readonly TierRow[] }) {
  const { t } = useTranslation('training');
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  const titleId = useId();
  const descId = useId();
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(300, Math.min(720, Math.round(entry.contentRect.width))));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const chart = chartGeometry(rows, width);
  const number = new Intl.NumberFormat(t('locale'));
  const tierName = (tier: string | null) => t(`tier.${tier ?? 'none'}`);
  const description = rows.map((r) => r.counts
    ? t('chart.describeTier', {
      tier: tierName(r.tier ?? null), assigned: number.format(r.counts.assigned), completed: number.format(r.counts.completed),
      inProgress: number.format(r.counts.inProgress), notStarted: number.format(r.counts.notStarted), overdue: number.format(r.counts.overdue),
    })
    : t('chart.describeWithheld', { tier: tierName(r.tier ?? null) })).join(' ');
  return (
    <figure className="training-chart" ref={box}>
      <svg role="img" aria-labelledby={`${titleId} ${descId}`} width={chart.width} height={chart.height}
        viewBox={`0 0 ${chart.width} ${chart.height}`} data-testid="completion-chart">
        <title id={titleId}>{t('chart.title')}</title>
        <desc id={descId}>{description}</desc>
        {chart.ticks.map((tick) => (
          <g key={tick.value} aria-hidden="true">
            <line x1={tick.x} x2={tick.x} y1={0} y2={chart.height - 20} className="training-chart-grid" />
            <text x={tick.x} y={chart.height - 4} textAnchor="middle" className="training-chart-tick">{number.format(tick.value)}</text>
          </g>
        ))}
        {chart.bars.map((bar) => (
          <g key={bar.tier ?? 'none'} data-tier={bar.tier ?? 'none'}>
            <text x={chart.plotX - 10} y={bar.y + chart.barHeight / 2} textAnchor="end" dominantBaseline="central" className="training-chart-label">
              {tierName(bar.tier)}
            </text>
            {bar.withheld !== null ? (
              <>
                <rect x={chart.plotX} y={bar.y} width={chart.plotWidth} height={chart.barHeight} className="training-chart-withheld" />
                <text x={chart.plotX + 10} y={bar.y + chart.barHeight / 2} dominantBaseline="central" className="training-chart-withheld-text">
                  {t('withheld')}
                </text>
              </>
            ) : (
              <>
                {bar.segments.filter((s) => s.value > 0).map((s) => (
                  <g key={s.key} data-segment={s.key}>
                    <rect x={s.x} y={bar.y} width={s.width} height={chart.barHeight} className={`training-seg training-seg-${s.key}`} />
                    {s.width >= 24 && (
                      <text x={s.x + s.width / 2} y={bar.y + chart.barHeight / 2} textAnchor="middle" dominantBaseline="central" className="training-seg-value">
                        {number.format(s.value)}
                      </text>
                    )}
                  </g>
                ))}
                <text x={(bar.segments.at(-1)?.x ?? chart.plotX) + (bar.segments.at(-1)?.width ?? 0) + 6} y={bar.y + chart.barHeight / 2}
                  dominantBaseline="central" className="training-chart-total">
                  {number.format(bar.assigned ?? 0)}
                </text>
              </>
            )}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="training-legend">
          {SEGMENTS.map((key) => (
            <li key={key}><span className={`training-swatch training-seg-${key}`} aria-hidden="true" />{t(`counts.${key}`)}</li>
          ))}
          <li><span className="training-legend-total" aria-hidden="true">N</span>{t('chart.totalLegend')}</li>
        </ul>
      </figcaption>
    </figure>
  );
}
