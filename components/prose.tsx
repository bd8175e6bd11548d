/**
 * The one place an article's HTML enters the page. `html` must come from lib/sanitize: it is
 * inserted as is, both on the server and when React renders it after a client-side navigation.
 */
export function Prose({ html, className = '' }: { html: string; className?: string }) {
  return (
    <div
      className={`prose prose-zinc dark:prose-invert prose-headings:font-semibold prose-a:text-accent-600 prose-img:mx-auto prose-img:rounded-md prose-img:h-auto prose-pre:overflow-x-auto prose-table:block prose-table:overflow-x-auto dark:prose-a:text-accent-400 max-w-none leading-loose ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
