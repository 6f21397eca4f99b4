// The page's own script: quiltt:* events bubble from the bound button to the document.
document.addEventListener('quiltt:exit-success', (event) => {
  document.getElementById('status').textContent = `Connected: ${event.detail.metadata.connectionId}`
})
