#!/bin/sh
# Builds the libFuzzer targets (Fuzz/Sources/Fuzz*) with the fuzzer and address sanitizers into .build-fuzz.
# Usage: Fuzz/build.sh [TARGET]   (all targets when none is named)
set -eu
cd "$(dirname "$0")"
configuration=${FUZZ_CONFIGURATION:-release}
set -- ${1:+--product "$1"}
exec nice -n 19 swift build -c "$configuration" --package-path . --scratch-path ../.build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library "$@"
