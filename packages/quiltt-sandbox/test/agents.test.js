// @ts-check
import { expect, test } from 'vitest'
import { createAgents, recordAgent } from '../src/agents.js'

test('a list keeps the latest 100 agents, each cut to 200 characters', () => {
  const { scripts } = createAgents()
  for (let i = 0; i < 150; i++) recordAgent(scripts, `agent/${i}`)
  recordAgent(scripts, 'x'.repeat(500))
  recordAgent(scripts, ['a', 'b'])
  expect(scripts).toHaveLength(100)
  expect(scripts[0]).toBe('agent/52')
  expect(scripts.at(-2)).toBe('x'.repeat(200))
  expect(scripts.at(-1)).toBeNull()
})
