package import Foundation
package import MentorlineCore

/// What the daemon's services need from durable storage. The SQLite implementation serves one machine;
/// the same protocol is the seam for a PostgreSQL implementation serving several.
///
/// Every method is one transaction: what it writes lands whole or not at all.
package protocol CaseStore: TokenStore {
    /// Store a batch of intakes in one transaction (group commit); one outcome per submission, in order.
    func commitIntakes(_ submissions: [IntakeSubmission]) async throws -> [IntakeOutcome]

    /// The case with its audit trail, tasks and messages, or nil.
    func caseDetails(_ id: CaseID) async throws -> CaseDetails?

    func task(_ id: TaskID) async throws -> MentorTask?

    /// Apply an action to a task in one transaction: `plan` (the ``CasePlanner``) sees the task and its
    /// case as stored now and answers with the writes or a refusal. With `consumingLink`, the signature
    /// of a signed action link is recorded in the same transaction, and a link used before is refused.
    func applyMentorAction(
        to task: TaskID, consumingLink: String?, now: Date,
        plan: @Sendable (MentorTask, CaseSnapshot, _ makeTaskID: () -> TaskID) -> Result<[CaseChange], MentorActionRefusal>
    ) async throws -> MentorActionResult

    /// When the dispatcher next has work: now if a case awaits a decision, else the earliest timer.
    func nextDispatchWakeup(now: Date) async throws -> Date?

    /// Take up to `limit` items of due dispatch work (due timers first, in due order, then cases awaiting
    /// a decision), let `plan` decide each, and apply the plans in one transaction.
    ///
    /// `prepare` sees the context read at the start of the transaction once, before the first plan.
    func dispatch(
        now: Date, limit: Int, prepare: @Sendable (DispatchContext) -> DispatchContext,
        plan: @Sendable (DispatchWork, DispatchContext, _ makeTaskID: () -> TaskID) -> [CaseChange]
    ) async throws -> DispatchReport

    /// Pending messages due at `now`, oldest first, at most `total`: up to `limits[e]` for each configured
    /// endpoint `e` (its free delivery slots; 0 for none) and up to `unconfiguredLimit` for each endpoint
    /// not in `limits`. Never a disabled endpoint's messages (they wait), nor those in `excluding` (in flight).
    func dueMessages(now: Date, limits: [EndpointID: Int], unconfiguredLimit: Int, total: Int, excluding: Set<MessageID>) async throws -> [OutboxMessage]

    /// When the next pending message of an enabled endpoint falls due after `now`, if any (those due
    /// already are being delivered or wait for a free slot).
    func nextMessageDue(after now: Date) async throws -> Date?

    /// Throws unless a write transaction can be opened (for readiness checks).
    func checkWritable() async throws

    /// Record what became of delivery attempts and what they say about their endpoints, in one
    /// transaction; an endpoint the attempts disable gets `health`'s alert queued in the same transaction.
    /// Returns the endpoints disabled.
    @discardableResult
    func recordDeliveries(_ attempts: [DeliveryAttempt], now: Date, health: EndpointHealthRules) async throws -> [EndpointState]

    // MARK: Endpoints and deliveries (admin)

    /// Every endpoint something was recorded for; any other is enabled, with no history.
    func endpointStates() async throws -> [EndpointState]
    /// Enable or disable an endpoint for an operator; audited when it changes anything.
    func setEndpoint(_ endpoint: EndpointID, enabled: Bool, reason: String?, by actor: String, now: Date) async throws -> (state: EndpointState, changed: Bool)
    /// Messages per endpoint and state.
    func messageCounts() async throws -> [MessageCount]
    /// Cases per state, case events per kind, and the oldest case still waiting for a person.
    func caseStatistics() async throws -> CaseStatistics
    /// Cases waiting for a person, longest waiting first.
    func waitingCases(limit: Int) async throws -> [WaitingCase]
    /// Messages the letter policy holds at `now`, by reason code.
    func heldLetterCounts(now: Date) async throws -> [String: Int]
    /// The newest messages first, all or those in `state`; no payloads.
    func deliveries(state: OutboxState?, limit: Int) async throws -> [DeliveryRecord]
    /// Send a dead message back to pending with the same id and its attempts reset; audited.
    func replayDelivery(_ id: MessageID, by actor: String, now: Date) async throws -> ReplayResult

    // MARK: Runtime roster changes (each audited)

    func contactPerson(for subject: ContactSubject) async throws -> ContactPersonRecord?
    /// Set (or with nil clear) a contact person; returns whether anything changed.
    @discardableResult
    func assignContactPerson(_ subject: ContactSubject, to mentor: MentorID?, by actor: String, now: Date) async throws -> Bool
    /// Every mentor who ever set their availability (the rest are available).
    func availability() async throws -> [MentorID: AvailabilityRecord]
    func setAvailability(_ status: Availability, of mentor: MentorID, by actor: String, now: Date) async throws
    func addOverride(_ override: ScheduleOverride) async throws
    /// Overrides of `schedule` (nil: every schedule) that end after `instant`, oldest first.
    func overrides(schedule: ScheduleID?, endingAfter instant: Date) async throws -> [ScheduleOverride]
    /// Returns whether the override existed.
    func removeOverride(_ id: OverrideID, of schedule: ScheduleID, by actor: String, now: Date) async throws -> Bool
    func makeOverrideID(at now: Date) -> OverrideID
    /// The newest entries of the audit log first.
    func auditLog(limit: Int) async throws -> [AuditEntry]
    /// Records an admin action that changes nothing else (a retention preview).
    func recordAudit(actor: String, action: String, subject: String, detail: [String: String], now: Date) async throws

    // MARK: Data care

    /// Which cases the retention rule would erase at `now`, and which it would hold back; changes nothing.
    func retentionPreview(policy: RetentionPolicy, now: Date) async throws -> RetentionReport
    /// Erases the personal data of every case due at `now`, and records the run, by `actor`.
    @discardableResult
    func runRetention(policy: RetentionPolicy, now: Date, actor: String) async throws -> RetentionReport
    /// When the retention rule last ran, if ever.
    func lastRetentionRun() async throws -> Date?
    /// Everything held about a citizen reference; the export is audited, by `actor`.
    func exportCitizen(_ reference: String, actor: String, now: Date) async throws -> CitizenExport
    /// A consistent copy of the whole database in a new 0600 file in `directory`; audited, by `actor`.
    func backup(into directory: URL, actor: String, now: Date) async throws -> BackupSummary

    // MARK: Advice café

    /// Bookings holding slots, sign-ups and runtime closures, as the booking transactions see them.
    func cafeOccupancy(now: Date) async throws -> CafeOccupancy
    func booking(_ id: BookingID) async throws -> CafeBooking?
    /// Bookings starting in `from..<to` of one café and/or volunteer, in start order.
    func bookings(cafe: CafeID?, volunteer: VolunteerID?, from: Date, to: Date, includeCancelled: Bool) async throws -> [CafeBooking]
    /// The case's bookings, newest first.
    func bookings(of caseID: CaseID) async throws -> [CafeBooking]
    /// The case's talk registrations, cancelled ones included, oldest first.
    func talkRegistrations(of caseID: CaseID) async throws -> [TalkRegistration]
    /// Book a case by hand in one transaction; a slot taken meanwhile is refused as a conflict.
    func bookCase(_ caseID: CaseID, now: Date, plan: @Sendable (CaseSnapshot, CafeOccupancy) -> Result<[CaseChange], CafeRefusal>) async throws -> CafeActionResult
    /// Cancel, reschedule or mark a booking in one transaction.
    func cafeAction(on id: BookingID, now: Date, plan: @Sendable (CafeWork, CafeOccupancy) -> Result<[CaseChange], CafeRefusal>) async throws -> CafeActionResult
    /// Store a runtime closure and move or cancel the bookings it covers, in one transaction; audited.
    func addClosure(_ closure: CafeClosure, now: Date, plan: @Sendable ([CafeWork], CafeOccupancy) -> [CaseChange]) async throws -> [CafeBooking]
    func closures(cafe: CafeID?, endingOnOrAfter date: LocalDate) async throws -> [CafeClosure]
    /// Remove a runtime closure of `cafe`; audited. Nil when the café has no closure `id`. Bookings it
    /// moved or cancelled stay as they are; its days become bookable again.
    func removeClosure(_ id: ClosureID, of cafe: CafeID, by actor: String, now: Date) async throws -> CafeClosure?
    /// After a configuration change: in one transaction, `select` picks from the cafés' occupancy the
    /// bookings the configuration in force displaced, and `plan` moves or cancels them (with their cases
    /// and pending messages); audited when it changes anything. Returns the bookings changed.
    func rehomeBookings(
        now: Date, select: @Sendable (CafeOccupancy) -> [BookingID], plan: @Sendable ([CafeWork], CafeOccupancy) -> [CaseChange]
    ) async throws -> [CafeBooking]
    func signups(volunteer: VolunteerID?, from date: LocalDate) async throws -> [VolunteerSignup]
    /// False when the sign-up existed already; audited.
    func addSignup(_ signup: VolunteerSignup, by actor: String, now: Date) async throws -> Bool
    /// Refused (with the bookings in the way) while bookings hold the volunteer's slots that day; audited.
    func removeSignup(_ signup: VolunteerSignup, dayStart: Date, dayEnd: Date, by actor: String, now: Date) async throws -> (removed: Bool, blocking: [BookingID])
    /// A talk's registrations that are not cancelled, oldest first.
    func registrations(talk: TalkID) async throws -> [TalkRegistration]
    /// Register a case for a talk in one transaction (a seat, or the waiting list).
    func registerForTalk(
        _ talk: TalkID, caseID: CaseID, now: Date, plan: @Sendable (CaseSnapshot, [TalkRegistration]) -> Result<[CaseChange], CafeRefusal>
    ) async throws -> TalkActionResult
    /// Cancel a registration in one transaction; the longest waiting moves up to a freed seat. `plan` is
    /// told whether the registration's reminder is still pending.
    func cancelTalkRegistration(
        _ id: RegistrationID, now: Date,
        plan: @Sendable (TalkRegistration, [TalkRegistration], CaseSnapshot?, _ reminderPending: Bool) -> Result<[CaseChange], CafeRefusal>
    ) async throws -> TalkActionResult
}

