import { describe, expect, it } from '@jest/globals'
import { abortedSummary } from '../../src/render/aborted.js'

// The page of a gate that stopped before a verdict: the reason can quote a server or an input, so it is
// escaped like any untrusted text, one line at a time.

describe('abortedSummary', () => {
  it.each([
    [
      'a server message with Markdown, HTML and a mention',
      'Avido GET /v0/tests answered 502: <b>*down*</b> @team',
      'Avido GET /v0/tests answered 502: &lt;b&gt;\\*down\\*&lt;/b&gt; @&#8203;team'
    ],
    [
      'bad inputs, one per line',
      'api-key: is required\ntimeout: "forever" is not a duration',
      'api-key: is required\n\ntimeout: &quot;forever&quot; is not a duration'
    ]
  ])('escapes %s', (_what, reason, shown) => {
    expect(abortedSummary(reason)).toBe(`## 🔴 Avido test gate could not finish\n\n${shown}\n`)
  })
})
