/** A link that an article points to, set apart from the body ("Read also:" lines, Markdown links). */
export interface RelatedLink {
  text: string;
  url: string | null;
}

/** One article as loaded from disk: every text field is already sanitised. */
export interface Article {
  /** File name without extension. */
  id: string;
  /** Absolute path of the file it was read from. */
  path: string;
  /** Its path inside the --dir folder it was found in (what read state is keyed by, so moving the folder keeps it). */
  relativePath?: string;
  format: 'md' | 'txt';
  title: string;
  /** ISO calendar date (YYYY-MM-DD) or null when the file gives none. */
  date: string | null;
  source: string | null;
  url: string | null;
  tags: string[];
  /** The body as Markdown (for .txt files: one paragraph per paragraph, Markdown-escaped as needed). */
  body: string;
  /** The body's paragraphs as plain text (Markdown markup removed), in order. Analysis reads these. */
  paragraphs: string[];
  /** Trailing credit lines ("Image: ...", "Photo: ..."), shown apart from the body. */
  credits: string[];
  /** "Read also:" lines and the like, shown apart from the body. */
  related: RelatedLink[];
  words: number;
  /** Size of the file in bytes and its modification time (ms), for caches. */
  size: number;
  mtimeMs: number;
  /**
   * The file's change time (ms) and inode: an edit that keeps the size and puts the mtime back
   * (`touch -r`) still changes them, so caches key on all four.
   */
  ctimeMs?: number;
  ino?: number;
}

/**
 * An article's text: the Markdown body the reader draws and the plain paragraphs the analysis reads.
 * For an article from the cache index it is read from disk when asked for, so code that must not touch
 * the disk (the reader's reducer) is handed it instead (src/tui/article-text.ts).
 */
export type ArticleText = Pick<Article, 'body' | 'paragraphs'>;

/** A file that could not be loaded as an article, and why. */
export interface LoadProblem {
  path: string;
  reason: string;
}

export interface LoadResult {
  articles: Article[];
  problems: LoadProblem[];
}
