/// What `mentorctl token create` asks for: a token of `kind` (`intake`, `mentor`, `admin` or `volunteer`)
/// held by `name`, for `mentor` when it is a mentor token and `volunteer` when it is a volunteer token,
/// working until `expires` (a time, or a span from now such as `90d`) or until revoked.
package struct TokenDraft: Sendable, Hashable {
    package var kind: String
    package var name: String
    package var mentor: String?
    package var volunteer: String?
    package var expires: String?

    package init(kind: String, name: String, mentor: String? = nil, volunteer: String? = nil, expires: String? = nil) {
        self.kind = kind
        self.name = name
        self.mentor = mentor
        self.volunteer = volunteer
        self.expires = expires
    }
}
