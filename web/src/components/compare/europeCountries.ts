// world-atlas names countries by ISO 3166-1 numeric code; the API by alpha-2. The European ones (and their close
// neighbours, drawn but only selectable when the API knows them).
export const ALPHA2_BY_NUMERIC: Readonly<Record<string, string>> = {
  '008': 'AL', '020': 'AD', '040': 'AT', '056': 'BE', '070': 'BA', '100': 'BG', '112': 'BY', '191': 'HR',
  '196': 'CY', '203': 'CZ', '208': 'DK', '233': 'EE', '246': 'FI', '250': 'FR', '276': 'DE', '300': 'GR',
  '348': 'HU', '352': 'IS', '372': 'IE', '380': 'IT', '428': 'LV', '438': 'LI', '440': 'LT', '442': 'LU',
  '470': 'MT', '492': 'MC', '498': 'MD', '499': 'ME', '528': 'NL', '578': 'NO', '616': 'PL', '620': 'PT',
  '642': 'RO', '674': 'SM', '688': 'RS', '703': 'SK', '705': 'SI', '724': 'ES', '752': 'SE', '756': 'CH',
  '792': 'TR', '804': 'UA', '807': 'MK', '826': 'GB',
};

export function alpha2Of(numericId: string | number | undefined): string | null {
  if (numericId === undefined) return null;
  return ALPHA2_BY_NUMERIC[String(numericId).padStart(3, '0')] ?? null;
}
