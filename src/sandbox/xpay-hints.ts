/**
 * The fake xpay's webhook: the document names one but gives neither its shape nor a signature,
 * so the fake posts an unsigned JSON notice once (no retries) and reports what the receiver said.
 */

export interface HintPost {
  url: string;
  /** The exact bytes sent. */
  body: string;
  status?: number;
  error?: string;
}

export async function postHint(url: string, payload: unknown, timeoutMs = 10_000): Promise<HintPost> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return { url, body, status: res.status };
  } catch (e) {
    return { url, body, error: e instanceof Error ? e.message : String(e) };
  }
}
