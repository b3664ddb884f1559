import type { File } from "grammy/types";
import { badRequest } from "../api-error.js";
import type { MethodHandler } from "../core.js";
import type { StoredFile } from "../state.js";

/** Bots may download files up to 20 MB. */
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

function extension(file: StoredFile): string {
  const named = file.file_name?.includes(".") ? file.file_name.split(".").pop() : undefined;
  if (named) return named.toLowerCase();
  const bytes = file.bytes;
  if (bytes?.subarray(1, 4).toString("latin1") === "PNG") return "png";
  return file.kind === "photo" ? "jpg" : "bin";
}

/** getFile: the File with a file_path that `/file/bot<token>/<file_path>` serves. */
const getFile: MethodHandler = ({ core, params }): File => {
  const file = core.state.files.get(params.string("file_id") ?? "");
  if (!file) throw badRequest("invalid file_id");
  const size = file.bytes?.length ?? Buffer.byteLength(file.content);
  if (size > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
  file.file_path ??= `${file.kind === "photo" ? "photos" : "documents"}/file_${core.state.filePaths.size}.${extension(file)}`;
  core.state.filePaths.set(file.file_path, file);
  return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: size, file_path: file.file_path };
};

export const fileMethods: Record<string, MethodHandler> = { getFile };
