import Testing

@testable import ComplyInput

/// The scanner finds where an unquoted cell ends eight bytes at a time; it must find what a byte loop finds.
@Suite struct CSVScannerCellEndTests {
  @Test func wordAtATimeAgreesWithAByteLoop() {
    var state: UInt64 = 42
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    // Delimiters, bytes below 0x2D that are not (space, quote, parenthesis, NUL, VT), `-` and bytes above ASCII.
    let alphabet: [UInt8] = [
      0x61, 0x61, 0x61, 0x2C, 0x0A, 0x0D, 0xE4, 0xB8, 0x80, 0x2B, 0x2D, 0x0B, 0xAC, 0x8A, 0x20, 0x22, 0x28, 0x00,
    ]
    for _ in 0..<20_000 {
      let bytes = (0..<(next() % 40)).map { _ in alphabet[next() % alphabet.count] }
      bytes.withUnsafeBufferPointer { p in
        let start = bytes.isEmpty ? 0 : next() % bytes.count
        let end = start + (bytes.isEmpty ? 0 : next() % (bytes.count - start + 1))
        var expected = start
        while expected < end, ![0x2C, 0x0A, 0x0D].contains(bytes[expected]) { expected += 1 }
        #expect(CSVScanner.cellEnd(p, from: start, to: end) == expected, "\(bytes) from \(start) to \(end)")
      }
    }
  }
}
