import ComplyModel

/// A built-in function or operator: its signature, for the checker, and its implementation, for the evaluator,
/// declared together in `Functions/<Family>.swift`.
public struct Builtin: Sendable {
  public enum Implementation: Sendable {
    case unary(@Sendable (Value) -> Value)
    case binary(@Sendable (Value, Value) -> Value)
    case variadic(@Sendable ([Value]) -> Value)
    /// Arguments are evaluated on demand, by index, and may be null or unknown (`if`, `coalesce`).
    case lazy(@Sendable (_ count: Int, _ argument: (Int) -> Value) -> Value)
  }

  /// The result of checking argument types.
  public enum Signature: Sendable {
    case returns(ExprType)
    case mismatch(argument: Int, message: String)
  }

  public var name: String
  public var arity: ClosedRange<Int>
  /// When true, a null or unknown argument makes the result unknown before the implementation runs, naming the
  /// fields of that argument. Functions that ask about presence (`is_set`) are not strict.
  public var strict: Bool
  public var signature: @Sendable ([ExprType]) -> Signature
  public var implementation: Implementation
  /// Builds a faster implementation from constant arguments, or rejects them (an invalid pattern). `nil` marks
  /// an argument that is not constant.
  public var specialize: (@Sendable ([Value?]) -> Result<Implementation, SpecializationError>)?
  /// How the explainer words a call, given its arguments' descriptions and its result; nil for the default.
  public var explain: (@Sendable (_ arguments: [LocalizedText], _ result: Value) -> LocalizedText)?
  /// The same operation over unboxed cells, for `CellProgram`; nil when it has none (the record then takes the
  /// reference path).
  public var cell: CellOperation?

  public init(
    _ name: String, arity: ClosedRange<Int>, strict: Bool = true,
    signature: @escaping @Sendable ([ExprType]) -> Signature, implementation: Implementation,
    specialize: (@Sendable ([Value?]) -> Result<Implementation, SpecializationError>)? = nil,
    explain: (@Sendable ([LocalizedText], Value) -> LocalizedText)? = nil, cell: CellOperation? = nil
  ) {
    self.name = name
    self.arity = arity
    self.strict = strict
    self.signature = signature
    self.implementation = implementation
    self.specialize = specialize
    self.explain = explain
    self.cell = cell
  }
}

/// Why constant arguments were rejected: the argument's index and a one-line message.
public struct SpecializationError: Error, Sendable {
  public var argument: Int
  public var offset: Int
  public var message: String
  public init(argument: Int, offset: Int = 0, message: String) {
    self.argument = argument
    self.offset = offset
    self.message = message
  }
}

/// Signature helpers that word every operand error alike.
enum Signatures {
  /// Fixed parameter types and a result type.
  static func fixed(_ parameters: [ExprType], _ result: ExprType) -> @Sendable ([ExprType]) -> Builtin.Signature {
    { arguments in
      for (i, (argument, parameter)) in zip(arguments, parameters).enumerated() where !argument.fits(parameter) {
        return .mismatch(argument: i, message: "expected \(parameter), found \(argument)")
      }
      return .returns(result)
    }
  }

  /// All arguments of one type, which is among `allowed`; the result is `result` or, when nil, that type.
  static func same(_ allowed: [ExprType], result: ExprType?) -> @Sendable ([ExprType]) -> Builtin.Signature {
    { arguments in
      var common = ExprType.any
      for (i, argument) in arguments.enumerated() {
        guard argument.fits(common) else {
          return .mismatch(argument: i, message: "cannot combine \(common) with \(argument)")
        }
        common = common.unified(with: argument)
      }
      if common != .any, !allowed.contains(where: { common.fits($0) }) {
        let names = allowed.map(\.description).joined(separator: ", ")
        return .mismatch(argument: 0, message: "expected \(names), found \(common)")
      }
      return .returns(result ?? common)
    }
  }
}

extension Value {
  /// A three-valued truth as a value: nil is unknown.
  static func truth(_ b: Bool?) -> Value { b.map(Value.bool) ?? .unknownValue }
}
