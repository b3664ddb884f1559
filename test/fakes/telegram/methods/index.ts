import type { MethodHandler } from "../core.js";
import { botMethods } from "./bot.js";
import { copyMethods } from "./copy.js";
import { fileMethods } from "./files.js";
import { groupMethods } from "./groups.js";
import { messageMethods } from "./messages.js";
import { topicMethods } from "./topics.js";
import { updateMethods } from "./updates.js";

const METHODS: Record<string, MethodHandler> = {
  ...botMethods,
  ...messageMethods,
  ...copyMethods,
  ...fileMethods,
  ...groupMethods,
  ...topicMethods,
  ...updateMethods,
};

const BY_LOWER_NAME = new Map(Object.entries(METHODS).map(([name, handler]) => [name.toLowerCase(), { name, handler }]));

/** Bot API method names are case-insensitive; returns the canonical name with the handler. */
export function findMethod(name: string): { name: string; handler: MethodHandler } | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}
