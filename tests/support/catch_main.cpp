// Catch2's main, compiled once (Catch2 v2 is heavy) and linked into every test binary.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
