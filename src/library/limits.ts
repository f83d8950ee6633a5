/** Documented limits (README "Safety"): past them a file or folder is reported, never a hang. */

/** Largest article file read, in bytes. */
export const MAX_ARTICLE_BYTES = 8 * 1024 * 1024;
/** Most files looked at in one load, over all folders; past it the rest are reported as not scanned. */
export const MAX_FILES_SCANNED = 50_000;
/** Deepest folder nesting followed below a --dir. */
export const MAX_DIRECTORY_DEPTH = 32;
/** File endings read as articles; everything else in a folder is passed over silently. */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;
