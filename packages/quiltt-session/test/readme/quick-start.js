// @ts-check
// The README's quick start, as written: readme-quick-start.test.js runs it against a sandbox.
// `profileOf` stands for the app's own sign-in (here: a test cookie holding the Profile ID).
/** @param {Request} request */
const profileOf = async (request) =>
  /test-profile=([\w-]+)/.exec(request.headers.get('cookie') ?? '')?.[1]

// #region quick-start
import { createSessions } from 'quiltt-session'

const sessions = createSessions({
  apiKeySecret: process.env.QUILTT_API_KEY_SECRET,
  authUrl: process.env.QUILTT_AUTH_URL, // unset: Quiltt itself; a quiltt-sandbox for development
})
// Profile attributes create the user's Profile once: keep its userId with your user.
const { token, expiresAt, userId } = await sessions.issue({ email: 'ada@example.com' })
const cached = await sessions.issue({ userId }) // the same token: no second Auth API call
await sessions.revoke({ userId }) // on sign-out: the token is revoked, the Profile stays
export const POST = sessions.handler({
  user: async (request) => ({ userId: await profileOf(request) }),
})
// #endregion quick-start

export const seen = { token, expiresAt, userId, cached }
