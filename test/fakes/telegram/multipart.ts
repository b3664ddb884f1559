/** A file part of a multipart/form-data request, as the fake records it. */
export interface UploadedFile {
  filename: string;
  /** The bytes decoded as UTF-8: the tests only upload text (CSV exports, reports). */
  content: string;
  /** The exact bytes, for binary uploads (pictures). */
  bytes: Buffer;
  size: number;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

const CRLF = "\r\n";

/**
 * A small multipart/form-data parser. Written by hand because grammY emits headers as
 * `content-disposition:form-data;name="x";filename=report.csv` (no spaces, unquoted
 * filename), which stricter parsers reject.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delimiter = Buffer.from(`--${boundary}`);
  const result: MultipartBody = { fields: {}, files: {} };
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break; // closing delimiter
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    // Each part sits between "--boundary\r\n" and "\r\n--boundary".
    addPart(result, body.subarray(start + CRLF.length, next - CRLF.length));
    pos = next;
  }
  return result;
}

function addPart(result: MultipartBody, part: Buffer): void {
  const headerEnd = part.indexOf(CRLF + CRLF);
  if (headerEnd === -1) return;
  const headers = part.subarray(0, headerEnd).toString("utf8");
  const content = part.subarray(headerEnd + 4);
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
  const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return;
  const filename = /;\s*filename=(?:"([^"]*)"|([^;]*))/i.exec(disposition);
  if (filename) {
    result.files[name] = {
      filename: (filename[1] ?? filename[2] ?? "").trim(),
      content: content.toString("utf8"),
      bytes: Buffer.from(content),
      size: content.length,
    };
  } else {
    result.fields[name] = content.toString("utf8");
  }
}
