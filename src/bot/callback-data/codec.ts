import { z } from "zod";

/** Telegram refuses a whole keyboard when one button's data passes 64 bytes. */
export const MAX_CALLBACK_BYTES = 64;

const fitsCallback = (data: string) => Buffer.byteLength(data, "utf8") <= MAX_CALLBACK_BYTES;

const SEPARATOR = ":";

/**
 * One button family's callback data: packed where the button is made, unpacked where it is
 * handled, so the two can never drift apart. Data from Telegram is outside input: it is parsed
 * with zod like any other.
 */
export interface Codec<T> {
  /** The data for these values. Throws when a value does not fit its field or the data passes 64 bytes. */
  pack(value: T): string;
  /** The values, or undefined when the data is not this family's (or not well formed). */
  unpack(data: string): T | undefined;
  /** Whether these values make data that packs (a product whose SKU is too long gets no button). */
  fits(value: T): boolean;
}

/** A family with nothing but its name (`csv`, `lb:show`): `pack()` takes no values. */
export interface FixedCodec extends Codec<Record<string, never>> {
  pack(value?: Record<string, never>): string;
}

/** A field reads its text from the data; its output is what handlers get and what pack takes. */
type Shape = Record<string, z.ZodType<unknown, string>>;
export type Values<S extends Shape> = z.output<z.ZodObject<S>>;

/**
 * `prefix:field1:field2…` (or `field1:field2…` with an empty prefix), fields in the shape's order.
 * Every field is validated both ways: a value that would carry the separator (except in the last
 * field, which keeps the rest of the data) or garbage does not pack, so it cannot reach a chat.
 */
export function callbackCodec<S extends Shape>(prefix: string, shape: S): Codec<Values<S>> {
  const schema = z.object(shape);
  const keys = Object.keys(shape);
  if (keys.length === 0) throw new Error("a callback codec without fields is a fixedCodec");
  const head = prefix ? prefix + SEPARATOR : "";
  const name = prefix || keys.join(SEPARATOR);

  function unpack(data: string): Values<S> | undefined {
    if (!data.startsWith(head)) return undefined;
    const parts = data.slice(head.length).split(SEPARATOR);
    if (parts.length < keys.length) return undefined;
    // The last field keeps any separators of its own (a provider's SKU may hold one).
    const last = parts.splice(keys.length - 1).join(SEPARATOR);
    const fields = Object.fromEntries(keys.map((k, i) => [k, i === keys.length - 1 ? last : parts[i]]));
    const parsed = schema.safeParse(fields);
    return parsed.success ? parsed.data : undefined;
  }

  function build(value: Values<S>): string | undefined {
    const fields: Record<string, unknown> = value;
    const data = head + keys.map((k) => String(fields[k])).join(SEPARATOR);
    if (!fitsCallback(data)) return undefined;
    // Reading the data back must give the same values: that is what rules out separators and garbage.
    const back: Record<string, unknown> | undefined = unpack(data);
    return back && keys.every((k) => Object.is(back[k], fields[k])) ? data : undefined;
  }

  return {
    pack(value) {
      const data = build(value);
      if (data === undefined)
        throw new Error(`callback data "${name}": a value does not fit its field, or the data passes ${MAX_CALLBACK_BYTES} bytes`);
      return data;
    },
    unpack,
    fits: (value) => build(value) !== undefined,
  };
}

/** A family whose data is one fixed string. */
export function fixedCodec(data: string): FixedCodec {
  if (!/^[a-z]+(:[a-z]+)*$/.test(data) || !fitsCallback(data))
    throw new Error(`fixed callback data "${data}" is not a short lower-case name`);
  return { pack: () => data, unpack: (given) => (given === data ? {} : undefined), fits: () => true };
}

/** A whole number written in digits: a user id, a page, a saved customer, an amount. */
export const wholeNumber = z
  .string()
  .regex(/^\d{1,15}$/)
  .transform(Number);

/** Our ids (domain/ids.ts and its kin): one letter, then ten base-32 characters. */
const prefixedId = (letter: string) => z.string().regex(new RegExp(`^${letter}[0-9A-Z]{10}$`));
export const orderId = prefixedId("R");
export const batchId = prefixedId("B");
export const depositId = prefixedId("D");
