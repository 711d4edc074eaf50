import ComplyEngine
import Foundation

/// The findings of an earlier JSON report, against which a run marks each finding new or persisting and lists
/// the earlier ones it no longer finds (resolved).
///
/// A finding is identified by its rule id and record key, and also by its file's name when the earlier report
/// has that key in more than one file (a batch of county registers may reuse ids).
public struct Baseline: Sendable {
  private var fingerprints: [String: (ruleID: String, recordKey: String)] = [:]
  private var keysInSeveralFiles: Set<String> = []

  /// Reads a report written by `comply check --format json`.
  public init(jsonReport data: Data) throws(BaselineError) {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let findings = object["findings"] as? [[String: Any]]
    else { throw BaselineError(message: "not a comply JSON report (no \"findings\" list)") }
    var filesByKey: [String: Set<String>] = [:]
    for finding in findings {
      guard let key = finding["record_id"] as? String, let path = finding["path"] as? String else { continue }
      filesByKey[key, default: []].insert(RecordSource.fileName(of: path))
    }
    keysInSeveralFiles = Set(filesByKey.filter { $0.value.count > 1 }.keys)
    for finding in findings {
      guard let rule = finding["rule_id"] as? String, let key = finding["record_id"] as? String,
        let path = finding["path"] as? String
      else { continue }
      fingerprints[fingerprint(rule, key, path)] = (rule, key)
    }
  }

  func fingerprint(_ rule: String, _ key: String, _ path: String) -> String {
    keysInSeveralFiles.contains(key) ? "\(rule)\u{1F}\(key)\u{1F}\(RecordSource.fileName(of: path))" : "\(rule)\u{1F}\(key)"
  }

  /// The judgement with each finding marked new or persisting.
  func mark(_ judgement: Judgement) -> Judgement {
    var marked = judgement
    for i in marked.findings.indices {
      let f = marked.findings[i]
      marked.findings[i].baseline = fingerprints[fingerprint(f.ruleID, f.recordKey, f.source.path)] == nil ? .new : .persisting
    }
    return marked
  }

  /// The fingerprints of a judgement's persisting findings, noted on the reporting thread.
  func persisting(_ judgement: Judgement) -> [String] {
    judgement.findings.filter { $0.baseline == .persisting }.map { fingerprint($0.ruleID, $0.recordKey, $0.source.path) }
  }

  /// The earlier findings not seen in this run.
  func resolved(_ counts: Summary.BaselineCounts) -> [(ruleID: String, recordKey: String)] {
    fingerprints.filter { !counts.seen.contains($0.key) }.map(\.value)
      .sorted { ($0.ruleID, $0.recordKey) < ($1.ruleID, $1.recordKey) }
  }
}

/// A baseline file that cannot be used.
public struct BaselineError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var description: String { message }
}
