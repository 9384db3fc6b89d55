/// Whether the letter policy lets a letter go out at an instant.
package enum LetterVerdict: Hashable, Sendable {
    /// The letter may go out.
    case allowed
    /// The letter waits, for this reason.
    case held(HoldReason)
}
