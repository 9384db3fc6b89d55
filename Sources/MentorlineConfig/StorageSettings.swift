/// Where the daemon keeps its state.
package struct StorageSettings: Hashable, Sendable {
    /// Relative paths are relative to the working directory (systemd's `StateDirectory=` sets it).
    package var stateDirectory: String
    /// The SQLite file's name inside `stateDirectory` (or an absolute path).
    package var databaseFile: String

    package init(stateDirectory: String = ConfigurationDefaults.stateDirectory, databaseFile: String = ConfigurationDefaults.databaseFile) {
        self.stateDirectory = stateDirectory
        self.databaseFile = databaseFile
    }

    /// `stateDirectory/databaseFile`, or `databaseFile` alone when it is absolute.
    package var databasePath: String {
        if databaseFile.hasPrefix("/") { return databaseFile }
        return stateDirectory.hasSuffix("/") ? stateDirectory + databaseFile : stateDirectory + "/" + databaseFile
    }
}
