import { searchLabels } from '../../search/field-boost';
import { prepareSearchDocument, type PreparedDocument } from '../../search/fts';
import type { FileReading } from './read-article-file';

/** What search indexes of an article (lib/search/fts): every word of its body, and its title, labels and excerpt. */
export function searchDocumentOf(id: number, { summary, text }: NonNullable<FileReading['article']>): PreparedDocument {
  return prepareSearchDocument(id, {
    title: summary.title,
    labels: searchLabels(summary),
    excerpt: summary.excerpt,
    text,
    dateMs: new Date(summary.date).getTime(),
    draft: summary.draft,
  });
}
