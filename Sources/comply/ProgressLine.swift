import Comply
import Foundation

/// A progress line on standard error for runs that take more than a moment: rows read, rows per second and,
/// for CSV files, the share read and an estimated time left. Only when standard error is a terminal and `CI` is
/// not set, so pipes, files and CI logs never see it; the line is erased when the run ends.
///
/// It is fed by the checker's progress callback, on the checking thread, after each block of a CSV register
/// (so it counts clean rows too, which produce no report events).
final class ProgressLine {
  /// Seconds of quiet before the line first appears, and between updates.
  static let delay = 1.0
  static let interval = 0.25

  private let language: Language
  private let started = Date()
  private var inputStarted = Date()
  private var currentPath = ""
  private var lastShown: Date?
  private var rowsBefore = 0
  private var lastRows = 0
  private var shownOnce = false

  init(language: Language) { self.language = language }

  /// Whether the line may be shown at all.
  static func wanted(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    isatty(STDERR_FILENO) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
  }

  func update(_ progress: CheckProgress) {
    if progress.path != currentPath {
      currentPath = progress.path
      inputStarted = Date()
      rowsBefore += lastRows
    }
    lastRows = progress.rows
    let now = Date()
    guard now.timeIntervalSince(started) >= Self.delay,
      lastShown.map({ now.timeIntervalSince($0) >= Self.interval }) ?? true
    else { return }
    lastShown = now
    var fraction: Double?
    if let read = progress.bytesRead, let total = progress.totalBytes, total > 0 {
      fraction = min(0.99, Double(read) / Double(total))
    }
    let line = Self.text(
      rows: rowsBefore + progress.rows, elapsed: now.timeIntervalSince(started),
      inputElapsed: now.timeIntervalSince(inputStarted), fraction: fraction, language: language)
    Terminal.error("\r\u{1B}[K" + line)
    shownOnce = true
  }

  func finish() {
    if shownOnce { Terminal.error("\r\u{1B}[K") }
  }

  /// `已判定 120,000 行 · 48,000 行/秒 · 约剩 3 秒` / `120,000 rows read · 48,000 rows/s · ETA 3 s`.
  static func text(rows: Int, elapsed: Double, inputElapsed: Double, fraction: Double?, language: Language) -> String {
    let rate = elapsed > 0 ? Int(Double(rows) / elapsed) : 0
    let zh = language == .zh
    var text = zh ? "已读 \(grouped(rows)) 行 · \(grouped(rate)) 行/秒" : "\(grouped(rows)) rows read · \(grouped(rate)) rows/s"
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
}
