/// The version `mentorlined --version` prints and `/metrics` reports as `mentorline_build_info`.
package enum MentorlineVersion {
    package static let current = "0.1.0"
}
