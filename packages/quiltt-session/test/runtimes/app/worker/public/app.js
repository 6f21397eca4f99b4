// The page's own script: quiltt:* events bubble from the bound button to the document.
document.addEventListener('quiltt:exit-success', (event) => {
  const item = document.createElement('li')
  item.textContent = `Connected: ${event.detail.metadata.connectionId}`
  document.getElementById('connections').append(item)
})
