// Plays an engine without Trusted Types: the SDK must then load connector.js by plain URL.
Object.defineProperty(window, 'trustedTypes', { value: undefined, configurable: true })
