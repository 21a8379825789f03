/**
 * The index repeats the whole registry, so it is stored gzipped and base64-encoded inside its text
 * panel: at 5,000 services with 3 SLOs each its JSON is 14 MB, 96 % of MySQL's 16 MB MEDIUMTEXT
 * for `dashboard.data` and a 15 MiB download for every page; gzipped it is well under 1 MB
 * (measured in bench/RESULTS.md). fflate works the same in the browser, in Node and in jsdom,
 * synchronously; pages read the index with the browser's own `DecompressionStream` where there is
 * one, several times faster on a large index (bench/RESULTS.md, "UI scale"). Service and people
 * documents stay plain JSON, readable in Grafana.
 */
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';

/** How a compressed payload says it is compressed. */
export const GZIP_BASE64 = 'gzip+base64';

/** `text` gzipped and base64-encoded. */
export function compressText(text: string): string {
  // No time in the gzip header, so that the same text always gives the same data (provisioned files, diffs).
  return bytesToBase64(gzipSync(strToU8(text), { level: 6, mtime: 0 }));
}

/** The text {@link compressText} was given; throws on data that is not base64 gzip. */
export function decompressText(data: string): string {
  return strFromU8(gunzipSync(base64ToBytes(data)));
}

/**
 * The JSON value of the text {@link compressText} was given, decompressed and parsed by the platform
 * where it can (`Response.json()` reads the bytes without first making the 14 MB text of a large
 * index a string), with fflate and `JSON.parse` where it cannot (jsdom). Rejects on data that is
 * not base64 gzip of JSON.
 */
export async function decompressJsonAsync(data: string): Promise<unknown> {
  if (typeof DecompressionStream !== 'function' || typeof Response !== 'function' || typeof Blob !== 'function') {
    return JSON.parse(decompressText(data));
  }
  const stream = new Blob([base64ToBytes(data)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).json();
}

// btoa and atob take strings of bytes; building one in slices keeps the argument lists short.
const SLICE = 0x8000;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
