// The page's own control: "Save" counts its clicks in #saved, so a test sees the page take a
// click (after the Connector closed, the page must be usable again).
;(() => {
  let saves = 0
  document.getElementById('save').addEventListener('click', () => {
    saves += 1
    document.getElementById('saved').textContent = `Saved ${saves}`
  })
})()
