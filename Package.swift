// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "comply",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "comply", targets: ["comply"]),
    .library(name: "Comply", targets: ["Comply"]),
  ],
  dependencies: [
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    // Tests only.
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
  ],
  targets: [
    // Layers, one way: Model ← Expression ← Rules ← Engine ← Report ← Comply ← comply; Input needs only Model
    // (and ComplySIMD, its byte kernels in C).
    .target(name: "ComplyModel"),
    .target(name: "ComplyExpression", dependencies: ["ComplyModel"]),
    .target(
      name: "ComplyRules",
      dependencies: ["ComplyModel", "ComplyExpression", "Yams", .product(name: "Crypto", package: "swift-crypto")]
    ),
    // Byte kernels with AVX2 for the CSV reader (UTF-8 validation, the row scan, line feeds; each falls back to
    // Swift), and a row's YYYY-MM-DD dates in plain C.
    .target(name: "ComplySIMD"),
    .target(name: "ComplyInput", dependencies: ["ComplyModel", "ComplySIMD", "Yams", "ZIPFoundation"]),
    .target(name: "ComplyEngine", dependencies: ["ComplyModel", "ComplyExpression", "ComplyRules", "ComplyInput"]),
    .target(
      name: "ComplyReport",
      dependencies: ["ComplyModel", "ComplyInput", "ComplyEngine", .product(name: "Crypto", package: "swift-crypto")]
    ),
    .target(
      name: "Comply",
      dependencies: [
        "ComplyModel", "ComplyRules", "ComplyInput", "ComplyEngine", "ComplyReport",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "comply",
      dependencies: ["Comply", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // One seeded generator for the tests that generate their cases.
    .target(name: "ComplyTestSupport", path: "Tests/ComplyTestSupport"),
    .testTarget(name: "ComplyModelTests", dependencies: ["ComplyModel", "ComplyTestSupport"]),
    .testTarget(name: "ComplyExpressionTests", dependencies: ["ComplyExpression", "ComplyTestSupport"]),
    // Fixtures are read from the source tree via #filePath (their diagnostics name stable paths), not bundled.
    .testTarget(name: "ComplyRulesTests", dependencies: ["ComplyRules", "ComplyReport"], exclude: ["Fixtures"]),
    // Fixture workbooks are read from the source tree via #filePath, not bundled.
    .testTarget(
      name: "ComplyInputTests", dependencies: ["ComplyInput", "ComplyTestSupport", "ZIPFoundation"], exclude: ["Fixtures"]),
    .testTarget(name: "ComplyEngineTests", dependencies: ["ComplyEngine", "ComplyTestSupport"]),
    // Golden reports are read from the source tree via #filePath, not bundled.
    .testTarget(name: "ComplyReportTests", dependencies: ["ComplyReport", "ComplyRules"], exclude: ["Golden"]),
    .testTarget(
      name: "ComplyTests",
      dependencies: [
        "Comply", "ComplyTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .testTarget(name: "ComplyCLITests", dependencies: ["comply"]),
    .testTarget(name: "BundledRuleTests", dependencies: ["Comply"]),
  ]
)
