import { badRequest } from "./api-error.js";
import { parseMultipart, type UploadedFile } from "./multipart.js";

export type Payload = Record<string, unknown>;

/**
 * Reads a Bot API request the ways Telegram accepts one: JSON body, multipart/form-data
 * (file uploads; `attach://name` values are replaced by the uploaded file),
 * urlencoded body, and query string.
 */
export async function readPayload(req: Request): Promise<Payload> {
  const payload: Payload = Object.fromEntries(new URL(req.url).searchParams);
  if (req.method !== "POST") return payload;
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    const { fields, files } = parseMultipart(Buffer.from(await req.arrayBuffer()), (boundary?.[1] ?? boundary?.[2] ?? "").trim());
    for (const [name, value] of Object.entries(fields)) {
      const attached = value.startsWith("attach://") ? files[value.slice("attach://".length)] : undefined;
      payload[name] = attached ?? value;
    }
    for (const [name, file] of Object.entries(files)) {
      // A file sent directly under the parameter name (not via attach://) is the parameter itself.
      if (!(name in payload) && !Object.values(fields).includes(`attach://${name}`)) payload[name] = file;
    }
    return payload;
  }
  const text = await req.text();
  if (text.trim() === "") return payload;
  if (type.includes("application/x-www-form-urlencoded")) {
    return { ...payload, ...Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { ...payload, ...(JSON.parse(text) as Payload) };
  } catch {
    throw badRequest("can't parse JSON object");
  }
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "filename" in value && "content" in value;
}

/**
 * Typed access to request parameters. Form and query values arrive as strings, so numbers,
 * booleans and JSON objects are accepted both natively and in their string form.
 */
export class Params {
  constructor(readonly raw: Payload) {}

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  string(name: string): string | undefined {
    const value = this.raw[name];
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return undefined;
  }

  int(name: string): number | undefined {
    const value = this.raw[name];
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    return typeof number === "number" && Number.isInteger(number) ? number : undefined;
  }

  requireInt(name: string): number {
    const value = this.int(name);
    if (value === undefined) throw badRequest(`parameter "${name}" is required`);
    return value;
  }

  bool(name: string): boolean {
    const value = this.raw[name];
    return value === true || value === "true" || value === "1" || value === 1;
  }

  /** An object parameter, given as JSON or as a JSON-encoded string. */
  json(name: string): unknown {
    const value = this.raw[name];
    if (typeof value !== "string") return value ?? undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }

  /** The `chat_id`; `undefined` for ids no private chat can have (e.g. "@channel"). */
  chatId(name = "chat_id"): number | undefined {
    const raw = this.string(name);
    if (raw === undefined || raw === "") {
      throw badRequest(name === "chat_id" ? "chat_id is empty" : `parameter "${name}" is required`);
    }
    const id = Number(raw);
    return Number.isSafeInteger(id) ? id : undefined;
  }

  file(name: string): UploadedFile | string | undefined {
    const value = this.raw[name];
    return isUploadedFile(value) || typeof value === "string" ? value : undefined;
  }
}
