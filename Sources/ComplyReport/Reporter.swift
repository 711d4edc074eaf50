import ComplyEngine
import ComplyModel
import ComplyRules

/// What a report records about the run that produced it, so that it can serve as evidence and be reproduced.
public struct RunInfo: Sendable {
  public var tool: String
  public var version: String
  public var asOf: Day
  public var language: Language
  public var pack: RulePack
  /// The rules judged, in order.
  public var rules: [Rule]
  public var inputs: [String]
  /// The options used, as given on the command line (name → value).
  public var options: [(String, String)]
  /// The rectification ledger's path when findings are marked against one: reports then show each status.
  public var ledger: String?

  public init(
    tool: String = "comply", version: String, asOf: Day, language: Language, pack: RulePack, rules: [Rule],
    inputs: [String], options: [(String, String)], ledger: String? = nil
  ) {
    self.ledger = ledger
    self.tool = tool
    self.version = version
    self.asOf = asOf
    self.language = language
    self.pack = pack
    self.rules = rules
    self.inputs = inputs
    self.options = options
  }
}

/// A report format. It receives the run as a stream of events, in order, and writes as it goes; only formats
/// that aggregate keep findings (never input rows).
///
/// Rendering a judgement's findings is the costly part of most formats, so a reporter may hand out a
/// `JudgementRenderer`: the engine's worker threads call it, and `judged` receives its text (UTF-8) in order.
public protocol Reporter: AnyObject {
  /// Renders judgements on any thread, once `start` has run; nil when `judged` does all the work.
  var renderer: (any JudgementRenderer)? { get }
  func start(_ run: RunInfo)
  func beginInput(_ path: String)
  func diagnostic(_ diagnostic: Diagnostic)
  /// `rendered` is the renderer's text for this judgement, as UTF-8 (nil without a renderer).
  func judged(_ judgement: Judgement, rendered: [UInt8]?)
  func rejected(_ rejection: RowRejection)
  func finish(_ summary: Summary)
}

/// Turns one judgement into a reporter's text, as UTF-8 bytes: the formats written per finding (JSON, SARIF)
/// make bytes, and a `String` would be validated again on the way to the file. Pure and thread-safe.
public protocol JudgementRenderer: Sendable {
  func render(_ judgement: Judgement) -> [UInt8]
}

extension Reporter {
  /// Renders on the calling thread, for callers that judge one record at a time.
  public func judged(_ judgement: Judgement) {
    judged(judgement, rendered: renderer?.render(judgement))
  }
}

/// Where reporters write: a file, standard output, or a buffer in tests.
public protocol OutputSink: AnyObject {
  func write(_ text: String)
  /// Bytes as they are, for output that is not UTF-8 (the annotated register of a GB18030 file).
  func write(bytes: ArraySlice<UInt8>)
  /// The report cannot be completed, for `reason` (a reporter could not read back what it held): the sink says so
  /// when it is closed, as for a write that failed.
  func fail(_ reason: String)
}

extension OutputSink {
  public func write(bytes: [UInt8]) { write(bytes: bytes[...]) }
}

/// Collects output in memory (tests, golden files).
public final class StringSink: OutputSink {
  public private(set) var text = ""
  /// Everything written, as bytes.
  public private(set) var bytes: [UInt8] = []
  public init() {}
  public func write(_ text: String) {
    self.text += text
    bytes.append(contentsOf: text.utf8)
  }
  public func write(bytes: ArraySlice<UInt8>) {
    text += String(decoding: bytes, as: UTF8.self)
    self.bytes.append(contentsOf: bytes)
  }
  /// Why the report could not be completed, if a reporter said so.
  public private(set) var failure: String?
  public func fail(_ reason: String) { failure = failure ?? reason }
}
