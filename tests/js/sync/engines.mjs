// The real engines the data tests run on: the native CLI (when build/native-release is built) and
// the wasm package under node (when build/wasm-release is built).
import { NativeEngine, haveNativeCli, LOUPE_CLI } from './native_engine.mjs';

function skipper(why) {
  return (t) => {
    console.log(`LOUPE-SKIP: ${t.name}: ${why}`);
    t.skip(why);
  };
}

export function engineKinds() {
  return [
    {
      name: 'native',
      available: haveNativeCli,
      skip: skipper(`${LOUPE_CLI} is not built`),
      open: async () => new NativeEngine(),
      reopen: async (engine) => new NativeEngine(engine.dir),
    },
  ];
}
