import Foundation

/// The repository this file is in: Tests/PackagingTests/Support.swift, two levels down.
enum RepositoryRoot {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Every file under Config/, relative to it (`secrets/admin-dev.token`).
    static func configFiles() -> [String] {
        let config = URL(fileURLWithPath: path + "/Config").resolvingSymlinksInPath().path
        let all = FileManager.default.enumerator(atPath: config)?.compactMap { $0 as? String } ?? []
        return all.filter { isRegularFile(config + "/" + $0) }.sorted()
    }
}

/// Programs on `PATH`.
enum Tools {
    static let systemdAnalyze = find("systemd-analyze")

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A temporary directory with stub binaries and a resource bundle in `base/bin` (what a release build
/// leaves in .build/release) and the install root at `base/root`; removed on deinit.
final class Sandbox {
    let base: String
    var root: String { base + "/root" }

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-packaging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base + "/bin", withIntermediateDirectories: true)
        for binary in ["mentorlined", "mentorctl"] {
            let path = base + "/bin/" + binary
            try Self.stubScript(binary).write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        }
        // A build puts each target's resources in a bundle next to the executables.
        let bundle = base + "/bin/" + Self.resourceBundle
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try Self.resource.write(toFile: bundle + "/openapi.yaml", atomically: false, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    static let resourceBundle = "mentorline_MentorlineServer.resources"
    static let resource = "openapi: 3.1.0\n"

    static func stubScript(_ name: String) -> String { "#!/bin/sh\n# stub \(name) for the packaging tests\nexit 0\n" }

    /// `make install DESTDIR=<root> PREFIX=<prefix> SKIP_BUILD=1`, taking the stubs as the built binaries,
    /// plus any further `make` arguments (`CREDENTIALS=generate`).
    func makeInstall(prefix: String = "/usr/local", _ extra: [String] = []) throws -> ProcessResult {
        try make(["install", "DESTDIR=\(root)", "PREFIX=\(prefix)", "SKIP_BUILD=1", "BUILD_BIN_DIR=\(base)/bin"] + extra)
    }

    func make(_ arguments: [String]) throws -> ProcessResult {
        try run(Tools.find("make") ?? "/usr/bin/make", ["-s", "-C", RepositoryRoot.path] + arguments)
    }
}

struct ProcessResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to completion. Settings an outer `make` or the caller's shell may have exported
/// (`MAKEFLAGS`, install directories, credentials) are removed, so only the arguments and `environment`
/// decide what happens.
func run(_ executable: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> ProcessResult {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("stdout"), err = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    for name in ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PREFIX", "DESTDIR", "BINDIR", "DOCDIR", "UNITDIR", "SKIP_BUILD", "BUILD_BIN_DIR",
                 "CREDENTIALS", "CREDENTIALS_DIRECTORY"] {
        environment[name] = nil
    }
    environment.merge(extra) { _, new in new }
    environment["SYSTEMD_COLORS"] = "0"
    process.environment = environment
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? ""
    )
}

/// Permission bits of a file (not following a symbolic link), or nil when it does not exist.
func mode(of path: String) -> Int? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Int(info.st_mode & 0o7777)
}

func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
}

func contents(of path: String) -> String? {
    try? String(contentsOfFile: path, encoding: .utf8)
}
