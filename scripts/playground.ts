/**
 * A terminal chat with the bot. The fake Telegram Bot API runs in this process (rate limits
 * on); the real bot (src/main.ts, SANDBOX=true) runs as a child process pointed at it, its
 * output going to a log file so the terminal shows only the conversation.
 *
 *   npm run playground -- [--admin | --as-role admin|finance|support] [--lang id|en|my] [--group] [--api]
 *
 * --group adds an operator group (a forum, the admin its owner, ADMIN_CHAT_ID set): the team's
 * alerts show as "[group › Topic]", and `:g text` says something there as the current user.
 *
 * You are user 1001 (a reseller), or user 1 with --admin (ADMIN_IDS is always "1", so
 * `:as 1` makes you the owner too). With --as-role you are user 2002, a team member the owner
 * approved and gave that role with /role at start, so you see what the role may and may not do.
 * With --api, user 3003 (a shop) is approved and takes a sandbox API key with /api, and the key
 * and a curl line to try the reseller API are printed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clearLine, createInterface, cursorTo, type Interface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  startFakeTelegram,
  type ApiCall,
  type BotMessage,
  type ButtonInfo,
  type ChatEvent,
  type FakeTelegram,
  type FakeUser,
  type StoredFile,
} from "../test/fakes/telegram/index.js";

const ADMIN_ID = 1;
const RESELLER_ID = 1001;
const MEMBER_ID = 2002;
const SHOP_ID = 3003;
const TEAM_ROLES = ["admin", "finance", "support"];
const START_TIMEOUT_MS = 60_000;
const LANGUAGES = ["id", "en", "my"];
const PREFERRED_PORT = 8080;
const DOCUMENT_PREVIEW_LINES = 5;
const STOP_TIMEOUT_MS = 10_000;
const HELP = [
  "Type a message to send it. Commands:",
  "  :N        press button N of the latest message with buttons",
  "  :as ID    continue as another user (e.g. :as 2002)",
  "  :photo [caption]   send a picture (a transfer slip)   :pdf  send a PDF file",
  "  :block    block the bot   :unblock  unblock it",
  "  :g TEXT   say TEXT in the operator group (with --group)",
  "  :quit     stop the bot and leave",
].join("\n");

// ---- formatting -------------------------------------------------------------

const indent = (text: string) => text.replace(/\n/g, "\n   ");

function formatButtons(buttons: ButtonInfo[]): string {
  return buttons.map((button, i) => `[${i + 1}] ${button.text}${button.url ? " ↗" : ""}`).join("  ");
}

function formatDocument(document: StoredFile): string {
  const lines = document.content.split("\n");
  const preview = lines.slice(0, DOCUMENT_PREVIEW_LINES).map((line) => `   │ ${line}`);
  if (lines.length > DOCUMENT_PREVIEW_LINES) preview.push(`   │ … (${lines.length - DOCUMENT_PREVIEW_LINES} more lines)`);
  return [`📄 ${document.file_name ?? "file"} (${document.file_size ?? 0} bytes)`, ...preview].join("\n");
}

function formatMessage(message: BotMessage, user: FakeUser, label: string): string {
  const parts = [`🤖 ${label}${indent(message.text)}`];
  if (message.document) parts.push(`   ${indent(formatDocument(message.document))}`);
  if (message.photo) parts.push(`   🖼 photo (${message.photo.file_size ?? 0} bytes)`);
  const buttons = user.buttons(message);
  if (buttons.length > 0) parts.push(`   ${formatButtons(buttons)}`);
  return parts.join("\n");
}

function formatEvent(event: ChatEvent, user: FakeUser): string | undefined {
  switch (event.type) {
    case "sent":
      return formatMessage(event.message, user, "");
    case "edited":
      return formatMessage(event.message, user, "(edited) ");
    case "deleted":
      return `🤖 (deleted) ${JSON.stringify(event.message.text.slice(0, 40))}`;
    case "callback_answer":
      if (!event.answer.text) return undefined;
      return event.answer.show_alert ? `⚠️  alert: ${event.answer.text}` : `🔔 ${event.answer.text}`;
  }
}

function formatFailedCall(call: ApiCall): string | undefined {
  if (call.response?.ok !== false) return undefined;
  return `⚠  bot called ${call.method} → ${call.response.error_code} ${call.response.description}`;
}

// ---- processes --------------------------------------------------------------

/** The preferred port when it is free, otherwise any free one. */
function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const { port: bound } = server.address() as { port: number };
        server.close(() => resolve(bound));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

