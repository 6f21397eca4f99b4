import { defineEventHandler, toWebRequest } from 'h3'
import { sessions } from '../../utils/sessions'
import { user } from '../../utils/user'

// POST /api/quiltt/session → { token, expiresAt } for the signed-in user (401 when signed out).
// h3 gives a Fetch Request with toWebRequest; a returned Response is sent as it is.
const handle = sessions.handler({ user })
export default defineEventHandler((event) => handle(toWebRequest(event)))
