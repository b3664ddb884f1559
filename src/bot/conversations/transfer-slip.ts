import type { Message } from "grammy/types";
import type { Slip } from "../../store/types.js";

/** Telegram lets a bot download up to 20 MB; a slip is a screenshot, far smaller. */
export const MAX_SLIP_BYTES = 20 * 1024 * 1024;

export type SlipCheck = { ok: true; slip: Slip } | { ok: false; reason: "text" | "sticker" | "pdf" | "too_big" | "not_image" | "other" };

/** What a reseller sent when asked for the slip: a photo (its largest size), or an image file. */
export function slipOf(m: Message | undefined): SlipCheck {
  if (!m) return { ok: false, reason: "other" };
  const largest = m.photo?.at(-1);
  if (largest) return { ok: true, slip: { fileId: largest.file_id, fileUniqueId: largest.file_unique_id, kind: "photo" } };
  const doc = m.document;
  if (doc) {
    if (doc.mime_type === "application/pdf" || doc.file_name?.toLowerCase().endsWith(".pdf")) return { ok: false, reason: "pdf" };
    if (!doc.mime_type?.startsWith("image/")) return { ok: false, reason: "not_image" };
    if ((doc.file_size ?? 0) > MAX_SLIP_BYTES) return { ok: false, reason: "too_big" };
    return { ok: true, slip: { fileId: doc.file_id, fileUniqueId: doc.file_unique_id, kind: "document" } };
  }
  if (m.sticker) return { ok: false, reason: "sticker" };
  if (m.text !== undefined) return { ok: false, reason: "text" };
  return { ok: false, reason: "other" };
}
