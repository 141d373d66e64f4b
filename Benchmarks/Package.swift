// swift-tools-version: 6.1
// Benchmarks for dsr, kept apart from the main package so that `swift test` does not build
// package-benchmark. Run from this folder: `swift package benchmark`.

import PackageDescription

let package = Package(
    name: "dsr-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "dsr", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "DeadlineBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DSRCore", package: "dsr"),
                .product(name: "DSRXML", package: "dsr"),
            ],
            path: "Benchmarks/DeadlineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AppBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DSRApp", package: "dsr"),
                .product(name: "DSRCore", package: "dsr"),
            ],
            path: "Benchmarks/AppBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "MailBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DSRMail", package: "dsr"),
            ],
            path: "Benchmarks/MailBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
