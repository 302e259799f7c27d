import type { Viewer } from '../../lib/access.ts';
import { ANONYMOUS } from '../../lib/access.ts';
import type { SearchDocument } from '../../subgraphs/search/engine.ts';

const doc = (d: Partial<SearchDocument> & Pick<SearchDocument, 'type' | 'id' | 'title' | 'body'>): SearchDocument => ({
  language: 'en', visibility: 'PUBLIC', restrictedTo: [], jurisdiction: null, topics: [], updatedAt: '2026-01-01T00:00:00.000Z', ...d,
});

/** A small corpus every engine must answer the same way (text written for the tests). */
export const CONTRACT_DOCUMENTS: SearchDocument[] = [
  doc({ type: 'Procedure', id: 'p-monitor', title: 'Monitoring social media during large events',
    body: 'Officers monitor open sources while a large event takes place. The procedure requires a supervisor to approve each keyword list.',
    jurisdiction: 'ES-CT', topics: ['MONITORING'], updatedAt: '2026-03-01T00:00:00.000Z' }),
  doc({ type: 'Procedure', id: 'p-media-events', title: 'Press office coverage',
    body: 'The media office answers journalists after social events in the city; nothing is monitored.',
    jurisdiction: 'ES', topics: ['COMMUNICATION'], updatedAt: '2026-02-01T00:00:00.000Z' }),
  doc({ type: 'Procedure', id: 'p-es', title: 'Procedimiento de comunicación en redes sociales', language: 'es',
    body: 'Las detenciones relevantes se comunican a la ciudadanía a través de las cuentas oficiales.',
    jurisdiction: 'ES', topics: ['COMMUNICATION'] }),
  doc({ type: 'Procedure', id: 'p-de', title: 'Verdeckte Ermittlungen in sozialen Netzwerken', language: 'de', visibility: 'LEA',
    body: 'Verdeckte Ermittlungen erfordern eine richterliche Genehmigung und eine Dokumentation.',
    jurisdiction: 'DE', topics: ['INVESTIGATION'] }),
  doc({ type: 'LegalFramework', id: 'f-fr', title: 'Protection des données personnelles', language: 'fr',
    body: 'Le traitement des données par les autorités compétentes est limité à des finalités déterminées.',
    jurisdiction: 'FR', topics: ['INVESTIGATION'] }),
  doc({ type: 'Curriculum', id: 'c-nl', title: 'Communicatie met burgers via sociale media', language: 'nl', visibility: 'MEMBERS',
    body: 'Wijkagenten beantwoorden vragen van de burger op sociale media.', jurisdiction: 'NL', topics: ['COMMUNICATION'] }),
  doc({ type: 'Curriculum', id: 'c-it', title: 'Monitoraggio delle reti sociali', language: 'it',
    body: 'Le indagini online richiedono un\'autorizzazione preventiva.', jurisdiction: 'IT', topics: ['MONITORING'] }),
  doc({ type: 'Procedure', id: 'p-budget', title: 'Monitoring budget and staffing plan', visibility: 'MANAGEMENT',
    body: 'Staffing of the monitoring cell and its yearly budget.', jurisdiction: 'ES', topics: ['MONITORING'] }),
  doc({ type: 'Workshop', id: 'w-restricted', title: 'Monitoring cell roster for Catalonia', visibility: 'LEA', restrictedTo: ['ES-CT'],
    body: 'Names of the monitoring cell members on duty.', jurisdiction: 'ES-CT', topics: ['MONITORING'] }),
  doc({ type: 'Recommendation', id: 'r-crisis-title', title: 'Crisis communication on official accounts',
    body: 'Publish verified updates quickly and correct rumours.', jurisdiction: 'ES-CT', topics: ['COMMUNICATION'] }),
  doc({ type: 'SwotItem', id: 's-crisis-body', title: 'Weakness: slow sign-off',
    body: 'Sign-off chains are long. Several steps, several people, long delays; among other things crisis communication suffers.',
    jurisdiction: 'ES-CT', topics: ['COMMUNICATION'] }),
  doc({ type: 'LegalProvision', id: 'l-html', title: 'Article 4 <definitions>',
    body: 'A "controller" means the <b>competent authority</b> & its staff deciding on processing.', jurisdiction: 'EU' }),
  ...Array.from({ length: 25 }, (_, i) => doc({
    type: 'SwotItem', id: `s-patrol-${String(i).padStart(2, '0')}`, title: `Patrol note ${i}`,
    body: `Neighbourhood patrol observation number ${i}.`, jurisdiction: 'NL', topics: ['COMMUNICATION'],
    updatedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
  })),
];

const viewer = (v: Partial<Viewer>): Viewer => ({ ...ANONYMOUS, roles: [], jurisdictionPath: [], ...v });

export const VIEWERS = {
  anonymous: ANONYMOUS,
  partner: viewer({ memberId: 'm-partner', agencyId: 'a-partner', orgKind: 'PARTNER', jurisdiction: 'IE', jurisdictionPath: ['IE', 'EU'] }),
  practitionerCatalonia: viewer({ memberId: 'm-prac-ct', agencyId: 'a-ct', orgKind: 'LEA', tier: 'PRACTITIONER', jurisdiction: 'ES-CT-BCN', jurisdictionPath: ['ES-CT-BCN', 'ES-CT', 'ES', 'EU'] }),
  practitionerGermany: viewer({ memberId: 'm-prac-de', agencyId: 'a-de', orgKind: 'LEA', tier: 'PRACTITIONER', jurisdiction: 'DE', jurisdictionPath: ['DE', 'EU'] }),
  managerGermany: viewer({ memberId: 'm-man-de', agencyId: 'a-de', orgKind: 'LEA', tier: 'MANAGER', jurisdiction: 'DE', jurisdictionPath: ['DE', 'EU'] }),
} as const;
