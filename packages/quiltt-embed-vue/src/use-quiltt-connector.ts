import type { ConnectorState } from 'quiltt-embed'
import {
  inject,
  type MaybeRefOrGetter,
  onBeforeUnmount,
  onMounted,
  type Ref,
  shallowRef,
  toRaw,
  toValue,
  watch,
} from 'vue'
import { bindConnector, type Wanted } from '../../bindings-common/bind-connector'
import { callbackOf } from '../../bindings-common/events'
import type { QuilttConnectorOptions } from './options'
import { TOKEN_KEY } from './quiltt-token-provider'

/** What {@link useQuilttConnector} returns. */
export interface QuilttConnector {
  /** Opens the Connector (in a modal); resolves once it has loaded. */
  open(): Promise<void>
  /** Closes it; it can be opened again. */
  close(): void
  /** Prepares it hidden, so the next `open()` shows it at once. */
  preload(): Promise<void>
  /** The connector's state, reactive. */
  state: Readonly<Ref<ConnectorState>>
}

/**
 * One connector per component: created when it mounts, re-created when `connectorId`,
 * `connectionId`, `institution`, `transport`, `connectorUrl`, `scriptUrl` or `trustedHosts` (by
 * value) changes, destroyed when it unmounts. A new token source or `sessionKey` is used from the
 * next open on; new `themeMode` or `labels` too. Pass a
 * getter or a ref for reactive options; callbacks are read when they run.
 *
 * @example
 * const { open, state } = useQuilttConnector(() => ({
 *   connectorId: 'abc123',
 *   token: { url: '/api/quiltt/session' },
 *   onExitSuccess: (metadata) => save(metadata.connectionId),
 * }))
 */
export function useQuilttConnector(
  options: MaybeRefOrGetter<QuilttConnectorOptions>,
): QuilttConnector {
  return useConnector(options)
}

/**
 * The composable's body. The components pass the element the Connector mounts in (QuilttContainer)
 * and their `emit`, which then stands for the callback options.
 */
export function useConnector(
  options: MaybeRefOrGetter<QuilttConnectorOptions>,
  container?: Ref<HTMLElement | undefined>,
  emit?: (event: string, ...args: unknown[]) => void,
): QuilttConnector {
  const provided = inject(TOKEN_KEY, undefined)
  const current = () => toValue(options)
  const state = shallowRef<ConnectorState>('idle')
  const wanted = (): Wanted => {
    const settings = current()
    return {
      // The SDK knows its transports by identity; reactive state would hand it a proxy.
      options: { ...settings, transport: toRaw(settings.transport) },
      token: toRaw(settings.token ?? provided?.token()),
      sessionKeys: [settings.sessionKey, provided?.sessionKey()],
    }
  }
  const binding = bindConnector(
    wanted,
    emit ??
      ((event, ...args) =>
        (current()[callbackOf(event)] as ((...a: unknown[]) => void) | undefined)?.(...args)),
    (next) => {
      state.value = next
    },
    container && (() => container.value),
  )
  onMounted(binding.update)
  // Reads every option (labels deeply), the token source and the session keys, so a change of
  // any runs update(), which does nothing when nothing that matters changed. The state too: a
  // new look waits for the modal on screen to close.
  watch(() => [wanted(), state.value], binding.update, { deep: true })
  onBeforeUnmount(binding.destroy)
  return { open: binding.open, close: binding.close, preload: binding.preload, state }
}
