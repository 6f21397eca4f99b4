'use server'
import { revalidatePath } from 'next/cache'
import { headers } from 'next/headers'
import { saveConnection } from '@/lib/connections'
import { userOf } from '@/lib/user'

/**
 * A Server Action: the Server Component page hands it to QuilttButton as `onExitSuccess`. The
 * user comes from the request's cookie, never from the metadata the browser sends.
 */
export async function connected(metadata: { connectionId?: string | undefined }): Promise<void> {
  const user = userOf(await headers())
  const { connectionId } = metadata
  if (!user || typeof connectionId !== 'string' || connectionId.length > 200) return
  saveConnection(user.uuid, connectionId)
  revalidatePath('/', 'layout') // every page that lists the connections
}
