// What check-readme-samples.mjs counts as a sample, and which blocks of a package README must be
// one: a block that calls the APIs users copy, unmarked, is what let the quiltt-embed README's
// Next.js endpoint (Redis connected at module scope, no authUrl) go untested.
import { expect, test } from 'vitest'
import { codeBlocks, needsSample, strayMarkers } from './readme-blocks.mjs'

const readme = [
  '# pkg',
  '',
  '<!-- sample: examples/app/route.ts -->',
  '',
  '```ts',
  'export const POST = sessions.handler({ user })',
  '```',
  '',
  '```ts',
  'const redis = await createClient({ url }).connect()',
  'const sessions = createSessions({ apiKeySecret, store: redisStore(redis) })',
  '```',
  '',
  '<!-- sample: test/readme/x.tsx#quick-start -->',
  'Some prose between a marker and nothing.',
  '',
  '```sh',
  'npm install quiltt-embed',
  '```',
].join('\n')

test('a block is a sample when a marker stands right above it (blank lines allowed)', () => {
  const blocks = codeBlocks(readme)
  expect(blocks.map(({ line, marker }) => [line, marker?.path])).toEqual([
    [5, 'examples/app/route.ts'],
    [9, undefined],
    [17, undefined],
  ])
  expect(strayMarkers(readme)).toEqual([14])
})

test('blocks calling createSessions, a handler, createConnector or a binding must be samples', () => {
  for (const code of [
    'createSessions({ apiKeySecret })',
    'export const POST = sessions.handler({ user })',
    "app.post('/s', sessions.nodeHandler({ user }))",
    "createConnector({ connectorId: 'abc123', token })",
    'const { open } = useQuilttConnector({ connectorId })',
    '<QuilttButton connectorId="abc123">Link</QuilttButton>',
    '<QuilttContainer connectorId="abc123" />',
    '<QuilttTokenProvider token={token}>',
    '<quiltt-button connector-id="abc123">',
  ]) {
    expect(needsSample(code), code).toBe(true)
  }
  for (const code of [
    'npm install quiltt-embed',
    '<button data-quiltt-button="abc123">',
    'sessions.issue({ userId })',
  ]) {
    expect(needsSample(code), code).toBe(false)
  }
})
