import ComplyTestSupport
import Testing

@testable import ComplyModel

/// `Schema.isoDay` reads a `YYYY-MM-DD` cell a word at a time; it must answer as a byte-at-a-time reading does,
/// including for bytes that share a digit's high or low nibble (`/`, `:`, `?`, 0xB5) in any position.
@Suite struct ISODayTests {
  static func reference(_ b: [UInt8]) -> Int? {
    guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
    let places = [0, 1, 2, 3, 5, 6, 8, 9]
    guard places.allSatisfy({ b[$0] >= UInt8(ascii: "0") && b[$0] <= UInt8(ascii: "9") }) else { return nil }
    let n = { (i: Int) in Int(b[i] - UInt8(ascii: "0")) }
    let year = n(0) * 1000 + n(1) * 100 + n(2) * 10 + n(3)
    guard DateParsing.years.contains(year) else { return nil }
    return Day(year: year, month: n(5) * 10 + n(6), day: n(8) * 10 + n(9))?.number
  }

  @Test func agreesWithByteByByteReading() {
    var g = SplitMix64(state: 23)
    let odd: [UInt8] = [0x2F, 0x3A, 0x3F, 0x20, 0x2D, 0xB5, 0x05, 0x39, 0x30, 0x7F, 0x00, 0xFF, 0x35]
    var read = 0
    for round in 0..<200_000 {
      // A real date most of the time, then up to three bytes changed anywhere.
      let y = 1940 + g.below(170)
      let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
      let text = "\(y)-\(two(1 + g.below(13)))-\(two(g.below(33)))"
      var bytes = Array(text.utf8)
      for _ in 0..<g.below(4) where g.below(2) == 0 { bytes[g.below(bytes.count)] = g.pick(odd) }
      if g.below(50) == 0 { bytes.removeLast() }
      let fast = bytes.withUnsafeBufferPointer { Schema.isoDay($0) }
      let expected = ISODayTests.reference(bytes)
      #expect(fast == expected, "round \(round): \(bytes)")
      if expected != nil { read += 1 }
    }
    #expect(read > 50_000)  // most inputs are dates, so the arithmetic is checked, not only the refusals
  }
}
