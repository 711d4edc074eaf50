import ComplyTestSupport
import Testing

@testable import ComplyInput

/// The block validator skips ASCII eight bytes at a time and jumps to the first byte above ASCII in a word; it
/// must agree with the standard library's validation on any mix of ASCII, Chinese text and broken sequences.
@Suite struct UTF8ValidationTests {
  @Test func agreesWithTheStandardLibrary() {
    var g = SplitMix64(state: 23)
    let pieces: [[UInt8]] = [
      Array("P0001,".utf8), Array("a".utf8), Array("察布供水工程".utf8), Array("〔2013〕".utf8), Array("é".utf8), Array("😀".utf8),
      // Valid three-byte characters led by E0, ED, EE and EF, which the two-at-a-time path leaves to the careful one.
      Array("\u{0800}\u{D7FF}\u{E000}\u{FFFD}".utf8),
      [0x80], [0xE5, 0xAF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE0, 0x80, 0xAF],
    ]
    for round in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(g.next() % 12) {
        // Mostly valid pieces, so that long valid inputs (and the word-at-a-time path) are common.
        let index = g.next() % 4 == 0 ? Int(g.next() % UInt64(pieces.count)) : Int(g.next() % 7)
        bytes += pieces[index]
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      let actual = bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) }
      #expect(actual == expected, "round \(round): \(bytes)")
    }
  }
}
