@_exported import Comply
@_exported import ComplyExpression
import CLibFuzzer
import Foundation

/// What every fuzz target shares: the repository's bundled packs, a scratch folder for inputs that the library
/// reads from files, and a way to stop on a broken invariant so that libFuzzer keeps the input.
public enum Fuzz {
  /// The repository root (this file is Fuzz/Sources/FuzzSupport/Support.swift).
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  public static func rules(_ name: String) -> String { root.appendingPathComponent("Rules/\(name)").path }

  /// A bundled pack; the harness cannot run without it.
  public static func pack(_ name: String) -> RulePack {
    guard let pack = PackLoader.loadPack(rules(name)).pack else { fatalError("the bundled pack \(name) does not load") }
    return pack
  }

  public static let eia = pack("eia")

  /// The audit date of the bundled packs' examples.
  public static let asOf = Day(year: 2018, month: 11, day: 5) ?? Day(number: 0)

  /// A folder of this process's own in memory (/dev/shm when there is one), so that parallel fuzzers never share it;
  /// removed when the process exits normally (`run.sh` removes it after a crash too).
  public static let scratch: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = "\(base)/comply-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(atPath: Fuzz.scratch) }
    return path
  }()

  /// Writes `bytes` to `name` in the scratch folder and returns its path.
  public static func write(_ bytes: some Collection<UInt8>, to name: String) -> String {
    let path = "\(scratch)/\(name)"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
    return path
  }

  /// Stops the run (libFuzzer saves the input as a crash) when an invariant does not hold.
  public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard !condition else { return }
    FileHandle.standardError.write(Data("invariant broken: \(message())\n".utf8))
    abort()
  }

  /// Values alike, NaN included (a computed NaN is never == to itself).
  public static func same(_ a: Value, _ b: Value) -> Bool { a == b || String(reflecting: a) == String(reflecting: b) }

  /// The compiled program and the reference interpreter must agree on `checked` for `bindings`.
  public static func requireAgreement(_ checked: CheckedExpr, _ bindings: Bindings) {
    let compiled = Program(checked).evaluate(bindings)
    let reference = Interpreter.evaluate(checked, bindings)
    require(same(compiled, reference), "\(checked.source): compiled \(compiled), interpreted \(reference)")
  }

  /// Splits `bytes` at every occurrence of `separator`.
  public static func split(_ bytes: [UInt8], on separator: String) -> [ArraySlice<UInt8>] {
    let mark = Array(separator.utf8)
    var parts: [ArraySlice<UInt8>] = []
    var start = 0
    var i = 0
    while i + mark.count <= bytes.count {
      if bytes[i..<(i + mark.count)].elementsEqual(mark) {
        parts.append(bytes[start..<i])
        i += mark.count
        start = i
      } else {
        i += 1
      }
    }
    parts.append(bytes[start...])
    return parts
  }
}

extension Fuzz {
  /// libFuzzer's driver, run on the target's `LLVMFuzzerTestOneInput`: what each target's `<Target>_main` calls.
  public static func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput)
  }
}
