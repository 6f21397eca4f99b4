// Vite's `?raw` imports: a file's text (the README's .vue sample, compiled by its test).
declare module '*?raw' {
  const text: string
  export default text
}
