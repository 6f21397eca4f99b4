// The script tests' fixture server (started by ../global-setup.ts, and reused by the engine tests'
// host server): a stand-in for Quiltt's connector.js with failure variants, a puppet Connector
// page, strict-CSP host pages that load the built IIFE, and request counts. server.ts routes each
// request to the module in this folder that answers it; this file is the one import path.
export { type ScriptFixtureServer, startScriptFixtureServer } from './server'
