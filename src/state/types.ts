/** What the reader remembers about one article, keyed by the article's file path. */
export interface ArticleReadState {
  /** When the article was last opened (ISO 8601). */
  openedAt: string;
  /** Index into `article.paragraphs` of the paragraph at the top of the screen when it was left. */
  paragraph: number;
}

/** The contents of `$XDG_STATE_HOME/newsdesk/state.json`. */
export interface ReadState {
  version: 1;
  articles: Record<string, ArticleReadState>;
}

/** Something about the state file a person should be told once; the reader carries on regardless. */
export interface StateProblem {
  path: string;
  message: string;
}