/// The result of ``CaseStore/applyMentorAction(to:consumingLink:now:plan:)``.
package enum MentorActionResult: Hashable, Sendable {
    /// The task after the action, and the tasks the action created (a handoff's).
    case applied(MentorTask, created: [MentorTask])
    case notFound
    case refused(MentorActionRefusal)
    /// The signed link was used before.
    case linkAlreadyUsed
}

/// One item of due dispatch work.
package enum DispatchWork: Hashable, Sendable {
    /// A case that needs a routing decision (new or declined).
    case route(CaseSnapshot)
    /// A timer fell due; `task` is the task it is for, if any.
    case timer(CaseTimer, task: MentorTask?, CaseSnapshot)
}

/// What one dispatch transaction did.
package struct DispatchReport: Hashable, Sendable {
    package var workItems: Int
    package var messagesQueued: Int
    /// Offers made, for logging after the commit.
    package var offers: [MentorTask]
    /// Offers that expired unanswered.
    package var expired: [MentorTask]
    /// Cases found unroutable (ops alerted).
    package var unroutable: [CaseID]
    /// Cases put to wait, and until when.
    package var waiting: [CaseID]
    /// Timers that fired.
    package var timersFired: Int
    /// Cases whose stored row could not be read: marked unroutable without an alert, so a person must look.
    package var setAside: [CaseID]
    /// Cases booked into café slots.
    package var booked: [CafeBooking] = []

    package init(
        workItems: Int = 0, messagesQueued: Int = 0, offers: [MentorTask] = [], expired: [MentorTask] = [], unroutable: [CaseID] = [],
        waiting: [CaseID] = [], timersFired: Int = 0, setAside: [CaseID] = []
    ) {
        self.workItems = workItems
        self.messagesQueued = messagesQueued
        self.offers = offers
        self.expired = expired
        self.unroutable = unroutable
        self.waiting = waiting
        self.timersFired = timersFired
        self.setAside = setAside
    }
}
