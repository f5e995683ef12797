// Scripted texts for eval results, so the demo application reads like a real customer-support bot.

export interface TaskContent {
  naturalness: { pass: string[]; fail: string[] }
  style: { pass: string[]; fail: string[] }
  /** Rationales of the CUSTOM (criterion) eval. */
  custom: { pass: string[]; fail: string[] }
  facts: { correct: string[]; wrong: string[]; missed: string[] }
  outputMatch: { expected: string; wrong: string[] }
  recall: { question: string; context: string; statements: string[]; unsupported: string }
}

export const DEMO_CONTENT: Record<string, TaskContent> = {
  'lost-card': {
    naturalness: {
      pass: [
        'The assistant acknowledges the lost card calmly, confirms the last four digits and explains the block in plain language. The exchange reads like a trained support agent.',
        'Short, clear turns; the reply adapts to the customer being worried and avoids banking jargon.'
      ],
      fail: [
        "The reply repeats the blocking instructions three times and then switches to a card-upgrade offer, which feels scripted and ignores the customer's stress.",
        'Sentences are stiff ("your request pertaining to the card instrument has been actioned") and the customer has to ask twice whether the card is blocked.'
      ]
    },
    style: {
      pass: ['Warm, direct and brief, as the brand voice guide asks; the next steps are a numbered list.'],
      fail: [
        'The answer opens with a legal disclaimer and uses passive voice throughout, against the brand voice guide.'
      ]
    },
    custom: {
      pass: [
        'The assistant asked for the date of birth and the last four digits before blocking, and only then confirmed the block.',
        'Identity was verified with two factors (date of birth, last four digits) before any action on the card.'
      ],
      fail: [
        "The assistant blocked the card before verifying the customer's identity; the only check was the first name, which the policy does not accept.",
        'The assistant asked the customer to type the full card number in the chat, which the verification policy forbids.'
      ]
    },
    facts: {
      correct: [
        'A blocked card cannot be unblocked; a replacement card is issued.',
        'Replacement cards arrive within 5 working days.',
        'Recurring payments have to be moved to the new card.'
      ],
      wrong: [
        'Replacement cards arrive the next day.',
        'The customer must visit a branch to order a replacement.'
      ],
      missed: [
        'Recent transactions should be reviewed for fraud.',
        'Contactless and online payments are blocked at the same moment.'
      ]
    },
    outputMatch: {
      expected: 'block_card(last4="4821", reason="lost")',
      wrong: ['freeze_card(last4="4821")', 'block_card(last4="4812", reason="lost")']
    },
    recall: {
      question: 'How do I block my lost debit card?',
      context:
        'Customers can block a lost or stolen card instantly in the app under Cards > Block card, or by calling 0800 123 456 at any time.',
      statements: [
        'You can block the card in the app under Cards > Block card.',
        'The phone line 0800 123 456 is open at any time.'
      ],
      unsupported: 'Blocking the card also cancels all standing orders on the account.'
    }
  },
  'duplicate-charge': {
    naturalness: {
      pass: [
        'The assistant apologises once, restates the two charges it found and explains what happens next without over-explaining.',
        'Natural back-and-forth: it asks which purchase is meant before acting and keeps each reply short.'
      ],
      fail: [
        'The answer is a wall of text mixing dispute rules, fraud advice and card limits; the customer asked one question.',
        'The assistant answers in bullet fragments without any connecting sentence, which reads like a form, not a conversation.'
      ]
    },
    style: {
      pass: ['Plain, reassuring wording; amounts are given with the currency, as the style guide asks.'],
      fail: [
        'Uses internal terms ("auth reversal", "chargeback ticket") that the brand voice guide says to avoid.'
      ]
    },
    custom: {
      pass: [
        'The assistant confirmed both charges were identical (same merchant, amount and minute), opened a dispute for the duplicate only and gave the 3–5 business day timeline.',
        'It recognised that the second charge was still pending and correctly told the customer it should drop off within 3 business days.'
      ],
      fail: [
        'The assistant promised an immediate refund of both charges, although the policy only refunds the duplicate after the merchant confirms.',
        'It opened a dispute on a pending authorisation, which the refund policy says to wait for.'
      ]
    },
    facts: {
      correct: [
        'Pending duplicates usually drop off within 3 business days.',
        'A dispute can only be opened for posted transactions.',
        'Refunds reach the account within 3–5 business days.'
      ],
      wrong: ['Refunds are instant for all card payments.', 'A fee of 5 EUR applies to every dispute.'],
      missed: ['The customer gets an email when the dispute is resolved.']
    },
    outputMatch: {
      expected: 'open_dispute(transaction_id="tx_88412", reason="duplicate")',
      wrong: ['refund(transaction_id="tx_88411")', 'open_dispute(transaction_id="tx_88411", reason="fraud")']
    },
    recall: {
      question: 'I was charged twice for the same purchase, can I get my money back?',
      context:
        'If a card payment appears twice, the duplicate is usually a pending authorisation that drops off within 3 business days. If both payments have posted, open a dispute from the transaction screen.',
      statements: [
        'The second payment is probably a pending authorisation.',
        'It should disappear within 3 business days.'
      ],
      unsupported: 'The bank refunds duplicate charges automatically within one hour.'
    }
  },
  'overdraft-fees': {
    naturalness: {
      pass: [
        'Explains the overdraft cost with one worked example and checks whether the customer wants to set an alert. Reads naturally.',
        'Clear, friendly explanation; the numbers are introduced one at a time.'
      ],
      fail: [
        'The answer lists every fee in the tariff sheet without context; the customer asked what an overdraft costs them.',
        'Robotic phrasing and a sudden sign-off ("Is there anything else? Goodbye.") before the question was answered.'
      ]
    },
    style: {
      pass: [
        'Friendly and plain-spoken, uses "you" and short sentences as the style guide asks; figures come with the currency and no legal jargon.'
      ],
      fail: [
        'The answer quotes the terms and conditions verbatim in legal language and uses all-caps warnings, both against the brand voice guide.',
        'The tone is patronising ("as you should know"), which the style guide forbids.'
      ]
    },
    custom: {
      pass: ['The assistant gave the cost as a rate and as an example amount, as the criterion requires.'],
      fail: ['The assistant gave the rate but no example amount, which the criterion requires.']
    },
    facts: {
      correct: [
        'The arranged overdraft rate is 19.9% EAR.',
        'There is a 10 EUR buffer before any interest is charged.',
        'Interest is charged daily and billed monthly.'
      ],
      wrong: ['Every overdraft costs a flat 25 EUR fee.', 'Overdraft interest is charged once a year.'],
      missed: ['Customers can set an alert before they reach the overdraft.']
    },
    outputMatch: {
      expected: 'explain_fees(product="arranged_overdraft")',
      wrong: ['explain_fees(product="unarranged_overdraft")']
    },
    recall: {
      question: 'What does it cost if I go into my overdraft?',
      context:
        'Arranged overdrafts cost 19.9% EAR, charged daily and billed monthly. A 10 EUR buffer applies before interest is charged.',
      statements: ['The overdraft rate is 19.9% EAR.', 'The first 10 EUR are free of interest.'],
      unsupported: 'Students pay no overdraft interest at all.'
    }
  },
  escalation: {
    naturalness: {
      pass: [
        'The assistant accepts the request for a person without pushing back and explains the wait in one sentence.',
        'Empathetic and brief; it does not make the customer repeat the complaint.'
      ],
      fail: [
        'The assistant answers "I understand your frustration" four times in a row, which sounds canned.',
        'It ignores the request for a human and restarts the troubleshooting script from the top.'
      ]
    },
    style: {
      pass: ['Calm, respectful wording that owns the problem, as the brand voice guide asks for complaints.'],
      fail: ['Defensive tone ("this is not our fault") that the brand voice guide explicitly rules out.']
    },
    custom: {
      pass: [
        'The assistant recognised the request for a person, summarised the issue in the handoff note and told the customer the expected wait time.',
        'Handoff created with the account, the complaint summary and the steps already tried.'
      ],
      fail: [
        'The assistant kept trying to resolve the issue after the customer asked twice for a human, and never offered the handoff.',
        'The handoff was created without a summary, so the agent would have to ask the customer to repeat everything.'
      ]
    },
    facts: {
      correct: [
        'Human agents are available 8:00–20:00 on weekdays.',
        'Complaints are answered within 2 business days.'
      ],
      wrong: ['Human agents are available around the clock.'],
      missed: ['The customer can request a call-back instead of waiting.']
    },
    outputMatch: {
      expected: 'handoff(queue="complaints", priority="high")',
      wrong: ['handoff(queue="general", priority="normal")', 'handoff(queue="complaints", priority="low")']
    },
    recall: {
      question: 'I want to talk to a real person about my complaint.',
      context:
        'Human agents handle complaints 8:00–20:00 on weekdays. Outside these hours a call-back can be booked; complaints are answered within 2 business days.',
      statements: ['An agent is available until 20:00 on weekdays.', 'You can book a call-back instead.'],
      unsupported: 'A manager will call you back within ten minutes.'
    }
  }
}

