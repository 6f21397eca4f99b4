// Stands for the app's own code that sends a Connection ID to its server (which checks that it
// belongs to the user's Profile before trusting it).
export const saved: (string | undefined)[] = []
export const save = (connectionId: string | undefined) => {
  saved.push(connectionId)
}
