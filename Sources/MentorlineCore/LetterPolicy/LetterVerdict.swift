/// Whether the letter policy lets a letter go out at an instant.
package enum LetterVerdict: Hashable, Sendable {
    case allowed
    case held(HoldReason)
}
