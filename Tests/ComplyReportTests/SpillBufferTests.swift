import Testing

@testable import ComplyReport

/// The text report's held findings: the same text back, in order, whether it stayed in memory or spilled to disk.
@Suite struct SpillBufferTests {
  @Test(arguments: [1 << 20, 7, 1])
  func givesBackEveryByteInOrder(limit: Int) {
    let buffer = SpillBuffer(limit: limit)
    var expected = ""
    for i in 0..<40_000 {  // 1.6 MB: more than one 1 MiB chunk when read back
      let piece = "ALI-\(i) 噶尔县·工程 ✗ 未批先建\n"
      expected += piece
      buffer.append(piece)
    }
    let sink = StringSink()
    buffer.drain(into: sink)
    #expect(sink.text == expected)
    let again = StringSink()
    buffer.drain(into: again)
    #expect(again.text.isEmpty)
  }
}
