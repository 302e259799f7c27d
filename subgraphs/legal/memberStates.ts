/** The 27 EU member states (ISO 3166-1 alpha-2; Greece is GR, not the EU's EL), in code order. */
export const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/** The member state a jurisdiction belongs to (ES-CT belongs to ES), or null outside the Union. */
export function memberStateOf(code: string): string | null {
  const state = code.slice(0, 2);
  return code !== 'EU' && (EU_MEMBER_STATES as readonly string[]).includes(state) ? state : null;
}
