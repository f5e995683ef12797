import { expect } from '@jest/globals'
import { AvidoApiError } from '../../src/avido/errors.js'

/** The AvidoApiError a call rejects with; fails the test when it resolves or rejects with anything else. */
export async function avidoFailure(promise: Promise<unknown>): Promise<AvidoApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(AvidoApiError)
  return error as AvidoApiError
}
