internal import Foundation
internal import MentorlineCore
internal import Yams

/// Decodes `mentorline.yaml`: everything but the roster. Missing keys take ``ConfigurationDefaults``.
struct SettingsDecoder {
    let file: YAMLFile
    let references: ReferenceTable
    let credentials: CredentialFiles

    struct Settings {
        var server = ServerSettings()
        var storage = StorageSettings()
        var timeZone = ConfigurationDefaults.timeZone
        var delivery = DeliverySettings()
        var dispatch = DispatchSettings()
        var tokens: [TokenGrant] = []
        var letters: LetterRules?
        var templates = TemplateSettings()
        var retention = RetentionSettings()
    }

    func decode(_ root: Node) -> Settings {
        var settings = Settings()
        guard let top = file.mapping(root, for: "mentorline.yaml", context: "the top level",
                                     keys: ["server", "storage", "time_zone", "auth", "delivery", "dispatch", "letters", "templates", "retention"])
        else { return settings }
        if let node = top.optional("server") { settings.server = server(node) }
        if let node = top.optional("storage") { settings.storage = storage(node) }
        if let node = top.optional("time_zone"), let zone = file.timeZone(node, for: "time_zone") { settings.timeZone = zone }
        if let node = top.optional("auth") { settings.tokens = tokens(node) }
        if let node = top.required("delivery") { settings.delivery = delivery(node) }
        if let node = top.optional("dispatch") { settings.dispatch = dispatch(node) }
        settings.letters = top.optional("letters").map { letters($0, timeZone: settings.timeZone) }
        if let node = top.optional("templates") { settings.templates = templates(node) }
        if let node = top.optional("retention") { settings.retention = retention(node) }
        return settings
    }

    // MARK: server, storage, dispatch

    private func server(_ node: Node) -> ServerSettings {
        var settings = ServerSettings()
        guard let map = file.mapping(node, for: "server", context: "server", keys: ["listen", "public_url", "action_links"]) else { return settings }
        if let node = map.optional("listen"), let text = file.text(node, for: "listen") {
            if let address = ListenAddress(parsing: text) {
                settings = ServerSettings(listen: address)
            } else {
                file.report("invalid listen address '\(text)' (expected HOST:PORT with a port 0-65535, e.g. 127.0.0.1:8080)", at: node)
            }
        }
        if let node = map.optional("public_url"), let text = file.text(node, for: "public_url") {
            if Self.httpURL(text) != nil {
                settings.publicURL = String(text.reversed().drop { $0 == "/" }.reversed())
            } else {
                file.report("'public_url' must be an absolute http or https URL, found '\(text)'", at: node)
            }
        }
        if let node = map.optional("action_links"), let links = file.mapping(node, for: "action_links", context: "action_links", keys: ["secret_file", "valid_for"]) {
            settings.actionLinkKey = links.required("secret_file").flatMap(secretKey)
            if let node = links.optional("valid_for"), let validity = file.duration(node, for: "valid_for") { settings.actionLinkValidity = validity }
        }
        return settings
    }

    private func storage(_ node: Node) -> StorageSettings {
        var settings = StorageSettings()
        guard let map = file.mapping(node, for: "storage", context: "storage", keys: ["state_directory", "database"]) else { return settings }
        if let node = map.optional("state_directory"), let text = file.text(node, for: "state_directory") { settings.stateDirectory = text }
        if let node = map.optional("database"), let text = file.text(node, for: "database") { settings.databaseFile = text }
        return settings
    }

    private func dispatch(_ node: Node) -> DispatchSettings {
        var settings = DispatchSettings()
        guard let map = file.mapping(node, for: "dispatch", context: "dispatch", keys: ["batch_size"]) else { return settings }
        if let node = map.optional("batch_size"), let size = file.integer(node, for: "batch_size", atLeast: 1) { settings.batchSize = size }
        return settings
    }

    /// `retention: {period: 180d, run_at: "03:30"}`.
    private func retention(_ node: Node) -> RetentionSettings {
        var settings = RetentionSettings()
        guard let map = file.mapping(node, for: "retention", context: "retention", keys: ["period", "run_at"]) else { return settings }
        if let node = map.optional("period"), let period = file.duration(node, for: "period") {
            if period >= ConfigurationDefaults.minimumRetentionPeriod {
                settings.period = period
            } else {
                file.report("'period' must be at least 1d: closed cases are kept whole at least a day", at: node)
            }
        }
        if let node = map.optional("run_at"), let time = file.wallClock(node, for: "run_at") { settings.runAt = time }
        return settings
    }

