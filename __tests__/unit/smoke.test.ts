import { describe, expect, it } from '@jest/globals'
import { TestSchema } from '../../src/avido/schemas.js'
import * as core from '@actions/core'

describe('smoke', () => {
  it('parses', () => {
    expect(typeof core.info).toBe('function')
    expect(TestSchema.safeParse({}).success).toBe(false)
  })
})
