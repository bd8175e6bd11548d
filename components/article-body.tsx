/**
 * The one place an article's HTML enters the page. `html` must come from lib/sanitize: it is
 * inserted as is, both on the server and when React renders it after a client-side navigation.
 * Its look is app/styles/article-body.css.
 */
export function ArticleBody({ html, className = '' }: { html: string; className?: string }) {
  return <div className={`article-body ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
