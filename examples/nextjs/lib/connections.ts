// Connections per user, in memory: a real app saves the connectionId in its own database.
const connections = new Map<string, string[]>()

export const connectionsOf = (uuid: string): string[] => connections.get(uuid) ?? []

export function saveConnection(uuid: string, connectionId: string): void {
  connections.set(uuid, [...connectionsOf(uuid), connectionId])
}
