// XML 1.0 allows tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF.
// With the `u` flag a lone surrogate is its own code point, outside every allowed range.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates). */
export function stripXmlInvalid(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}
