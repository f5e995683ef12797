// Shows the action's stdout the way the Actions log viewer does: groups as headings, annotations as
// labelled lines, debug lines and masks hidden.

const PERCENT_ESCAPES: [RegExp, string][] = [
  [/%0D/g, '\r'],
  [/%0A/g, '\n'],
  [/%25/g, '%']
]

function unescapeData(text: string): string {
  return PERCENT_ESCAPES.reduce((value, [pattern, replacement]) => value.replace(pattern, replacement), text)
}

export function viewLogLine(line: string): string | undefined {
  const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
  if (!command) return line
  const [, name, properties, data] = command
  switch (name) {
    case 'group':
      return `\n▶ ${unescapeData(data)}`
    case 'endgroup':
    case 'debug':
    case 'add-mask':
    case 'set-output':
      return undefined
    case 'warning':
    case 'error':
    case 'notice': {
      const title = /title=([^,]*)/.exec(properties ?? '')?.[1]
      const label = name === 'error' ? 'Error' : name === 'warning' ? 'Warning' : 'Notice'
      return `${label}${title ? ` (${unescapeData(title)})` : ''}: ${unescapeData(data)}`
    }
    default:
      return line
  }
}

/** Splits streamed output into lines, keeping a partial last line for the next chunk. */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let pending = ''
  return chunk => {
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) onLine(line)
  }
}
