// The SDK's Vitest browser-mode helpers, one import for the SDK's and the bindings' tests
// (`test/helpers`). Each piece lives in its own module in this folder; this file only lists them.
// Nothing here sleeps: waits are conditions (`vi.waitFor`) or round trips through the puppet frame.
export { catchError, expectNoLeak, rejection } from './assertions'
export { adopt, cleanup, create, makeContainer, onCleanup } from './cleanup'
export { dialogs, takesFocus } from './dialogs'
export {
  foreignFrame,
  frameOf,
  iframes,
  navigateFrameAway,
  waitForFrame,
  waitForLiveFrame,
} from './frames'
export { domNodeCount, trackGlobalListeners } from './leak-counters'
export { openAndGetFrame, openInline, openModal } from './open'
export { connectorUrl, embedLocation, originOf, port, uniqueId } from './origins'
export {
  command,
  postFromFrame,
  quiltt,
  receivedMessages,
  reportedUrl,
  sync,
  waitForMessage,
  whenLive,
} from './puppet-messages'
export { captureWindowErrors, plain, type Recorded, record } from './record'
export { base64url, encodeJson, makeToken } from './session-tokens'
