import Foundation
import Testing

/// The progress line: on a terminal (faked with script(1)) after a moment, never when stderr is a file.
@Suite struct ProgressLineTests {
  static let scriptInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

  /// The sample's rows repeated with distinct project ids: the header and 10 rows, then 590 more rows.
  func register() throws -> (head: String, rest: String) {
    let sample = try String(contentsOfFile: CLI.path("Samples/ngari-2018-register.csv"), encoding: .utf8)
    let lines = sample.split(separator: "\n").map(String.init)
    let body = (0..<600).map { i in
      let row = lines[1 + i % (lines.count - 1)]
      let comma = row.firstIndex(of: ",") ?? row.endIndex
      return "\(row[..<comma])-\(i)\(row[comma...])"
    }
    let head = ([lines[0]] + body.prefix(10)).joined(separator: "\n") + "\n"
    return (head, body.dropFirst(10).joined(separator: "\n") + "\n")
  }

  /// Runs `comply check` on a register that stalls for 1.5 s after its first rows, stderr to `stderr`.
  func run(onTerminal: Bool) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comply-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (head, rest) = try register()
    try head.write(to: folder.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
    try rest.write(to: folder.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
    let command = "cd '\(folder.path)' && (cat a.csv; sleep 1.5; cat b.csv) | env -u CI '\(CLI.executable.path)' check - "
      + "--rules '\(CLI.path("Rules/eia"))' --as-of 2018-11-05 --lang en --format json --output out.json"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: onTerminal ? "/usr/bin/script" : "/bin/sh")
    process.arguments = onTerminal ? ["-qec", command, "/dev/null"] : ["-c", command]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test(.enabled(if: scriptInstalled, "needs script(1) (util-linux) to fake a terminal"))
  func aTerminalSeesTheLineAndThenItIsErased() throws {
    let output = try run(onTerminal: true)
    #expect(output.contains(" rows read · "), "\(output)")
    #expect(output.contains(" rows/s"))
    #expect(output.hasSuffix("\r\u{1B}[K"), "the line is erased at the end")
  }

  @Test func aFileOrPipeNeverSeesIt() throws {
    let output = try run(onTerminal: false)
    #expect(!output.contains("rows/s"), "\(output)")
    #expect(!output.contains("\r"))
  }
}
