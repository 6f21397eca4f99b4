import type { TokenSource } from 'quiltt-embed'
import { createContext, createElement, type ReactNode, useMemo } from 'react'

/** What a {@link QuilttTokenProvider} shares with its subtree. */
export const TokenContext = createContext<
  { token: TokenSource | undefined; sessionKey: string | undefined } | undefined
>(undefined)

export interface QuilttTokenProviderProps {
  /**
   * A session token, a function returning one (called only when a Connector opens), or
   * `{ url }` of your session endpoint. A function must be stable (module scope or
   * `useCallback`): a different function is a different session.
   */
  token: TokenSource | undefined
  /**
   * Your signed-in user's ID, any string. A change (sign-out, another user) drops every cached
   * token and prepared Connector below, so the next open asks the token source again.
   */
  sessionKey?: string | undefined
  children?: ReactNode
}

/**
 * Shares one token source with every connector below it. A `token` prop on a component or hook
 * wins over it. Nothing is stored: the token lives in memory only.
 *
 * @example
 * <QuilttTokenProvider token={{ url: '/api/quiltt/session' }} sessionKey={user.id}>
 *   <QuilttButton connectorId="abc123">Link your bank</QuilttButton>
 * </QuilttTokenProvider>
 */
export function QuilttTokenProvider({ token, sessionKey, children }: QuilttTokenProviderProps) {
  const value = useMemo(() => ({ token, sessionKey }), [token, sessionKey])
  // `.Provider` rather than React 19's `<Context value>`, so React 18.3 works too.
  return createElement(TokenContext.Provider, { value }, children)
}
