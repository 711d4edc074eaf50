import ComplyModel
import Testing

/// `Value.format`, the number rendering of messages, evidence and diagnostics: register style at every magnitude.
@Suite struct ValueFormatTests {
  @Test func registerStyleNumbers() {
    #expect(Value.format(1200) == "1200")
    #expect(Value.format(0.5) == "0.5")
    #expect(Value.format(0.12) == "0.12")
    #expect(Value.format(-260.25) == "-260.25")
    #expect(Value.format(1.0 / 3) == "0.333333")
  }

  /// Found by fuzzing: from 10^15, and for fractions from about 9.2 × 10^12, rendering trapped converting to Int64.
  @Test func hugeNumbersAreWrittenOutWithoutTrapping() {
    #expect(Value.format(1e15) == "1000000000000000")
    #expect(Value.format(77_777_777_777_777_777_777) == "77777777777777770496")
    #expect(Value.format(1e23) == "99999999999999991611392")
    #expect(Value.format(-0x1p63) == "-9223372036854775808")
    #expect(Value.format(0x1p64) == "18446744073709551616")
    #expect(Value.format(12_345_678_901_234.5) == "12345678901234.5")
    #expect(Value.format(-10_000_000_000_000.25) == "-10000000000000.25")
    #expect(Value.format(4_503_599_627_370_495.5) == "4503599627370495.5")
    #expect(Value.format(.greatestFiniteMagnitude).count == 309)
  }
}
