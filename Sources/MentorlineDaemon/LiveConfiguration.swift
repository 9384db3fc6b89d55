package import Foundation
import MentorlineConfig
import Synchronization

/// The configuration in force, shared by every service and replaced whole by a successful reload.
package final class LiveConfiguration: Sendable {
    private let state: Mutex<RuntimeConfiguration>
    package let directory: URL
    private let environment: [String: String]

    /// Loads the configuration in `directory`; throws ``ConfigurationErrors`` when it is invalid.
    package init(directory: URL, environment: [String: String]) throws {
        self.directory = directory
        self.environment = environment
        let loaded = try ConfigurationLoader(directory: directory, environment: environment).load()
        state = Mutex(try RuntimeConfiguration(loaded, generation: 1))
    }

    package var current: RuntimeConfiguration { state.withLock { $0 } }

    /// Loads the directory again. A valid configuration replaces the running one and its generation is
    /// returned; an invalid one changes nothing and its errors are thrown.
    @discardableResult
    package func reload() throws -> Int {
        let loaded = try ConfigurationLoader(directory: directory, environment: environment).load()
        return try state.withLock { state in
            state = try RuntimeConfiguration(loaded, generation: state.generation + 1)
            return state.generation
        }
    }
}
