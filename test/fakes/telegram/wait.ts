export type Found<T> = Exclude<T, undefined | null | false>;

/**
 * Resolves with `evaluate`'s first truthy result, re-checked each time `subscribe`'s listener
 * fires; rejects with `describeTimeout()` after `timeoutMs`, or with what `evaluate` throws.
 */
export function waitUntil<T>(
  subscribe: (listener: () => void) => () => void,
  evaluate: () => T | undefined | null | false,
  timeoutMs: number,
  describeTimeout: () => string,
): Promise<Found<T>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
    };
    const check = () => {
      try {
        const result = evaluate();
        if (result === undefined || result === null || result === false) return;
        done();
        resolve(result as Found<T>);
      } catch (error) {
        done();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(describeTimeout()));
    }, timeoutMs);
    const unsubscribe = subscribe(check);
    check();
  });
}

export const matches = (text: string, match: string | RegExp | undefined) =>
  match === undefined || (typeof match === "string" ? text.includes(match) : match.test(text));
