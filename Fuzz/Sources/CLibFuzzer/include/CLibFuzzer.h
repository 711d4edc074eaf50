// libFuzzer's entry points, for Swift. SwiftPM links an executable with `main` aliased to `<Target>_main`,
// which `-parse-as-library` never emits, so each target defines that symbol and hands control to libFuzzer's
// driver with its `LLVMFuzzerTestOneInput`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
