import Comply
import Foundation

/// A progress line on standard error for runs that take more than a moment: rows judged, rows per second
/// and, for CSV files, an estimated time left. Only when standard error is a terminal and `CI` is not set,
/// so pipes, files and CI logs never see it; the line is erased when the run ends.
///
/// It is a reporter that renders nothing: the pipeline calls it in order on one thread.
final class ProgressLine: Reporter {
  /// Seconds of quiet before the line first appears, and between updates.
  static let delay = 1.0
  static let interval = 0.25

  private let language: Language
  private let started = Date()
  private var inputStarted = Date()
  private var lastShown: Date?
  private var rows = 0
  /// Physical lines in the current input, estimated from its size and its first 64 KiB; nil when unknown.
  private var estimatedLines: Double?
  private var shownOnce = false
  var renderer: (any JudgementRenderer)? { nil }

  init(language: Language) { self.language = language }

  /// Whether the line may be shown at all.
  static func wanted(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    isatty(STDERR_FILENO) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
  }

  func start(_ run: RunInfo) {}
  func diagnostic(_ diagnostic: Diagnostic) {}
  func rejected(_ rejection: RowRejection) {}

  func beginInput(_ path: String) {
    inputStarted = Date()
    estimatedLines = Self.estimateLines(path)
  }

  func judged(_ judgement: Judgement, rendered: String?) {
    rows += 1
    guard rows % 256 == 0 else { return }
    let now = Date()
    guard now.timeIntervalSince(started) >= Self.delay,
      lastShown.map({ now.timeIntervalSince($0) >= Self.interval }) ?? true
    else { return }
    lastShown = now
    let fraction = estimatedLines.map { min(0.99, Double(judgement.source.line) / max(1, $0)) }
    let line = Self.text(
      rows: rows, elapsed: now.timeIntervalSince(started), inputElapsed: now.timeIntervalSince(inputStarted),
      fraction: fraction, language: language)
    Terminal.error("\r\u{1B}[K" + line)
    shownOnce = true
  }

  func finish(_ summary: Summary) {
    if shownOnce { Terminal.error("\r\u{1B}[K") }
  }

  /// `已判定 120,000 行 · 48,000 行/秒 · 约剩 3 秒` / `120,000 rows judged · 48,000 rows/s · ETA 3 s`.
  static func text(rows: Int, elapsed: Double, inputElapsed: Double, fraction: Double?, language: Language) -> String {
    let rate = elapsed > 0 ? Int(Double(rows) / elapsed) : 0
    let zh = language == .zh
    var text = zh ? "已判定 \(grouped(rows)) 行 · \(grouped(rate)) 行/秒" : "\(grouped(rows)) rows judged · \(grouped(rate)) rows/s"
    if let fraction, fraction > 0 {
      let left = Int((inputElapsed * (1 - fraction) / fraction).rounded())
      text += zh ? " · \(Int(fraction * 100))% · 约剩 \(left) 秒" : " · \(Int(fraction * 100))% · ETA \(left) s"
    }
    return text
  }

  private static func grouped(_ n: Int) -> String {
    let digits = String(n)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out += "," }
      out.append(c)
    }
    return out
  }

  /// A CSV file's size divided by the mean line length of its first 64 KiB.
  private static func estimateLines(_ path: String) -> Double? {
    guard path != "-", ["csv", "txt", "tsv"].contains((path as NSString).pathExtension.lowercased()),
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > 0,
      let handle = FileHandle(forReadingAtPath: path)
    else { return nil }
    defer { try? handle.close() }
    let head = (try? handle.read(upToCount: 65_536)) ?? Data()
    let newlines = head.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    guard newlines > 0 else { return nil }
    return Double(size) / (Double(head.count) / Double(newlines))
  }
}
