import { defineEventHandler, toWebRequest } from 'h3'
import { userIdOf } from '../utils/user'

export default defineEventHandler((event) => ({
  signedIn: userIdOf(toWebRequest(event).headers) !== undefined,
}))
