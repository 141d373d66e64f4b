// swift-tools-version: 6.1
// dsr — a GDPR data-subject request tracker. Layout and conventions: see README.md.

import PackageDescription

let package = Package(
    name: "dsr",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dsr", targets: ["dsr"]),
        .library(name: "DSRCore", targets: ["DSRCore"]),
        .library(name: "DSRXML", targets: ["DSRXML"]),
        .library(name: "DSRLedger", targets: ["DSRLedger"]),
        .library(name: "DSRStore", targets: ["DSRStore"]),
        .library(name: "DSRPostgres", targets: ["DSRPostgres"]),
        .library(name: "DSRReports", targets: ["DSRReports"]),
        .library(name: "DSRMail", targets: ["DSRMail"]),
        .library(name: "DSRApp", targets: ["DSRApp"]),
        .library(name: "DSRServer", targets: ["DSRServer"]),
        .library(name: "DSRCommands", targets: ["DSRCommands"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // The web server; no traits: swift-configuration and full Foundation are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // The HTTP field types Hummingbird's requests and responses are made of.
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0", traits: []),
        // Draining in-flight requests on SIGTERM, and the channel a server listens on.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        // Only its bcrypt (a C library with a Swift face) is used, by DSRApp.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        // PostgreSQL for organisations that outgrow one SQLite file (DSRPostgres).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // TLS to the PostgreSQL server (postgres-nio's own dependency, named for its settings).
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        // `swift package generate-documentation --target DSRCore --target DSRApp` (DocC catalogs).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        // libxml2 as Debian ships it; the shim fixes the ICU clash and wraps xmlFree.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The domain: pure Swift, Foundation only, no I/O.
        .target(name: "DSRCore"),
        // The only module that touches libxml2.
        .target(
            name: "DSRXML",
            dependencies: ["DSRCore", "CLibXML2"],
            plugins: ["EmbedPolicies"]
        ),
        // The record's logic, whatever database holds it: hashing and linking the chain,
        // sealing and committing to personal data, the verification algorithm.
        .target(
            name: "DSRLedger",
            dependencies: [
                "DSRCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // SQLite through GRDB: the event log with its hash chain, the vault, projections.
        .target(
            name: "DSRStore",
            dependencies: [
                "DSRCore",
                "DSRLedger",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // PostgreSQL through postgres-nio: the connection, its errors, the named migrations
        // with the owner and server roles and the append-only event log.
        .target(
            name: "DSRPostgres",
            dependencies: [
                "DSRCore",
                "DSRLedger",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Reading mail for intake: RFC 5322 headers, MIME, charsets, mbox and Maildir; bytes in,
        // messages and the evidence of their moment of receipt out. No I/O beyond reading files.
        .target(
            name: "DSRMail",
            dependencies: ["DSRCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Audit XML, HTML report, CSV, ICS — all written as streams; letters from Mustache templates.
        .target(
            name: "DSRReports",
            dependencies: [
                "DSRCore", "DSRLedger", "DSRXML", .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The use cases every front end shares: opening the tracker, the acting user and their
        // role, one method per use case, typed errors. Prints nothing.
        .target(
            name: "DSRApp",
            dependencies: [
                "DSRCore",
                "DSRLedger",
                "DSRXML",
                "DSRStore",
                "DSRPostgres",
                "DSRReports",
                "DSRMail",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `dsr serve`: the web application on Hummingbird; pages from embedded Mustache
        // templates. Calls DSRApp only.
        .target(
            name: "DSRServer",
            dependencies: [
                "DSRCore",
                "DSRLedger",
                "DSRReports",
                "DSRMail",
                "DSRApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["EmbedWebAssets"]
        ),
        // One ParsableCommand per file; parses, calls DSRApp, renders, maps errors to exit codes.
        .target(
            name: "DSRCommands",
            dependencies: [
                "DSRCore",
                "DSRApp",
                "DSRXML",
                "DSRReports",
                "DSRMail",
                "DSRServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "dsr", dependencies: ["DSRCommands"]),

        // Build-time tool: turns Policies/ into Swift string constants so the binary
        // carries its default policy, holiday data and schemas wherever it is run.
        .executableTarget(name: "dsr-embed", path: "Sources/dsr-embed"),
        .plugin(
            name: "EmbedPolicies",
            capability: .buildTool(),
            dependencies: ["dsr-embed"]
        ),
        // The same tool for the web application's templates and stylesheet (`Sources/DSRServer/Web/`).
        .plugin(
            name: "EmbedWebAssets",
            capability: .buildTool(),
            dependencies: ["dsr-embed"]
        ),

        // The engine is tested with the real embedded policy and holiday data, hence DSRXML.
        .testTarget(name: "DSRCoreTests", dependencies: ["DSRCore", "DSRXML"]),
        .testTarget(name: "DSRXMLTests", dependencies: ["DSRXML", "DSRCore"]),
        .testTarget(
            name: "DSRLedgerTests",
            dependencies: ["DSRLedger", "DSRCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Against a real PostgreSQL server (`.ci/run` starts a private cluster).
        .testTarget(name: "DSRPostgresTests", dependencies: ["DSRPostgres", "DSRLedger", "DSRCore", "DSRTestSupport"]),
        .testTarget(
            name: "DSRStoreTests",
            dependencies: ["DSRStore", "DSRPostgres", "DSRLedger", "DSRCore", "DSRXML", "DSRTestSupport"]),
        // The mail reader on the fixture set in Fixtures/mail, and a seeded mutator (fuzzing).
        .testTarget(name: "DSRMailTests", dependencies: ["DSRMail", "DSRCore"]),
        .testTarget(name: "DSRReportsTests", dependencies: ["DSRReports", "DSRLedger", "DSRCore", "DSRXML"]),
        // The use cases in process: roles, refusals, staff accounts, input rules.
        .testTarget(
            name: "DSRAppTests",
            dependencies: ["DSRApp", "DSRStore", "DSRLedger", "DSRCore", "DSRXML", "DSRMail", "DSRTestSupport"]),
        // End-to-end: runs the built `dsr` binary as a real process.
        .testTarget(
            name: "DSRCommandsTests", dependencies: ["dsr", "DSRCore", "DSRXML", "DSRPostgres", "DSRTestSupport"]),
        // The web application through `dsr serve` as a real process, over real sockets.
        .testTarget(
            name: "DSRServerTests", dependencies: ["dsr", "DSRCore", "DSRApp", "DSRPostgres", "DSRTestSupport"]),
        // What the end-to-end tests share: running the built binary, a database per test.
        .target(name: "DSRTestSupport", dependencies: ["DSRPostgres"], path: "Tests/DSRTestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