    /// A URL with an http or https scheme and a host.
    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { return nil }
        return url
    }

    // MARK: auth

    private func tokens(_ node: Node) -> [TokenGrant] {
        guard let auth = file.mapping(node, for: "auth", context: "auth", keys: ["tokens"]),
              let list = auth.optional("tokens"),
              let entries = file.mappings(list, for: "tokens", context: "token", keys: ["kind", "name", "mentor", "volunteer", "file"])
        else { return [] }
        var grants: [TokenGrant] = []
        var seen: [[UInt8]: (name: String, line: Int)] = [:]
        for entry in entries {
            guard let grant = token(entry) else { continue }
            if let first = seen[grant.sha256] {
                file.report("token of '\(grant.name)' is the same as the token of '\(first.name)' (line \(first.line)); every token must be unique", at: entry.node)
                continue
            }
            seen[grant.sha256] = (grant.name, entry.node.mark?.line ?? 1)
            grants.append(grant)
        }
        return grants
    }

    private enum TokenKindName: String, CaseIterable {
        case intake, mentor, admin, volunteer
    }

    private func token(_ entry: MappingReader) -> TokenGrant? {
        let kindName = entry.required("kind").flatMap { file.choice($0, for: "kind", as: TokenKindName.self, named: "token kind") }
        var kind: TokenKind?
        var name: (text: String, node: Node)?
        // `mentor` and `volunteer` name whom a token acts for, and belong only to tokens of that kind.
        for (key, owner) in [("mentor", TokenKindName.mentor), ("volunteer", .volunteer)] where kindName != nil && kindName != owner {
            if let node = entry.optional(key) { file.report("'\(key)' is only allowed in tokens of kind \(owner.rawValue)", at: node) }
        }
        switch kindName {
        case .mentor?:
            if let node = entry.required("mentor"), let id = file.identifier(node, for: "mentor") {
                references.refer(to: .mentor, id, at: node, in: file)
                kind = .mentor(MentorID(id))
                name = (id, node)
            }
            if let node = entry.optional("name") { name = file.text(node, for: "name").map { ($0, node) } }
        case .volunteer?:
            // Volunteers are declared in cafe.yaml, read after this file: the reference is checked once it is.
            if let node = entry.required("volunteer"), let id = file.identifier(node, for: "volunteer") {
                references.refer(to: .volunteer, id, at: node, in: file)
                kind = .volunteer(VolunteerID(id))
                name = (id, node)
            }
            if let node = entry.optional("name") { name = file.text(node, for: "name").map { ($0, node) } }
        case .intake?, .admin?:
            kind = kindName == .intake ? .intake : .admin
            if let node = entry.required("name") { name = file.text(node, for: "name").map { ($0, node) } }
        case nil:
            if let node = entry.optional("name") { _ = file.text(node, for: "name") }
        }
        if let name { references.declare(.token, name.text, at: name.node, in: file) }
        guard let fileNode = entry.required("file"), let path = file.text(fileNode, for: "file") else { return nil }
        guard let text = credentials.read(path) else {
            file.report("cannot read token file '\(path)'", at: fileNode)
            return nil
        }
        guard text.count >= ConfigurationDefaults.minimumTokenLength else {
            file.report("token in '\(path)' is shorter than \(ConfigurationDefaults.minimumTokenLength) characters", at: fileNode)
            return nil
        }
        guard let kind, let name else { return nil }
        return TokenGrant(kind: kind, name: name.text, sha256: TokenGrant.hashToken(text))
    }

    // MARK: delivery

    /// An endpoint as written: the limits it leaves out take the delivery-wide values once those are read.
    private struct EndpointEntry {
        var id: EndpointID
        var url: String
        var secretKeys: [[UInt8]]
        var timeout: Duration?
        var connectTimeout: Duration?
        var concurrency: Int?
        var disableAfter: Duration?
        var maxTextLength: Int?
    }

    private static let endpointKeys = [
        "id", "url", "secret_file", "secret_files", "timeout", "connect_timeout", "concurrency", "disable_after",
        "max_text_length",
    ]

    private func delivery(_ node: Node) -> DeliverySettings {
        var settings = DeliverySettings()
        guard let map = file.mapping(node, for: "delivery", context: "delivery", keys: [
            "endpoints", "recipients", "retry_schedule", "retry_jitter", "max_retry_after",
            "connect_timeout", "request_timeout", "max_in_flight", "disable_after", "ca_file", "ops_fallback",
        ]) else { return settings }
        var entries: [EndpointEntry] = []
        if let node = map.required("endpoints"), let mappings = file.mappings(node, for: "endpoints", context: "endpoint", keys: Self.endpointKeys) {
            entries = mappings.compactMap(endpoint)
        }
        if let node = map.required("recipients"),
           let recipients = file.mapping(node, for: "recipients", context: "recipients", keys: RecipientKind.allCases.map(\.rawValue)) {
            // Mentors and ops must always be reachable; callers get messages only where an endpoint is named.
            for kind in RecipientKind.allCases {
                let required = kind == .mentor || kind == .ops
                guard let node = required ? recipients.required(kind.rawValue) : recipients.optional(kind.rawValue) else { continue }
                recipientEndpoints(node, for: kind, into: &settings)
            }
        }
        var retry = settings.retry
        if let node = map.optional("retry_schedule"), let items = file.list(node, for: "retry_schedule") {
            if items.isEmpty {
                file.report("'retry_schedule' needs at least one delay", at: node)
            }
            let delays = items.compactMap { file.duration($0, for: "retry_schedule") }
            if delays.count == items.count { retry = RetryPolicy(delays: delays, jitter: retry.jitter, maximumRetryAfter: retry.maximumRetryAfter) }
        }
        if let node = map.optional("retry_jitter"), let jitter = file.number(node, for: "retry_jitter") {
            if (0...1).contains(jitter) {
                retry.jitter = jitter
            } else {
                file.report("'retry_jitter' must be between 0 and 1, found \(jitter)", at: node)
            }
        }
        if let node = map.optional("max_retry_after"), let limit = file.duration(node, for: "max_retry_after") { retry.maximumRetryAfter = limit }
        settings.retry = retry
        if let node = map.optional("connect_timeout"), let value = file.duration(node, for: "connect_timeout") { settings.connectTimeout = value }
        if let node = map.optional("request_timeout"), let value = file.duration(node, for: "request_timeout") { settings.requestTimeout = value }
        if let node = map.optional("max_in_flight"), let value = file.integer(node, for: "max_in_flight", atLeast: 1) { settings.maxInFlight = value }
        if let node = map.optional("disable_after"), let value = file.duration(node, for: "disable_after") { settings.disableAfter = value }
        if let node = map.optional("ca_file") { settings.caFile = caFile(node) }
        if let node = map.optional("ops_fallback"), let id = file.identifier(node, for: "ops_fallback") {
            references.refer(to: .endpoint, id, at: node, in: file)
            if let ops = settings.recipients[.ops], ops.rawValue == id {
                file.report("'ops_fallback' must be another endpoint than recipients.ops ('\(id)'): it carries the ops alert when that one is disabled", at: node)
            } else {
                settings.opsFallback = EndpointID(id)
            }
        }
        for entry in entries {
            settings.endpoints[entry.id] = WebhookEndpoint(
                id: entry.id, url: entry.url, secretKeys: entry.secretKeys, timeout: entry.timeout ?? settings.requestTimeout,
                connectTimeout: entry.connectTimeout ?? settings.connectTimeout, concurrency: entry.concurrency ?? settings.maxInFlight,
                disableAfter: entry.disableAfter ?? settings.disableAfter, maxTextLength: entry.maxTextLength
            )
        }
        return settings
    }

    private func endpoint(_ entry: MappingReader) -> EndpointEntry? {
        var id: String?
        if let node = entry.required("id"), let value = file.identifier(node, for: "id"), references.declare(.endpoint, value, at: node, in: file) {
            id = value
        }
        var url: String?
        if let node = entry.required("url"), let text = file.text(node, for: "url") {
            if Self.httpURL(text) != nil {
                url = text
            } else {
                // The URL itself is not repeated: it may carry credentials.
                file.report("endpoint url must be an absolute http or https URL", at: node)
            }
        }
        let secrets = endpointSecrets(entry)
        let timeout = entry.optional("timeout").flatMap { file.duration($0, for: "timeout") }
        let connectTimeout = entry.optional("connect_timeout").flatMap { file.duration($0, for: "connect_timeout") }
        let concurrency = entry.optional("concurrency").flatMap { file.integer($0, for: "concurrency", atLeast: 1) }
        let disableAfter = entry.optional("disable_after").flatMap { file.duration($0, for: "disable_after") }
        let textLimit = entry.optional("max_text_length").flatMap { file.integer($0, for: "max_text_length", atLeast: 1) }
        guard let id, let url, let secrets else { return nil }
        return EndpointEntry(
            id: EndpointID(id), url: url, secretKeys: secrets, timeout: timeout, connectTimeout: connectTimeout, concurrency: concurrency,
            disableAfter: disableAfter, maxTextLength: textLimit
        )
    }

    /// `citizen: caller-gateway`, or by event type: `citizen: {default: digital-post, case.receipt: sms-gateway}`.
    private func recipientEndpoints(_ node: Node, for kind: RecipientKind, into settings: inout DeliverySettings) {
        guard case .mapping = node else {
            if let id = file.identifier(node, for: kind.rawValue) {
                references.refer(to: .endpoint, id, at: node, in: file)
                settings.recipients[kind] = EndpointID(id)
            }
            return
        }
        let events = EventType.allCases.filter { $0.recipientKinds.contains(kind) }
        guard let map = file.mapping(node, for: kind.rawValue, context: "recipients.\(kind.rawValue)", keys: ["default"] + events.map(\.rawValue))
        else { return }
        let required = kind == .mentor || kind == .ops
        if let node = required ? map.required("default") : map.optional("default"), let id = file.identifier(node, for: "default") {
            references.refer(to: .endpoint, id, at: node, in: file)
            settings.recipients[kind] = EndpointID(id)
        }
        for event in events {
            guard let node = map.optional(event.rawValue), let id = file.identifier(node, for: event.rawValue) else { continue }
            references.refer(to: .endpoint, id, at: node, in: file)
            settings.recipientsByEvent[kind, default: [:]][event] = EndpointID(id)
        }
    }

    /// `templates: {directory: templates, fallback_language: da}`.
    private func templates(_ node: Node) -> TemplateSettings {
        var settings = TemplateSettings()
        guard let map = file.mapping(node, for: "templates", context: "templates", keys: ["directory", "fallback_language"]) else { return settings }
        if let node = map.optional("directory"), let text = file.text(node, for: "directory") { settings.directory = text }
        if let node = map.optional("fallback_language"), let text = file.text(node, for: "fallback_language") {
            if let language = LanguageCode(text) {
                settings.fallbackLanguage = language
            } else {
                file.report("invalid language code '\(text)' for 'fallback_language' (expected e.g. da, en, uk)", at: node)
            }
        }
        return settings
    }

    /// `secret_file: PATH`, or `secret_files: [PATH, PATH]` while a receiver rotates from one to the next.
    private func endpointSecrets(_ entry: MappingReader) -> [[UInt8]]? {
        switch (entry.optional("secret_file"), entry.optional("secret_files")) {
        case (let single?, nil):
            return secretKey(single).map { [$0] }
        case (nil, let list?):
            guard let items = file.list(list, for: "secret_files") else { return nil }
            guard (1...ConfigurationDefaults.maximumSecretsPerEndpoint).contains(items.count) else {
                file.report(
                    "'secret_files' takes one or \(ConfigurationDefaults.maximumSecretsPerEndpoint) files (the current secret and the next), found \(items.count)",
                    at: list
                )
                return nil
            }
            let keys = items.compactMap { secretKey($0, for: "secret_files") }
            guard keys.count == items.count else { return nil }
            if Set(keys).count != keys.count {
                file.report("'secret_files' names the same secret twice", at: list)
                return nil
            }
            return keys
        case (_?, let list?):
            file.report("give either 'secret_file' or 'secret_files', not both", at: list)
            return nil
        case (nil, nil):
            file.report("missing required key 'secret_file' in endpoint (or 'secret_files' with two secrets during a rotation)", at: entry.node)
            return nil
        }
    }

    /// `ca_file`: a readable PEM bundle; its absolute path.
    private func caFile(_ node: Node) -> String? {
        guard let path = file.text(node, for: "ca_file") else { return nil }
        let location = path.hasPrefix("/") ? URL(fileURLWithPath: path) : credentials.configurationDirectory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: location.path) else {
            file.report("cannot read CA file '\(path)'", at: node)
            return nil
        }
        guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            file.report("CA file '\(path)' holds no PEM certificate (expected '-----BEGIN CERTIFICATE-----')", at: node)
            return nil
        }
        return location.standardizedFileURL.path
    }

    /// The key in a `whsec_<base64>` secret file.
    private func secretKey(_ node: Node) -> [UInt8]? {
        secretKey(node, for: "secret_file")
    }

    private func secretKey(_ node: Node, for key: String) -> [UInt8]? {
        guard let path = file.text(node, for: key) else { return nil }
        guard let text = credentials.read(path) else {
            file.report("cannot read secret file '\(path)'", at: node)
            return nil
        }
        guard text.hasPrefix("whsec_"), let key = Data(base64Encoded: String(text.dropFirst(6))), !key.isEmpty else {
            file.report("secret file '\(path)' does not hold a webhook secret (expected 'whsec_' followed by base64)", at: node)
            return nil
        }
        guard key.count >= ConfigurationDefaults.minimumSecretBytes else {
            file.report("secret in '\(path)' is \(key.count) bytes; webhook secrets need at least \(ConfigurationDefaults.minimumSecretBytes)", at: node)
            return nil
        }
        return Array(key)
    }
}
