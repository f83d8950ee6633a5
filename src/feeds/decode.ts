/**
 * Bytes to text in the encoding the document declares: a byte-order mark first, then the HTTP
 * charset (RFC 7303), then the XML declaration or an HTML <meta charset>, then UTF-8. A label the
 * platform does not know falls back to UTF-8 rather than failing the feed.
 */

const ASCII = new TextDecoder('latin1');

function charsetOfContentType(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
}

function charsetOfBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function charsetInDocument(bytes: Uint8Array): string | undefined {
  const head = ASCII.decode(bytes.subarray(0, 2048));
  return (
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1]
  );
}

function decoderFor(label: string | undefined): InstanceType<typeof TextDecoder> | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase(), { fatal: false });
  } catch {
    return undefined;
  }
}

// What bytes 0x80-0x9F mean in windows-1252, which the Encoding Standard makes every "ISO-8859-1"
// label mean. Node decodes those labels as strict Latin-1 (C1 controls, which the sanitiser would drop).
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeDocument(bytes: Uint8Array, contentType: string): string {
  const decoder =
    decoderFor(charsetOfBom(bytes)) ??
    decoderFor(charsetOfContentType(contentType)) ??
    decoderFor(charsetInDocument(bytes)) ??
    new TextDecoder('utf-8', { fatal: false });
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? text.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]) : text;
}
