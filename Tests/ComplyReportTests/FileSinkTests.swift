import Foundation
import Testing

@testable import ComplyReport

/// Reports written through a descriptor: every byte, or an error that `close()` reports.
@Suite struct FileSinkTests {
  @Test func aFullDiskIsReportedWhenTheSinkCloses() throws {
    let fd = open("/dev/full", O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    let sink = FileSink(descriptor: fd, name: "report.json", finalPath: nil, temporaryPath: nil)
    for _ in 0..<2_000 { sink.write("{\"rule_id\": \"construction-before-approval\", \"record_id\": \"P00000001\"}\n") }
    #expect(sink.failure == "No space left on device")
    #expect(throws: OutputError.self) { try sink.close() }
    do { try sink.close() } catch { #expect(error.message == "cannot write report.json: No space left on device") }
  }

  @Test func aFileGetsEveryByteAndItsName() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("comply-sink-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sink = try FileSink.file(path)
    var expected = ""
    for i in 0..<20_000 {  // over the 64 KiB buffer many times
      let line = "P\(i) 噶尔县·工程 未批先建\n"
      expected += line
      sink.write(line)
    }
    try sink.close()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
    #expect(!leftovers.contains { $0.hasPrefix(".comply-sink-") })
  }
}
