/**
 * Starts reading the content folder as soon as a server process boots, so the first reader of a
 * page that was not prerendered does not wait for the whole index (seconds at 100,000 articles).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getIndex } = await import('./lib/content/store');
  // A failure is reported by the page that needs the index; here it must not stop the server.
  getIndex().catch(() => {});
}
