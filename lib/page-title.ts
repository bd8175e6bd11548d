/** `第 3 页`: a page of a listing, as titles, headings and page links name it. */
export const pageLabel = (page: number) => `第 ${page} 页`;

/** A listing's name on its page `page`: the name alone on the first page, `name · 第 N 页` after. */
export const withPage = (name: string, page: number) => (page > 1 ? `${name} · ${pageLabel(page)}` : name);
