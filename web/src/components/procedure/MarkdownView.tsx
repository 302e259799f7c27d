import { Fragment, createElement, useMemo } from 'react';
import { parseMarkdown } from './markdown.ts';
import type { Inline } from './markdown.ts';

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((i, k) => (i.kind === 'strong' ? <strong key={k}>{i.text}</strong>
        : i.kind === 'em' ? <em key={k}>{i.text}</em> : <Fragment key={k}>{i.text}</Fragment>))}
    </>
  );
}

/** A procedure's Markdown body as headings, paragraphs and lists — React elements only, never raw HTML. */
export function MarkdownView({ markdown, headingOffset = 1 }: { markdown: string; headingOffset?: number }) {
  const blocks = useMemo(() => parseMarkdown(markdown, headingOffset), [markdown, headingOffset]);
  return (
    <div className="proc-markdown">
      {blocks.map((b, k) => {
        if (b.kind === 'heading') return createElement(`h${b.level}`, { key: k }, b.text);
        if (b.kind === 'paragraph') return <p key={k}><Inlines inlines={b.inlines} /></p>;
        const items = b.items.map((item, n) => <li key={n}><Inlines inlines={item} /></li>);
        return b.ordered ? <ol key={k}>{items}</ol> : <ul key={k}>{items}</ul>;
      })}
    </div>
  );
}
