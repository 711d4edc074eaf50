import ComplySIMD
import ComplyTestSupport
import Testing

@testable import ComplyInput

/// The block validator runs 32 bytes at a time with AVX2 (`ComplySIMD`), else a word at a time in Swift; both
/// must agree with the standard library's validation on any mix of ASCII, Chinese text and broken sequences,
/// wherever a sequence falls against a 32-byte block.
@Suite struct UTF8ValidationTests {
  @Test func agreesWithTheStandardLibrary() {
    var g = SplitMix64(state: 23)
    let pieces: [[UInt8]] = [
      Array("P0001,".utf8), Array("a".utf8), Array("察布供水工程".utf8), Array("〔2013〕".utf8), Array("é".utf8), Array("😀".utf8),
      // A run of ASCII longer than a block, so that whole blocks are ASCII between broken sequences.
      Array("2013-04-03,2015-05-13,2015-04-29,".utf8),
      // Valid three-byte characters led by E0, ED, EE and EF, which the two-at-a-time path leaves to the careful one.
      Array("\u{0800}\u{D7FF}\u{E000}\u{FFFD}".utf8),
      // The edges of the four-byte range.
      Array("\u{10000}\u{10FFFF}".utf8),
      [0x80], [0xE5, 0xAF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE0, 0x80, 0xAF],
      [0xE0, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF5, 0x80, 0x80, 0x80], [0xC2], [0xF0, 0x9F, 0x98], [0xBF, 0xBF],
    ]
    let valid = 9
    for round in 0..<40_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(g.next() % 16) {
        // Mostly valid pieces, so that long valid inputs (and the fast paths) are common.
        let index = g.next() % 4 == 0 ? Int(g.next() % UInt64(pieces.count)) : Int(g.next() % UInt64(valid))
        bytes += pieces[index]
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      bytes.withUnsafeBufferPointer { p in
        #expect(TextDecoder.isValidUTF8(p) == expected, "round \(round): \(bytes)")
        #expect(TextDecoder.isValidUTF8InSwift(p) == expected, "round \(round), in Swift: \(bytes)")
      }
    }
  }

  /// Every one- and two-byte input, and every three-byte input led by a byte above ASCII, against the standard
  /// library, each at every offset of a block (after ASCII padding).
  @Test func agreesOnEveryShortSequence() {
    func check(_ sequence: [UInt8]) {
      let expected = String(validating: sequence, as: UTF8.self) != nil
      for pad in [0, 29, 30, 31, 32] {
        let bytes = [UInt8](repeating: 0x61, count: pad) + sequence
        let actual = bytes.withUnsafeBufferPointer { TextDecoder.isValidUTF8($0) }
        if actual != expected { Issue.record("\(sequence) after \(pad) bytes: \(actual), expected \(expected)") }
      }
    }
    for a in 0...255 { for b in 0...255 { check([UInt8(a), UInt8(b)]) } }
    for a in [0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5] as [UInt8] {
      for b in 0...255 { for c in [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] as [UInt8] { check([a, UInt8(b), c]) } }
    }
  }

  /// On x86_64 the vector path runs (the machines CI uses have AVX2), so the tests above test it.
  @Test func vectorPathRunsOnX86() {
    #if arch(x86_64)
      #expect(comply_simd_available() != 0)
      #expect(comply_utf8_valid([0xE5, 0xAF], 2) == 0)
    #endif
  }
}
