import { graphql } from '../graphql/generated';

/** Existing user tags starting with `query`, most used first. */
export const TagSuggestionsDocument = graphql(`
  query TagSuggestions($query: String, $first: Int) {
    tags(query: $query, first: $first) {
      name
      count
    }
  }
`);
