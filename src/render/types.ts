/** An article laid out for a terminal of a given width: what `read` prints and the reader scrolls. */
export interface RenderedArticle {
  /** Display lines, none wider than the width asked for; SGR styling only when colour was asked for. */
  lines: string[];
  /** First line index of each `article.paragraphs[i]`, so a position survives re-wrapping. */
  paragraphLines: number[];
  /** Links in the order they are numbered in the text ("[1]" is links[0]): body, related, then the source. */
  links: { text: string; url: string }[];
  /** Line index where each link's number appears, parallel to `links`. */
  linkLines: number[];
}

/** One search hit in a rendered line, in UTF-16 offsets of the line without styling. */
export interface Match {
  line: number;
  start: number;
  end: number;
}