/** Texts for tasks seeded without scripted content. */
export function genericContent(title: string): TaskContent {
  return {
    naturalness: {
      pass: [`The reply to "${title}" is clear and conversational, and it answers the question directly.`],
      fail: [`The reply to "${title}" is repetitive and stiff, and it drifts away from what the user asked.`]
    },
    style: {
      pass: ['The tone and wording follow the style guide.'],
      fail: ['The answer uses jargon and a formal register that the style guide rules out.']
    },
    custom: {
      pass: [`The response meets the criterion for "${title}".`],
      fail: [`The response does not meet the criterion for "${title}": a required step is missing.`]
    },
    facts: {
      correct: ['The main statement matches the ground truth.', 'The figures quoted are correct.'],
      wrong: ['One figure contradicts the ground truth.'],
      missed: ['A condition from the ground truth is not mentioned.']
    },
    outputMatch: { expected: 'status="resolved"', wrong: ['status="pending"'] },
    recall: {
      question: `Help me with: ${title}`,
      context: `Knowledge base article about ${title}.`,
      statements: ['The answer follows the knowledge base article.'],
      unsupported: 'The answer adds a promise the knowledge base does not make.'
    }
  }
}

export const EVAL_ERRORS = [
  'Webhook failed with status=500: Internal Server Error',
  'Timed out waiting for the trace of this test after 120 s',
  'Evaluation model returned an unparseable response'
]
