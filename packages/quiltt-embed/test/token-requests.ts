// The page's same-origin token endpoint, for `token: { url }` and `data-token-url`. The vitest page
// is served by Vite, so the endpoint answers from inside the page: window.fetch is wrapped for
// same-origin URLs only (everything else really goes over the network). The SDK's own request is
// what is recorded, read back through a real `Request` exactly as fetch would read its init.
export interface TokenRequest {
  url: string
  method?: string | undefined
  credentials?: RequestCredentials | undefined
  redirect?: RequestRedirect | undefined
  /** What the browser would send: the same init read by a real Request, as fetch reads it. */
  sent: { body: string; contentType: string | null; integrity: string; mode: RequestMode }
}

/**
 * Answers every same-origin fetch with `answer()`; returns the requests, in order. `onCleanup` is
 * the test suite's own, which restores fetch after the test.
 */
export function answerTokenRequests(
  answer: () => Response,
  onCleanup: (dispose: () => void) => void,
): TokenRequest[] {
  const requests: TokenRequest[] = []
  const original = window.fetch
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    if (new URL(url).origin !== location.origin) return original(input, init)
    const request = new Request(url, init)
    requests.push({
      url,
      method: init?.method,
      credentials: init?.credentials,
      redirect: init?.redirect,
      sent: {
        body: await request.text(),
        contentType: request.headers.get('content-type'),
        integrity: request.integrity,
        mode: request.mode,
      },
    })
    return answer()
  }) as typeof fetch
  onCleanup(() => {
    window.fetch = original
  })
  return requests
}
