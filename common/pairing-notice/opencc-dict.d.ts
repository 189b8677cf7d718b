/** opencc-js ships its dictionaries (`dist/esm-lib/dict/*.js`, each a default-exported string) without types. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
