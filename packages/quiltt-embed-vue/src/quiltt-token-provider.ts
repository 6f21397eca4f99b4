import type { TokenSource } from 'quiltt-embed'
import { defineComponent, type InjectionKey, provide } from 'vue'

/** Gives the token of the nearest {@link QuilttTokenProvider}, read when it is needed. */
export const TOKEN_KEY: InjectionKey<() => TokenSource | undefined> = Symbol('quiltt-token')

/**
 * Shares one session token (or token provider) with every connector below it. A `token` prop on
 * a component or composable wins over it. Nothing is stored: the token lives in Vue state only.
 *
 * @example
 * <QuilttTokenProvider :token="fetchSessionToken">
 *   <QuilttButton connector-id="abc123">Link your bank</QuilttButton>
 * </QuilttTokenProvider>
 */
export const QuilttTokenProvider = defineComponent<{
  /** A session token, or a function returning one (called only when a Connector opens). */
  token?: TokenSource | undefined
}>(
  (props, { slots }) => {
    provide(TOKEN_KEY, () => props.token)
    return () => slots.default?.()
  },
  { props: ['token'] },
)
