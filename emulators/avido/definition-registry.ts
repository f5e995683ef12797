import { DEFAULT_DEFINITION_BY_TYPE, EVAL_TYPES } from './definitions.js'
import type { EvalDefinitionRecord, EvalType } from './records.js'
import { checkEnum, checkId } from './seed-checks.js'
import type { EvalDefinitionSeed } from './seed-types.js'
import type { EmulatorState } from './state.js'

export type DefinitionRef = EvalType | EvalDefinitionSeed | { definitionId: string }

/** Eval definitions are shared by tests, so filters by evalDefinitionId and per-definition totals work. */
export class DefinitionRegistry {
  constructor(private readonly state: EmulatorState) {}

  private get definitions() {
    return this.state.store.definitions
  }

  register(spec: EvalDefinitionSeed | EvalDefinitionRecord): EvalDefinitionRecord {
    const id = checkId('Eval definition', spec.id ?? this.state.rng.uuid())
    const existing = this.definitions.get(id)
    if (existing !== undefined) return existing
    const type = checkEnum('eval type', spec.type, EVAL_TYPES)
    const definition: EvalDefinitionRecord = {
      id,
      name: spec.name ?? DEFAULT_DEFINITION_BY_TYPE[type].name,
      type,
      createdAt: 'createdAt' in spec ? spec.createdAt : this.state.clock.now(),
      globalConfig: spec.globalConfig,
      styleGuideId: spec.styleGuideId
    }
    this.definitions.set(id, definition)
    return definition
  }

  /** By id (created if unknown), else by name and type, else the default definition of the type. */
  resolve(seed: { type?: EvalType; definitionId?: string; name?: string }): EvalDefinitionRecord {
    if (seed.definitionId !== undefined) {
      const existing = this.definitions.get(seed.definitionId.toLowerCase())
      if (existing !== undefined) return existing
      return this.register({ id: seed.definitionId, name: seed.name, type: seed.type ?? 'CUSTOM' })
    }
    const type = checkEnum('eval type', seed.type ?? 'CUSTOM', EVAL_TYPES)
    if (seed.name !== undefined) {
      for (const definition of this.definitions.values()) {
        if (definition.name === seed.name && definition.type === type) return definition
      }
      return this.register({ name: seed.name, type })
    }
    const fallback = DEFAULT_DEFINITION_BY_TYPE[type]
    if (!this.definitions.has(fallback.id)) this.definitions.set(fallback.id, fallback)
    return fallback
  }

  resolveRef(ref: DefinitionRef): EvalDefinitionRecord {
    if (typeof ref === 'string') return this.resolve({ type: ref })
    if ('definitionId' in ref) return this.resolve({ definitionId: ref.definitionId })
    return this.register(ref)
  }
}
