import { edgeSessions } from '@/lib/edge-sessions'
import { user } from '@/lib/user'

// The same endpoint on the Edge runtime: POST /api/quiltt/edge-session → { token, expiresAt }.
export const runtime = 'edge'
export const POST = edgeSessions.handler({ user })
