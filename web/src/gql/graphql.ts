/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AgencyKind =
  | 'NATIONAL_POLICE'
  | 'FEDERAL_POLICE'
  | 'CRIMINAL_POLICE'
  | 'GENDARMERIE'
  | 'REGIONAL_POLICE'
  | 'LOCAL_POLICE'
  | 'TRAINING_ACADEMY'
  | 'EU_AGENCY'
  | 'EU_UNIT'
  | 'PLATFORM_PARTNER'
  | 'ACADEMIA'
  | 'PUBLIC_AUTHORITY';

export type Role =
  | 'EDITOR'
  | 'TRAINER'
  | 'REVIEWER'
  | 'ADMIN'
  | 'AUDITOR';

export type Tier =
  | 'PRACTITIONER'
  | 'MANAGER';

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, displayName: string, tier: Tier | null, roles: Array<Role>, agency: { id: string, name: string, kind: AgencyKind, jurisdiction: { code: string, name: string } } } | null };


export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"agency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"jurisdiction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;