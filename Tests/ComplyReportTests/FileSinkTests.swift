import Foundation
import Testing

@testable import ComplyReport

/// Reports written through a descriptor: every byte, or an error that `close()` reports.
@Suite struct FileSinkTests {
  @Test func aFullDiskIsReportedWhenTheSinkCloses() throws {
    let fd = open("/dev/full", O_WRONLY)
    try #require(fd >= 0)
    defer { close(fd) }
    let sink = FileSink(descriptor: fd, name: "report.json")
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
    let again = try FileSink.file(path)
    again.write("replaced\n")
    try again.close()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "replaced\n")
  }

  /// A folder given as the output is refused, not replaced with the report (with everything in it).
  @Test func aFolderIsRefusedAndKept() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comply-sink-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "kept".write(to: folder.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)
    #expect(throws: OutputError.self) { try FileSink.file(folder.path) }
    #expect(try String(contentsOf: folder.appendingPathComponent("data.txt"), encoding: .utf8) == "kept")
  }

  /// A path that is not a file (here a link to `/dev/null`) is written to as it is: renaming a file over it would
  /// have replaced the link, and given `/dev/null` itself, the device.
  @Test func aDeviceIsWrittenToNotReplaced() throws {
    let link = FileManager.default.temporaryDirectory.appendingPathComponent("comply-sink-\(UUID().uuidString)").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
    defer { try? FileManager.default.removeItem(atPath: link) }
    let sink = try FileSink.file(link)
    sink.write("{}\n")
    try sink.close()
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null")
  }

  /// A reporter that cannot complete its report says so, and the sink reports it on closing and removes the
  /// unfinished file, as for a write that failed.
  @Test func aReportThatCannotBeCompletedIsAnErrorAndRemoved() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("comply-sink-\(UUID().uuidString).txt").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sink = try FileSink.file(path)
    sink.write("前半\n")
    sink.fail("the findings held in a temporary file could not be read back")
    do {
      try sink.close()
      Issue.record("close() did not throw")
    } catch {
      #expect(error.message == "cannot write \(path): the findings held in a temporary file could not be read back")
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}
