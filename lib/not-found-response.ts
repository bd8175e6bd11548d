/** What a route handler answers for a URL that names nothing. */
export const notFoundResponse = () =>
  new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
