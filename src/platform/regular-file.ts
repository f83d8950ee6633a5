import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Reading a path that a stranger (or a race) may have made something other than a file: a FIFO
 * blocks open() and read() forever, /dev/zero never ends, a terminal device waits for input. So the
 * file is opened without blocking and without following a FIFO's open handshake, checked to be a
 * regular file on the descriptor itself (no window between stat and open), and read within a cap.
 */

/** A path that is not a regular file, or is too large: the message says which and why. */
export class NotRegularFileError extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
  }
}

/** What a stat says a path is, in words a person reading a message understands. */
export function describeFileType(stat: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isDirectory' | 'isFile'>): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFile()) return 'a regular file';
  return 'not a regular file';
}

// O_NONBLOCK makes open() of a FIFO return at once; O_NOCTTY keeps a terminal device from becoming ours.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Opens a path for reading only if it is a regular file no larger than `maxBytes`; calls `use` with
 * the descriptor and its stat, and closes it. Throws NotRegularFileError for a FIFO, a device, a
 * socket or a file over the cap, and the system error (ENOENT, EACCES, ELOOP, …) otherwise.
 */
export function withRegularFile<T>(path: string | Buffer, maxBytes: number, use: (fd: number, stat: Stats) => T, tooLarge?: (size: number) => string): T {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(`not a regular file: ${describeFileType(stat)}`, describeFileType(stat));
    if (stat.size > maxBytes) {
      throw new NotRegularFileError(tooLarge ? tooLarge(stat.size) : `file is ${stat.size} bytes, over the ${maxBytes}-byte limit`, 'too large');
    }
    return use(fd, stat);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of a regular file, read to the size fstat gave and never past `maxBytes` (a file that
 * grows while it is read is cut at its size when opened). `buffer` is reused when it is large enough.
 */
export function readRegularFile(path: string | Buffer, maxBytes: number, options: { buffer?: Buffer; tooLarge?: (size: number) => string } = {}): { bytes: Buffer; stat: Stats } {
  return withRegularFile(
    path,
    maxBytes,
    (fd, stat) => {
      const size = stat.size;
      const bytes = options.buffer && options.buffer.length >= size ? options.buffer : Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const n = readSync(fd, bytes, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      return { bytes: bytes.subarray(0, read), stat };
    },
    options.tooLarge,
  );
}
