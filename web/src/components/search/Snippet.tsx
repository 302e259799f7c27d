import { parseSnippet } from './snippet.ts';

/** A search snippet: text nodes and <mark> elements only (the API's string is never parsed as HTML). */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <p className="search-snippet">
      {parseSnippet(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
