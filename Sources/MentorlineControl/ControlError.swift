/// Why a `mentorctl` command failed: a code for scripts and tests, and one line for the operator.
///
/// The message names ids, paths and what the daemon said about them; never a token, a case's contents
/// or anyone's personal data.
package struct ControlError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Code: Sendable, Hashable {
        /// A flag or argument is wrong (a time that does not parse, a URL that is not http).
        case usage
        /// The configuration directory cannot be read, or does not validate.
        case configuration
        /// No token was given, or the token file cannot be read.
        case token
        /// The daemon could not be reached (connection refused, timeout, DNS).
        case unreachable
        /// The daemon answered with an error status (401, 403, 404, 422, ...).
        case refused(status: Int)
        /// The daemon answered 2xx with a body this version of mentorctl cannot read.
        case unexpectedResponse
        /// The case file is not a valid case; `output` lists every field problem.
        case invalidCase
    }

    package var code: Code
    /// One line, without a trailing period where it ends in quoted text.
    package var message: String
    /// Printed to standard output before the error (the field problems of a case, as text or JSON).
    package var output: String?
    /// For `refused`: the daemon's problem `detail`, control characters removed, so that a command can
    /// say it in its own sentence ("Cannot book case …: the slot is taken."); nil when the problem names
    /// invalid fields (the message lists them).
    package var detail: String?

    package init(_ code: Code, _ message: String, output: String? = nil, detail: String? = nil) {
        self.code = code
        self.message = message
        self.output = output
        self.detail = detail
    }

    package var description: String { message }
}
