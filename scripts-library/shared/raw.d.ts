/** `import text from './file.json?raw'`: the file's text (Vite's raw import; the benchmarks' esbuild does the same). */
declare module '*?raw' {
  const text: string;
  export default text;
}
