// The `browser` export condition: a bundler building for the browser lands here instead of on
// code that holds the API key secret.
throw new Error(
  'quiltt-session runs on your server: it holds your Quiltt API key secret, which must never ' +
    'reach a browser. Import it from server code only (an API route, a Node server), and give ' +
    'the browser the session token it returns.',
)
