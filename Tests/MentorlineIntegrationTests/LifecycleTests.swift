import Foundation
import MentorlineConfig
import MentorlineDaemon
import MentorlineTesting
import Testing

@Suite struct LifecycleTests {
    @Test func healthAndReadinessAnswerWithoutAToken() async throws {
        try await withSinkAndDaemon { _, daemon in
            #expect(try await daemon.get("/healthz", token: nil).status == 200)
            let ready = try await daemon.get("/readyz", token: nil)
            #expect(ready.status == 200)
            #expect(ready.json["status"] as? String == "ready")
        }
    }

    /// Another process holding the database's write lock past the busy timeout makes `/readyz` answer 503
    /// with the reason; once it lets go, ready again.
    @Test func readinessIs503WhileTheStoreCannotBeWritten() async throws {
        try await withSinkAndDaemon { _, daemon in
            let database = daemon.stateDirectory.appendingPathComponent("mentorline.sqlite").path
            #expect(FileManager.default.fileExists(atPath: database))
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            holder.arguments = ["python3", "-c", """
                import sqlite3, sys, time
                connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
                connection.execute("BEGIN IMMEDIATE")
                print("locked", flush=True)
                time.sleep(float(sys.argv[2]))
                connection.execute("COMMIT")
                """, database, "12"]
            let output = Pipe()
            holder.standardOutput = output
            try holder.run()
            defer { if holder.isRunning { holder.terminate() } }
            let first = output.fileHandleForReading.availableData
            #expect(String(decoding: first, as: UTF8.self).hasPrefix("locked"))

            let blocked = try await daemon.get("/readyz", token: nil)
            #expect(blocked.status == 503)
            #expect((blocked.json["detail"] as? String)?.contains("store is not writable") == true, "\(blocked.json)")

            holder.waitUntilExit()
            #expect(holder.terminationStatus == 0)
            let ready = try await daemon.get("/readyz", token: nil)
            #expect(ready.status == 200)
        }
    }

    @Test func anInvalidReloadKeepsTheRunningConfigurationAndAValidOneReplacesIt() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let roster = daemon.configurationDirectory.appendingPathComponent("roster.yaml")
            let original = try String(contentsOf: roster, encoding: .utf8)
            try original.replacingOccurrences(of: "policy: standard", with: "policy: missing").write(to: roster, atomically: true, encoding: .utf8)
            #expect(await daemon.handle.reload() == false)
            // Still routing on the old roster.
            _ = try await daemon.registerCase()
            _ = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID == "anna" }

            // Bo first now.
            try original.replacingOccurrences(of: "members: [anna, bo, carl]", with: "members: [bo, anna, carl]")
                .write(to: roster, atomically: true, encoding: .utf8)
            #expect(await daemon.handle.reload() == true)
            _ = try await daemon.registerCase()
            _ = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID == "bo" }
        }
    }

    @Test func anInvalidConfigurationRefusesToStartAndSaysWhere() async throws {
        let root = try TestDaemon.temporaryDirectory()
        var configuration = TestConfiguration(mentorEndpointURL: "http://127.0.0.1:9/", opsEndpointURL: "http://127.0.0.1:9/")
        configuration.acknowledgementTimeout = "ten minutes"
        let directory = try configuration.write(to: root.appendingPathComponent("Config"))
        await #expect {
            try await TestDaemon.withDaemon(configurationDirectory: directory, stateDirectory: root.appendingPathComponent("var")) { _ in }
        } throws: { error in
            String(describing: error).contains("roster.yaml:")
        }
    }

    @Test func aWorldWritableStateDirectoryIsRefused() async throws {
        let root = try TestDaemon.temporaryDirectory()
        let configuration = TestConfiguration(mentorEndpointURL: "http://127.0.0.1:9/", opsEndpointURL: "http://127.0.0.1:9/")
        let directory = try configuration.write(to: root.appendingPathComponent("Config"))
        let state = root.appendingPathComponent("var")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: state.path)
        await #expect {
            try await TestDaemon.withDaemon(configurationDirectory: directory, stateDirectory: state) { _ in }
        } throws: { error in
            String(describing: error).contains("world-writable")
        }
    }
}

@Suite struct SystemdNotifyTests {
    @Test func readyReloadingWatchdogAndStoppingReachTheNotifySocket() async throws {
        let directory = try TestDaemon.temporaryDirectory("mentorline-notify")
        let socket = try NotifySocket(directory: directory)
        let environment = ["NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "200000"]
        let configuration = TestConfiguration(mentorEndpointURL: "http://127.0.0.1:9/", opsEndpointURL: "http://127.0.0.1:9/")
        try await TestDaemon.withDaemon(configuration, environment: environment) { daemon in
            _ = try await socket.waitFor("READY=1")
            _ = try await socket.waitFor("WATCHDOG=1")
            #expect(await daemon.handle.reload())
            let reload = try await socket.waitFor("RELOADING=1")
            #expect(reload.last?.contains("MONOTONIC_USEC=") == true)
            _ = try await socket.waitFor("READY=1")
        }
        _ = try await socket.waitFor("STOPPING=1")
    }
}
