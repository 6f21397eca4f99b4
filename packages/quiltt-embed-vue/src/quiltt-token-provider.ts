import type { TokenSource } from 'quiltt-embed'
import { defineComponent, type InjectionKey, provide } from 'vue'

/** The nearest {@link QuilttTokenProvider}'s token source and session key, read when needed. */
export const TOKEN_KEY: InjectionKey<{
  token(): TokenSource | undefined
  sessionKey(): string | undefined
}> = Symbol('quiltt-token')

/**
 * Shares one token source with every connector below it. A `token` prop on a component or
 * composable wins over it. Nothing is stored: the token lives in memory only.
 *
 * @example
 * <QuilttTokenProvider :token="{ url: '/api/quiltt/session' }" :session-key="user.id">
 *   <QuilttButton connector-id="abc123">Link your bank</QuilttButton>
 * </QuilttTokenProvider>
 */
export const QuilttTokenProvider = defineComponent<{
  /**
   * A session token, a function returning one (called only when a Connector opens), or
   * `{ url }` of your session endpoint. A function must be stable: a different function is a
   * different session.
   */
  token?: TokenSource | undefined
  /**
   * Your signed-in user's ID, any string. A change (sign-out, another user) drops every cached
   * token and prepared Connector below, so the next open asks the token source again.
   */
  sessionKey?: string | undefined
}>(
  (props, { slots }) => {
    provide(TOKEN_KEY, { token: () => props.token, sessionKey: () => props.sessionKey })
    return () => slots.default?.()
  },
  { props: ['token', 'sessionKey'] },
)
