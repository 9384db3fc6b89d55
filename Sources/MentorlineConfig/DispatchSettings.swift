/// How the dispatcher takes work from the store.
package struct DispatchSettings: Hashable, Sendable {
    /// Due jobs read and decided per transaction.
    package var batchSize: Int

    package init(batchSize: Int = ConfigurationDefaults.dispatchBatchSize) {
        self.batchSize = batchSize
    }
}