function startBot(fake: FakeTelegram, port: number, logPath: string, groupId?: number): ChildProcess {
  const log = openSync(logPath, "a");
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["ignore", log, log],
    env: {
      ...process.env, // keeps REDIS_URL, LOG_LEVEL, … when set
      BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      BOT_MODE: "polling",
      SANDBOX: "true",
      ADMIN_IDS: String(ADMIN_ID),
      HOST: "127.0.0.1",
      PORT: String(port),
      ...(groupId !== undefined ? { ADMIN_CHAT_ID: String(groupId) } : {}),
    },
  });
}

async function stopBot(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function logTail(logPath: string, lines = 15): string {
  return readFileSync(logPath, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

// ---- the chat ---------------------------------------------------------------

function parseOptions(): { admin: boolean; role: string | undefined; lang: string | undefined; group: boolean; api: boolean } {
  const { values } = parseArgs({
    options: {
      admin: { type: "boolean" },
      "as-role": { type: "string" },
      lang: { type: "string" },
      group: { type: "boolean" },
      api: { type: "boolean" },
    },
  });
  if (values.lang !== undefined && !LANGUAGES.includes(values.lang)) {
    throw new Error(`--lang must be one of ${LANGUAGES.join(", ")}`);
  }
  const role = values["as-role"];
  if (role !== undefined && !TEAM_ROLES.includes(role)) throw new Error(`--as-role must be one of ${TEAM_ROLES.join(", ")}`);
  return { admin: values.admin ?? false, role, lang: values.lang, group: values.group ?? false, api: values.api ?? false };
}

/** A shop's owner takes a sandbox API key as a reseller would: /start, the owner's /approve, /api, Create key. */
async function sandboxKey(shop: FakeUser, owner: FakeUser): Promise<string> {
  const say = async (user: FakeUser, text: string, match?: RegExp) => {
    const after = user.messages().length;
    await user.send(text);
    return user.waitForMessage({ after, match, timeoutMs: START_TIMEOUT_MS });
  };
  await say(shop, "/start");
  await say(owner, `/approve ${shop.id}`, new RegExp(`\\(${shop.id}\\)`));
  // The card's title says API in every language; its Create button makes the key.
  const card = await say(shop, "/api", /API/);
  const after = shop.messages().length;
  await shop.press({ data: "api:create" }, { messageId: card.message_id });
  const shown = await shop.waitForMessage({ after, match: /rk_test_/, timeoutMs: START_TIMEOUT_MS });
  const key = /rk_test_[0-9A-Za-z]+/.exec(shown.text)?.[0];
  if (!key) throw new Error("no sandbox key in the /api answer");
  return key;
}

/** What an operator would do to bring a member in: the member says /start, the owner approves and gives the role. */
async function joinTeam(member: FakeUser, owner: FakeUser, role: string): Promise<void> {
  const say = async (user: FakeUser, text: string, match?: RegExp) => {
    const after = user.messages().length;
    await user.send(text);
    await user.waitForMessage({ after, match, timeoutMs: START_TIMEOUT_MS });
  };
  // The owner's replies name the member as "Name (id)", in any language; the registration alert does not.
  const named = new RegExp(`\\(${member.id}\\)`);
  await say(member, "/start");
  await say(owner, `/approve ${member.id}`, named);
  await say(owner, `/role ${member.id} ${role}`, named);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const fake = await startFakeTelegram();
  const rl: Interface = createInterface({ input: process.stdin, output: process.stdout });
  const followed = new Set<number>();
  let stopping = false;

  /** Prints above the prompt, keeping what the user is typing. */
  const print = (text: string) => {
    clearLine(process.stdout, 0);
    cursorTo(process.stdout, 0);
    process.stdout.write(`${text}\n`);
    if (!stopping) rl.prompt(true);
  };

  /** The user with this id, whose chat gets printed from now on. */
  const follow = (id: number): FakeUser => {
    const name = id === ADMIN_ID ? "Admin" : id === MEMBER_ID && options.role ? `Team ${options.role}` : `Reseller ${id}`;
    const user = fake.user({ id, first_name: name, language_code: options.lang });
    if (!followed.has(id)) {
      followed.add(id);
      user.subscribe((event) => {
        const text = formatEvent(event, user);
        if (text) print(user === current ? text : `[to ${user.id}] ${text}`);
      });
    }
    return user;
  };
  const switchTo = (id: number): FakeUser => {
    rl.setPrompt(`you(${id})> `);
    return follow(id);
  };
  // The admin has "started" the bot before, as in real life: admin-scoped commands and
  // notifications to the admin need a chat Telegram knows.
  follow(ADMIN_ID);
  let current = switchTo(options.admin ? ADMIN_ID : RESELLER_ID);

  // The operator group: what the bot posts there is printed with its topic's name.
  const group = options.group ? fake.group({ title: "Operators", forum: true, owner: { id: ADMIN_ID } }) : undefined;
  group?.subscribe((event) => {
    if (event.type !== "sent" && event.type !== "edited") return;
    const m = event.message;
    const topic = group.topics().find((t) => t.message_thread_id === m.message_thread_id)?.name ?? "General";
    print(`[group › ${topic}]${event.type === "edited" ? " (edited)" : ""} ${indent(m.text)}`);
  });

  const port = await freePort(PREFERRED_PORT);
  const logPath = join(tmpdir(), `reseller-bot-playground-${Date.now()}.log`);
  const child = startBot(fake, port, logPath, group?.id);

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    rl.close();
    await stopBot(child);
    await fake.close();
    process.exit(code);
  };

  const press = async (index: number) => {
    const message = current
      .messages()
      .filter((m) => !m.deleted && current.buttons(m).length > 0)
      .at(-1);
    const button = message && current.buttons(message)[index - 1];
    if (!message) print("No message with buttons yet.");
    else if (!button) print(`No button ${index}: ${formatButtons(current.buttons(message))}`);
    else if (button.data === undefined) print(`(opens ${button.url ?? "a link"}; nothing is sent to the bot)`);
    else await current.press({ data: button.data }, { messageId: message.message_id });
  };

  const handleLine = async (line: string) => {
    const input = line.trim();
    const [command, argument = ""] = input.split(/\s+/);
    if (input === "") return;
    if (!input.startsWith(":")) await current.send(input);
    else if (/^:\d+$/.test(input)) await press(Number(input.slice(1)));
    else if (command === ":as" && /^\d+$/.test(argument)) current = switchTo(Number(argument));
    else if (command === ":g" && group) await group.member({ id: current.id }).send(input.slice(2).trim());
    else if (command === ":photo") await current.sendPhoto({ caption: input.slice(":photo".length).trim() || undefined });
    else if (command === ":pdf") await current.sendDocument({ fileName: "slip.pdf", content: "%PDF-1.4 playground slip" });
    else if (command === ":block") current.block();
    else if (command === ":unblock") current.unblock();
    else if (command === ":quit") await shutdown(0);
    else print(HELP);
  };

  fake.onCall((call) => {
    const text = formatFailedCall(call);
    if (text) print(text);
  });
  child.once("exit", (code, signal) => {
    if (stopping) return;
    print(`\nThe bot process exited (${signal ?? `code ${code}`}). Last lines of ${logPath}:\n${logTail(logPath)}`);
    void shutdown(1);
  });
  rl.on("line", (line) => {
    handleLine(line)
      .catch((error: unknown) => print(`✖ ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        if (!stopping) rl.prompt();
      });
  });
  rl.on("close", () => void shutdown(0)); // Ctrl-D
  rl.on("SIGINT", () => void shutdown(0)); // Ctrl-C

  if (options.role) {
    print(`Bringing user ${MEMBER_ID} into the team as ${options.role} (the owner's /approve and /role below)…`);
    await joinTeam(follow(MEMBER_ID), follow(ADMIN_ID), options.role);
    current = switchTo(MEMBER_ID);
  }
  const apiLines: string[] = [];
  if (options.api) {
    const key = await sandboxKey(fake.user({ id: SHOP_ID, first_name: "Shop", language_code: options.lang }), follow(ADMIN_ID));
    const base = `http://127.0.0.1:${port}/api/v1`;
    apiLines.push(
      `  sandbox API key (user ${SHOP_ID}): ${key}`,
      `  try it:        curl -s -H 'Authorization: Bearer ${key}' ${base}/products`,
      `  the document:  ${base}/openapi.json`,
    );
  }
  const role = options.role ?? (options.admin ? "owner" : "reseller");
  console.log(
    [
      `Playground: you are user ${current.id} (${role})${options.lang ? `, language ${options.lang}` : ""}`,
      `  bot log:       ${logPath}`,
      `  fake Bot API:  ${fake.apiRoot}   bot HTTP port: ${port}`,
      ...apiLines,
      HELP,
      "",
    ].join("\n"),
  );
  rl.prompt();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
