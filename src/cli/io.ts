/**
 * What the commands need from the outside world. `main.ts` wires real Node I/O; tests pass fakes
 * and run commands in-process.
 */

/** Success; for `gate`, releases may proceed. */
export const EXIT_OK = 0;
/** Invalid input (problems were printed); for `gate`, releases are frozen. */
export const EXIT_INVALID = 1;
/** Usage error (unknown command or option, missing argument) or input/output failure. */
export const EXIT_USAGE = 2;

/** The part of a `fetch` response the commands read. */
export interface CliResponse {
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}

/** The part of `fetch`'s options the commands set: GET by default, a JSON `body` for writes. */
export interface CliRequestInit {
  method?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  body?: string;
}

export type CliFetch = (url: string, init?: CliRequestInit) => Promise<CliResponse>;

export interface CliIo {
  /** Writes text as is; commands end their lines with `\n`. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file; rejects with a Node-style error (`code: 'ENOENT'`, …) when it cannot. */
  readFile(path: string): Promise<string>;
  /** Writes a UTF-8 file, creating missing parent directories. */
  writeFile(path: string, text: string): Promise<void>;
  /** Names of the files in a directory (not its subdirectories); none when it does not exist. */
  listFiles(dir: string): Promise<string[]>;
  /** Deletes a file. */
  removeFile(path: string): Promise<void>;
  fetch: CliFetch;
  env: Record<string, string | undefined>;
}
