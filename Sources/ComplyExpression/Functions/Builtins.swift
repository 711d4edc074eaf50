/// Every built-in function and operator, in one list. The checker and the evaluator look them up here; nothing
/// else switches on function names.
public enum Builtins {
  public static let all: [Builtin] =
    Operators.all + PresenceFunctions.all + DateFunctions.all + TextFunctions.all + NumberFunctions.all

  static let byName: [String: Builtin] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

  public static func named(_ name: String) -> Builtin? { byName[name] }

  /// Names users may call (operators excluded), for "did you mean" suggestions.
  static var functionNames: [String] { all.map(\.name).filter { $0.first?.isLetter == true && !Parser.reserved.contains($0) } }
}
