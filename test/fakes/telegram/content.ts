/** What simulated people send: command entities in their text, photos, documents. */
import { deflateSync } from "node:zlib";
import type { MessageEntity, PhotoSize, Sticker } from "grammy/types";
import { randomId, type FakeState, type StoredFile } from "./state.js";

/** A photo a simulated person sends (a payment slip, a screenshot). */
export interface PhotoInput {
  caption?: string;
  /** Size of the original picture; default 1280×960. */
  width?: number;
  height?: number;
  /** The picture's bytes (served by getFile); default a generated grey PNG of the right size. */
  bytes?: Buffer;
}

/** A file a simulated person sends. */
export interface DocumentInput {
  fileName: string;
  /** Text content (CSV, logs); or give `bytes`. */
  content?: string;
  bytes?: Buffer;
  /** Default: guessed from the file name's extension. */
  mimeType?: string;
  caption?: string;
  /** The size the client reports, when it should differ from the bytes given (a 30 MB file without 30 MB of test data). */
  fileSize?: number;
}

const MIME_TYPES: Record<string, string> = {
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  pdf: "application/pdf",
  html: "text/html",
  xml: "application/xml",
  zip: "application/zip",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

export const mimeTypeOf = (fileName: string) => MIME_TYPES[fileName.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream";

/** Telegram keeps a photo in up to four sizes: the longer side at most 90, 320, 800 and 1280 px. */
const SIDES = [90, 320, 800, 1280];

/**
 * The PhotoSize array of a person's photo, smallest first, each size a file of its own
 * (its own file_id, usable with sendPhoto and getFile). Returns the largest file too.
 */
export function photoSizes(state: FakeState, input: PhotoInput): { sizes: PhotoSize[]; largest: StoredFile } {
  const width = input.width ?? 1280;
  const height = input.height ?? 960;
  const longer = Math.max(width, height);
  const sides = [...SIDES.filter((side) => side < longer), Math.min(longer, 1280)];
  const files = [...new Set(sides)].map((side) => {
    const scale = side / longer;
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const bytes = side === Math.min(longer, 1280) && input.bytes ? input.bytes : png(w, h);
    const file = state.addFile({ kind: "photo", content: "", bytes, file_size: bytes.length });
    return { file, size: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: bytes.length, width: w, height: h } };
  });
  return { sizes: files.map((entry) => entry.size), largest: files.at(-1)!.file };
}

/** The stored file of a person's document. */
export function documentFile(state: FakeState, input: DocumentInput): StoredFile {
  const bytes = input.bytes ?? Buffer.from(input.content ?? "", "utf8");
  if (bytes.length === 0) throw new Error(`Document ${input.fileName} is empty; Telegram clients do not send empty files`);
  return state.addFile({
    kind: "document",
    file_name: input.fileName,
    mime_type: input.mimeType ?? mimeTypeOf(input.fileName),
    file_size: input.fileSize ?? bytes.length,
    content: bytes.toString("utf8"),
    bytes,
  });
}

/** A sticker a simulated person sends: a 512×512 static one from a set, with its emoji. */
export function sticker(emoji = "👍"): Sticker {
  return {
    file_id: randomId("CAACAgIAAxkBAAI", 24),
    file_unique_id: randomId("AgAD", 8),
    type: "regular",
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
    emoji,
    set_name: "FakeStickers",
  };
}

/** bot_command entities for each /command that starts a word, as Telegram clients mark them. */
export function commandEntities(text: string): MessageEntity[] {
  return [...text.matchAll(/(?<=^|\s)\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,})?/g)].map((match) => ({
    type: "bot_command",
    offset: match.index,
    length: match[0].length,
  }));
}

/** `caption` and `caption_entities` of a person's media message. */
export function captionFields(caption: string | undefined): { caption?: string; caption_entities?: MessageEntity[] } {
  if (!caption) return {};
  const entities = commandEntities(caption);
  return { caption, ...(entities.length > 0 ? { caption_entities: entities } : {}) };
}

/** A valid grey PNG (1-bit greyscale, so even 1280×960 is a few hundred bytes). */
export function png(width: number, height: number): Buffer {
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0x55);
  row[0] = 0; // filter type: none
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
