import { sessions } from '../../../lib/sessions'
import { user } from '../../../lib/user'

// POST /api/quiltt/session → { token, expiresAt } for the signed-in user (401 when signed out).
export const POST = sessions.handler({ user })
