import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { CvlintError, ErrorCodes } from "./errors.js";

/**
 * Every file cvlint opens (inputs, config, taxonomy, posting) is read here: only a regular file,
 * and never more than `max` bytes. The path is checked with stat before it is opened, so that a
 * FIFO (which would block the open until a writer comes) or a device is refused, opened
 * non-blocking, and checked again on the open descriptor, so that a file swapped in between is
 * refused too. A file that grows past `max` while it is read is refused, not read on.
 */
export interface BoundedRead {
  bytes: Uint8Array;
  stat: Stats;
}

/** The bytes of a regular file, or a CvlintError (FILE_NOT_FOUND, NOT_A_FILE, FILE_TOO_LARGE, READ_FAILED). */
export function readBounded(file: string, max: number, onlyIfAtMost?: number): BoundedRead | { stat: Stats; bytes?: undefined } {
  checkRegular(statOrThrow(file, () => statSync(file)), max);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    throw readFailed(err);
  }
  try {
    const stat = statOrThrow(file, () => fstatSync(fd));
    checkRegular(stat, max);
    if (onlyIfAtMost !== undefined && stat.size > onlyIfAtMost) return { stat };
    // One byte more than the limit tells a file that grew past it since the stat.
    const cap = Math.min(max, Math.max(stat.size, 0)) + 1;
    const buf = Buffer.allocUnsafe(Math.min(cap, Math.max(stat.size + 1, 1)));
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got >= max + 1) throw tooLarge(got, max);
        break;
      }
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    if (got > max) throw tooLarge(got, max);
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, got), stat };
  } catch (err) {
    if (err instanceof CvlintError) throw err;
    throw readFailed(err);
  } finally {
    closeSync(fd);
  }
}

function statOrThrow(file: string, f: () => Stats): Stats {
  try {
    return f();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new CvlintError(ErrorCodes.FILE_NOT_FOUND, "does not exist");
    if (code === "ELOOP") throw new CvlintError(ErrorCodes.READ_FAILED, "cannot be read (a loop of symbolic links)");
    throw readFailed(err);
  }
}

function checkRegular(st: Stats, max: number): void {
  if (st.isDirectory()) throw new CvlintError(ErrorCodes.NOT_A_FILE, "is a directory, not a CV file");
  if (st.isFIFO()) throw new CvlintError(ErrorCodes.NOT_A_FILE, "is a named pipe (FIFO), not a regular file; cvlint reads only regular files");
  if (st.isCharacterDevice() || st.isBlockDevice()) throw new CvlintError(ErrorCodes.NOT_A_FILE, "is a device, not a regular file; cvlint reads only regular files");
  if (st.isSocket()) throw new CvlintError(ErrorCodes.NOT_A_FILE, "is a socket, not a regular file; cvlint reads only regular files");
  if (!st.isFile()) throw new CvlintError(ErrorCodes.NOT_A_FILE, "is not a regular file");
  if (st.size > max) throw tooLarge(st.size, max);
}

function readFailed(err: unknown): CvlintError {
  const code = (err as NodeJS.ErrnoException).code;
  return new CvlintError(ErrorCodes.READ_FAILED, `cannot be read (${code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? "unknown error")})`);
}

export function tooLarge(size: number, max: number): CvlintError {
  return new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is ${size > max ? "" : "over "}${mb(size)}, over the ${mb(max)} limit (--max-file-size)`);
}

export function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Largest config or taxonomy file read, in bytes: such files are a few KB. */
export const MAX_DATA_FILE = 8 * 1024 * 1024;

/** A config or taxonomy file as text (bounded, regular); the error message says why not, without the code. */
export function readDataFile(file: string): string {
  const r = readBounded(file, MAX_DATA_FILE);
  return Buffer.from(r.bytes!.buffer, r.bytes!.byteOffset, r.bytes!.byteLength).toString("utf8");
}

/**
 * Standard input, at most `max` bytes: more is refused (FILE_TOO_LARGE) and the rest left unread,
 * so that `cvlint - < /dev/zero` ends at once instead of filling the memory.
 */
export async function readStream(stream: AsyncIterable<unknown> & { destroy?: () => void }, max: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > max) {
      stream.destroy?.();
      throw new CvlintError(ErrorCodes.FILE_TOO_LARGE, `is more than ${mb(max)}, over the limit (--max-file-size)`);
    }
    chunks.push(b);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
