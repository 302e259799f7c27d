import { geoConicConformal, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json';
import { alpha2Of } from './europeCountries.ts';
import './EuropeMap.css';

// Drawn from world-atlas (bundled, no tile server). The map is a pointer shortcut: it is hidden from assistive
// technology, and everything it does can be done with the type-ahead and the list of countries beside it.

const WIDTH = 800;
const HEIGHT = 720;

interface Shape {
  key: string;
  code: string | null;
  d: string;
  name: string;
}

function europeShapes(): Shape[] {
  const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  // From Iceland and Portugal to Cyprus and northern Finland.
  const frame = { type: 'MultiPoint' as const, coordinates: [[-24, 63], [-10, 36], [35, 34], [30, 70.5], [-8, 58]] };
  const projection = geoConicConformal().rotate([-10, 0]).parallels([38, 62]).fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], frame);
  projection.clipExtent([[0, 0], [WIDTH, HEIGHT]]);
  const path = geoPath(projection);
  const shapes: Shape[] = [];
  collection.features.forEach((f, i) => {
    const d = path(f);
    if (d) shapes.push({ key: String(f.id ?? `n${i}`), code: alpha2Of(f.id), d, name: f.properties?.name ?? '' });
  });
  return shapes;
}

export interface EuropeMapProps {
  /** Codes and names of the countries the API knows: only these can be selected. */
  selectable: ReadonlyMap<string, string>;
  selected: readonly string[];
  onToggle(code: string): void;
  /** A status per country (e.g. a directive's transposition), drawn as `data-status` for the stylesheet to colour. */
  statusOf?: (code: string) => string | undefined;
}

export default function EuropeMap({ selectable, selected, onToggle, statusOf }: EuropeMapProps) {
  const shapes = useMemo(europeShapes, []);
  const chosen = new Set(selected);
  return (
    <svg className="europe-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false" data-testid="europe-map">
      <rect className="europe-map-sea" width={WIDTH} height={HEIGHT} />
      {shapes.map((s) => {
        const name = s.code ? selectable.get(s.code) : undefined;
        if (!name || !s.code) return <path key={s.key} className="country" d={s.d} />;
        const code = s.code;
        const isSelected = chosen.has(code);
        return (
          <path
            key={s.key}
            className={`country country-selectable${isSelected ? ' country-selected' : ''}`}
            d={s.d}
            data-code={code}
            data-selected={isSelected || undefined}
            data-status={statusOf?.(code)}
            onClick={() => onToggle(code)}
          >
            <title>{name}</title>
          </path>
        );
      })}
    </svg>
  );
}
