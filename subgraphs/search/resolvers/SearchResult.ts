export const SearchResult = {
  __resolveType: (entity: { __typename: string }) => entity.__typename,
};
