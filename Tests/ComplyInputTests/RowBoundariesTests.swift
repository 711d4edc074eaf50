import Testing
import ComplyTestSupport

@testable import ComplyInput

/// The quote-to-quote cutter for LF-only bytes must cut exactly where the byte-at-a-time reference does, on
/// every arrangement of quotes, commas and line feeds, with and without the end of the file.
@Suite struct RowBoundariesTests {
  static func same(_ a: RowBoundaries.Cut?, _ b: RowBoundaries.Cut?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): x.end == y.end && x.rows == y.rows && x.lines == y.lines
    default: false
    }
  }

  @Test func quoteToQuoteAgreesWithByteByByte() {
    var g = SplitMix64(state: 7)
    let alphabet: [UInt8] = Array("a,\"\n".utf8) + Array("b,".utf8)
    for round in 0..<20_000 {
      let count = Int(g.next() % 40)
      let bytes = (0..<count).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
      for atEOF in [false, true] {
        bytes.withUnsafeBufferPointer { p in
          let fast = RowBoundaries.lastRowEnd(p, atEOF: atEOF)
          // No bytes, no row (the byte-at-a-time cutter alone would call the end of the file a row).
          let reference = bytes.isEmpty ? nil : RowBoundaries.lastRowEndByteByByte(p, atEOF: atEOF)
          #expect(
            RowBoundariesTests.same(fast, reference),
            "round \(round), atEOF \(atEOF): \(String(decoding: bytes, as: UTF8.self).debugDescription) gives \(String(describing: fast)), expected \(String(describing: reference))")
        }
      }
    }
  }

  /// The line feed counts (the vector one where the processor has it, and the word-at-a-time one), against a
  /// byte-at-a-time count, over bytes near LF in value (0x09, 0x0B, 0x8A, 0x0A with the high bit) and every start
  /// and end offset, across several 32-byte vectors.
  @Test func lineFeedCountAgreesWithByteByByte() {
    var g = SplitMix64(state: 11)
    let alphabet: [UInt8] = [0x0A, 0x0A, 0x09, 0x0B, 0x8A, 0x00, 0xFF, 0x7F, 0x2C, 0xE5]
    var longCounts = 0
    for _ in 0..<600 {
      let bytes = (0..<Int(g.next() % 100)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
      bytes.withUnsafeBufferPointer { p in
        for start in 0...bytes.count {
          var expected = 0
          for end in start...bytes.count {
            if end > start && bytes[end - 1] == 0x0A { expected += 1 }
            #expect(RowBoundaries.countLF(p, start, end) == expected)
            #expect(RowBoundaries.countLFInSwift(p, start, end) == expected)
            if end - start >= 64 { longCounts += 1 }
          }
        }
      }
    }
    #expect(longCounts > 10_000)  // the vector loop ran, not only its tail
  }

  @Test func registerRowsWithQuotedRemarks() {
    let text = "P1,名称,\"备注, 有逗号\"\nP2,\"a \"\"quoted\"\" word\",x\nP3,\"two\nlines\",y\nP4,5\" pipe,z\nP5,partial"
    let bytes = Array(text.utf8)
    bytes.withUnsafeBufferPointer { p in
      let cut = RowBoundaries.lastRowEnd(p, atEOF: false)
      #expect(cut?.rows == 4)
      #expect(cut?.lines == 5)
      #expect(cut?.end == bytes.count - "P5,partial".utf8.count)
      #expect(RowBoundaries.lastRowEnd(p, atEOF: true)?.end == bytes.count)
    }
  }
}
