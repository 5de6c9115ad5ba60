// Emscripten pre-js for the node test binaries: getenv() in wasm sees only Emscripten's default
// environment, so hand it the real process environment (LOUPE_REAL_DATA_DIR, LOUPE_REQUIRE_REAL_DATA).
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  for (var key in process.env) ENV[key] = process.env[key];
});
