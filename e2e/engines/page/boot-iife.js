// Runs after quiltt-embed.min.js: hands the global it defined to the harness.
window.harness.ready(window.QuilttEmbed)
