import Crypto
import Foundation
import Testing

@testable import Comply

/// An input's sha256 in the summary (the reports' provenance) is the digest of the file's bytes, header and all,
/// however the reader cuts the file into chunks and blocks and however many workers judge the blocks. The
/// hashing runs on a thread of its own, fed the first window and then the blocks' own bytes; nothing else checks
/// its result. With 64 KiB blocks, blocks after the first hand over the reader's window (`ByteSource.take`).
@Suite struct InputDigestTests {
  @Test(arguments: [
    (1, 1 << 18, false), (2, 1 << 18, false), (1, 1 << 16, false), (2, 1 << 16, false), (2, 4096, false),
    (2, 97, false), (1, 50, false), (2, 1 << 16, true), (1, 4096, true),
  ])
  func theSummaryHasTheFilesSHA256(jobs: Int, blockSize: Int, longRow: Bool) throws {
    // The 2018 sample, its rows repeated past the reader's 64 KiB chunk, so the file is read in several fills.
    let sample = try String(contentsOf: PipelineAgreementTests.samples.appendingPathComponent("ngari-2018-register.csv"), encoding: .utf8)
    let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
    let rows = lines.dropFirst().joined(separator: "\n")
    var text = String(lines[0]) + "\n" + Array(repeating: rows, count: 12).joined(separator: "\n")
    if longRow {
      // A row whose remark (a quoted cell with commas, quotes and line breaks) is longer than the reader's
      // chunk: the window grows for it, and the block after it starts a grown window.
      let remark = String(repeating: "备注, \"引号\"\n", count: 12_000).replacingOccurrences(of: "\"", with: "\"\"")
      let row = lines.dropFirst().first { $0.hasSuffix(",") } ?? ""
      try #require(!row.isEmpty)
      let half = Array(repeating: rows, count: 6).joined(separator: "\n")
      text = String(lines[0]) + "\n" + half + "\n" + row + "\"" + remark + "\"\n" + half
    }
    let bytes = Array(text.utf8)
    try #require(bytes.count > 3 * (1 << 16))
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("comply-digest-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }

    var options = CheckOptions(asOf: PipelineEdgeCaseAgreementTests.asOf)
    options.jobs = jobs
    options.blockSize = blockSize
    let checker = try ComplianceChecker(pack: PipelineAgreementTests.pack, options: options)
    let summary = checker.check([url.path], reporters: [], version: "test")
    let expected = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
    #expect(summary.inputs.first?.sha256 == expected)
    // Every row read, as the record reader reads them: the blocks hold the file's bytes.
    var records = 0
    var rejected = 0
    for event in try RegisterReader(path: url.path, schema: PipelineAgreementTests.pack.schema) {
      if case .record = event { records += 1 }
      if case .rejected = event { rejected += 1 }
    }
    #expect(records > 1000)
    #expect(summary.inputs.first?.records == records)
    #expect(summary.inputs.first?.rejected == rejected)
  }

  /// A file that cannot be read to its end has no digest: a read error (here, reading a folder) had ended the loop
  /// as the end of the file does, and given the digest of what was read, nothing.
  @Test func anUnreadableFileHasNoDigest() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comply-digest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(ComplianceChecker.sha256(ofFile: folder.path) == nil)
    let file = folder.appendingPathComponent("r.json")
    try Data("[]".utf8).write(to: file)
    #expect(ComplianceChecker.sha256(ofFile: file.path) == SHA256.hash(data: Data("[]".utf8)).map { String(format: "%02x", $0) }.joined())
  }
}
