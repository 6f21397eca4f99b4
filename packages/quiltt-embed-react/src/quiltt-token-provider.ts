import type { TokenSource } from 'quiltt-embed'
import { createContext, createElement, type ReactNode } from 'react'

/** The token a {@link QuilttTokenProvider} shares with its subtree. */
export const TokenContext = createContext<TokenSource | undefined>(undefined)

export interface QuilttTokenProviderProps {
  /** A session token, or a function returning one (called only when a Connector opens). */
  token: TokenSource | undefined
  children?: ReactNode
}

/**
 * Shares one session token (or token provider) with every connector below it. A `token` prop on
 * a component or hook wins over it. Nothing is stored: the token lives in React state only.
 *
 * @example
 * <QuilttTokenProvider token={() => fetch('/api/quiltt/session', { method: 'POST' }).then((r) => r.json()).then((b) => b.token)}>
 *   <QuilttButton connectorId="abc123">Link your bank</QuilttButton>
 * </QuilttTokenProvider>
 */
export function QuilttTokenProvider({ token, children }: QuilttTokenProviderProps) {
  // `.Provider` rather than React 19's `<Context value>`, so React 18.3 works too.
  return createElement(TokenContext.Provider, { value: token }, children)
}
