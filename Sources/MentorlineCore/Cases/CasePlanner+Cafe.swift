package import Foundation

extension CasePlanner {
    /// What a case's first decision does on a route that books into a café.
    enum CafeAttempt {
        /// Booked: the writes.
        case booked([CaseChange])
        /// No slot: the trail entry saying why; the route's policy takes the case.
        case noSlot([CaseChange])
    }

    /// The café booking for a new case whose route names a café, or nil when it does not.
    func cafeAttempt(_ snapshot: CaseSnapshot, context: DispatchContext, now: Date) -> CafeAttempt? {
        guard let route = roster.route(for: snapshot.intake), let cafeID = route.cafe else { return nil }
        let id = snapshot.id
        guard let cafe = roster.cafes.cafes[cafeID] else {
            return .noSlot([.appendEvent(id, CaseEvent(
                at: now, kind: .cafeNoSlot, actor: "system",
                detail: CaseEventDetail(route: route.id, policy: route.policy, reason: "café \(cafeID) is not configured", cafe: cafeID)
            ))])
        }
        let search = SlotSearch(cafe: cafe, directory: roster.cafes, occupancy: context.cafes)
        let request = SlotSearch.Request(topics: snapshot.intake.topics, language: snapshot.intake.language, preferences: snapshot.intake.preferences)
        switch search.earliest(for: request, now: now) {
        case .found(let choice):
            var changes: [CaseChange] = [.appendEvent(id, CaseEvent(at: now, kind: .routed, actor: "system", detail: CaseEventDetail(route: route.id, cafe: cafeID)))]
            changes += book(choice, cafe: cafe, snapshot: snapshot, route: route.id, by: "system", now: now)
            return .booked(changes)
        case .none(let reason):
            return .noSlot([.appendEvent(id, CaseEvent(
                at: now, kind: .cafeNoSlot, actor: "system",
                detail: CaseEventDetail(
                    route: route.id, policy: route.policy(for: snapshot.intake.urgency),
                    reason: "\(reason); falling back to policy \(route.policy(for: snapshot.intake.urgency))", cafe: cafeID
                )
            ))])
        }
    }

    /// The writes of a booking into `choice`: the booking, the case's state, the trail, the caller's
    /// confirmation and reminder, and the volunteer's notice.
    func book(_ choice: SlotSearch.Choice, cafe: Cafe, snapshot: CaseSnapshot, route: RouteID?, by actor: String, now: Date) -> [CaseChange] {
        let id = snapshot.id
        let booking = CafeBooking(
            id: IdentifierGenerator().make(BookingKind.self, at: now), caseID: id, cafe: cafe.id, volunteer: choice.volunteer,
            start: choice.slot.start, end: choice.slot.end, createdAt: now, updatedBy: actor
        )
        let volunteer = roster.cafes.volunteers[choice.volunteer]
        let context = Notifications.CafeContext(booking: booking, cafe: cafe, volunteer: volunteer)
        var changes: [CaseChange] = [
            .insertBooking(booking),
            .updateCase(id, state: .booked, progress: nil),
            .appendEvent(id, CaseEvent(
                at: now, kind: .cafeBooked, actor: actor,
                detail: CaseEventDetail(
                    route: route, reason: "booked at \(cafe.name) \(slotStamp(booking.start, cafe)) with \(volunteerLabel(volunteer, choice.volunteer))", until: booking.start,
                    booking: booking.id, cafe: cafe.id, volunteer: choice.volunteer
                )
            )),
        ]
        changes += letters(
            notifications.cafeBooking(
                .cafeBooked, context, caseID: id, intake: snapshot.intake, representative: snapshot.representative, receivedAt: snapshot.receivedAt, at: now
            ),
            caseID: id, now: now
        )
        changes.append(.enqueue(notifications.volunteerBooking(context, intake: snapshot.intake, moved: false, showName: roster.cafes.volunteersSeeNames, at: now)))
        return changes
    }

    /// Book a case into a café by hand (staff or an intake integration acting for the citizen): into the
    /// slot starting at `start` (with `volunteer`, if named) or, without `start`, the earliest that fits.
    package func bookByHand(
        _ snapshot: CaseSnapshot, cafe cafeID: CafeID, start: Date?, volunteer: VolunteerID?, occupancy: CafeOccupancy, by actor: String, now: Date
    ) -> Result<[CaseChange], CafeRefusal> {
        guard let cafe = roster.cafes.cafes[cafeID] else { return .failure(CafeRefusal(.invalid, "there is no café \(cafeID)")) }
        switch snapshot.state {
        case .offered, .waiting, .accepted, .unroutable:
            break
        case .received, .routing:
            return .failure(CafeRefusal(.conflict, "case \(snapshot.id) is being routed; try again in a moment"))
        case .booked:
            return .failure(CafeRefusal(.conflict, "case \(snapshot.id) already has a café booking; reschedule that one"))
        case .resolved:
            return .failure(CafeRefusal(.conflict, "case \(snapshot.id) is resolved"))
        }
        let search = SlotSearch(cafe: cafe, directory: roster.cafes, occupancy: occupancy)
        let request = SlotSearch.Request(topics: snapshot.intake.topics, language: snapshot.intake.language, preferences: start == nil ? snapshot.intake.preferences : nil)
        let result = start.map { search.check(start: $0, volunteer: volunteer, request: request, now: now) } ?? search.earliest(for: request, now: now)
        switch result {
        case .found(let choice):
            return .success(book(choice, cafe: cafe, snapshot: snapshot, route: nil, by: actor, now: now))
        case .none(let reason):
            return .failure(CafeRefusal(reason == "the slot is taken" ? .conflict : .invalid, reason))
        }
    }

    /// Cancel a booking at the citizen's request (through staff or an intake integration): the case is
    /// resolved, the volunteer told, the slot free again. If the confirmation has not gone yet it is
    /// withdrawn and no cancellation is sent: the citizen never heard of the booking.
    package func cancelBooking(_ work: CafeWork, reason: String?, by actor: String, now: Date) -> Result<[CaseChange], CafeRefusal> {
        guard work.booking.state == .booked else { return .failure(CafeRefusal(.conflict, "booking \(work.booking.id) is \(work.booking.state.rawValue)")) }
        let id = work.snapshot.id
        var changes = release(work, reason: reason.map(CPRMasking.masked) ?? "cancelled at the citizen's request", cancellation: .requested, by: actor, now: now)
        changes.append(.updateCase(id, state: .resolved, progress: nil))
        return .success(changes)
    }

    /// The booking cancelled with its messages: pending café letters withdrawn, the caller told (unless
    /// they never heard of it), the volunteer told.
    func release(_ work: CafeWork, reason: String, cancellation: CafeCancellation, by actor: String, now: Date) -> [CaseChange] {
        let id = work.snapshot.id
        var cancelled = work.booking
        cancelled.state = .cancelled
        cancelled.updatedAt = now
        cancelled.updatedBy = actor
        guard let cafe = roster.cafes.cafes[cancelled.cafe] else { return [.updateBooking(cancelled)] }
        let context = Notifications.CafeContext(booking: cancelled, cafe: cafe, volunteer: roster.cafes.volunteers[cancelled.volunteer])
        var changes: [CaseChange] = [
            .updateBooking(cancelled),
            .appendEvent(id, CaseEvent(
                at: now, kind: .bookingCancelled, actor: actor,
                detail: CaseEventDetail(reason: reason, until: cancelled.start, booking: cancelled.id, cafe: cafe.id, volunteer: cancelled.volunteer)
            )),
        ]
        changes += withdrawCafeLetters(work, now: now)
        if work.pending.contains(.cafeBooked) || work.pending.contains(.cafeMoved) {
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .letter, actor: "system",
                detail: CaseEventDetail(reason: "cafe.cancelled not sent: the confirmation had not gone yet and was withdrawn", booking: cancelled.id)
            )))
        } else {
            changes += letters(
                notifications.cafeCancelled(
                    context, cancellation: cancellation, caseID: id, intake: work.snapshot.intake, representative: work.snapshot.representative,
                    receivedAt: work.snapshot.receivedAt, at: now
                ),
                caseID: id, now: now
            )
        }
        changes.append(.enqueue(notifications.volunteerBookingCancelled(context, moved: false, at: now)))
        return changes
    }

    /// The case's café letters that have not gone: withdrawn, each with a line in the trail.
    func withdrawCafeLetters(_ work: CafeWork, now: Date) -> [CaseChange] {
        [EventType.cafeBooked, .cafeMoved, .cafeReminder].filter(work.pending.contains).flatMap { event -> [CaseChange] in
            [
                .withdrawPendingMessages(work.snapshot.id, event),
                .appendEvent(work.snapshot.id, CaseEvent(
                    at: now, kind: .letter, actor: "system", detail: CaseEventDetail(reason: "\(event.rawValue) withdrawn before it went", booking: work.booking.id)
                )),
            ]
        }
    }

    /// Move a booking to the slot starting at `start` (with `volunteer`, if named), or without `start`
    /// to the earliest slot after its current one that fits the case.
    package func reschedule(
        _ work: CafeWork, to start: Date?, volunteer: VolunteerID?, occupancy: CafeOccupancy, reason: String?, by actor: String, now: Date
    ) -> Result<[CaseChange], CafeRefusal> {
        guard work.booking.state == .booked else { return .failure(CafeRefusal(.conflict, "booking \(work.booking.id) is \(work.booking.state.rawValue)")) }
        guard let cafe = roster.cafes.cafes[work.booking.cafe] else { return .failure(CafeRefusal(.invalid, "café \(work.booking.cafe) is not configured")) }
        let search = SlotSearch(cafe: cafe, directory: roster.cafes, occupancy: occupancy)
        let intake = work.snapshot.intake
        let request = SlotSearch.Request(
            topics: intake.topics, language: intake.language, preferences: start == nil ? intake.preferences : nil, moving: work.booking.id,
            notBefore: start == nil ? work.booking.start.addingTimeInterval(1) : nil
        )
        let result = start.map { search.check(start: $0, volunteer: volunteer, request: request, now: now) } ?? search.earliest(for: request, now: now)
        switch result {
        case .found(let choice):
            guard choice.slot.start != work.booking.start || choice.volunteer != work.booking.volunteer else {
                return .failure(CafeRefusal(.invalid, "the booking is already in that slot"))
            }
            return .success(move(work, to: choice, cafe: cafe, reason: reason.map(CPRMasking.masked) ?? "rescheduled", by: actor, now: now))
        case .none(let reason):
            return .failure(CafeRefusal(reason == "the slot is taken" ? .conflict : .invalid, reason))
        }
    }

    /// The writes of moving a booking to `choice`, with the messages to the caller and the volunteers.
    func move(_ work: CafeWork, to choice: SlotSearch.Choice, cafe: Cafe, reason: String, by actor: String, now: Date) -> [CaseChange] {
        let id = work.snapshot.id
        let old = work.booking
        var moved = old
        moved.volunteer = choice.volunteer
        moved.start = choice.slot.start
        moved.end = choice.slot.end
        moved.updatedAt = now
        moved.updatedBy = actor
        let volunteer = roster.cafes.volunteers[choice.volunteer]
        var changes: [CaseChange] = [
            .updateBooking(moved),
            .appendEvent(id, CaseEvent(
                at: now, kind: .bookingMoved, actor: actor,
                detail: CaseEventDetail(
                    reason: "\(reason): moved from \(slotStamp(old.start, cafe)) to \(slotStamp(moved.start, cafe)) with \(volunteerLabel(volunteer, choice.volunteer))",
                    until: moved.start,
                    booking: moved.id, cafe: cafe.id, volunteer: moved.volunteer
                )
            )),
        ]
        // A confirmation that has not gone is replaced by one with the new time, not followed by a "moved".
        let neverConfirmed = work.pending.contains(.cafeBooked)
        changes += withdrawCafeLetters(work, now: now)
        let context = Notifications.CafeContext(booking: moved, cafe: cafe, volunteer: volunteer)
        changes += letters(
            notifications.cafeBooking(
                neverConfirmed ? .cafeBooked : .cafeMoved, context, caseID: id, intake: work.snapshot.intake,
                representative: work.snapshot.representative, receivedAt: work.snapshot.receivedAt, at: now
            ),
            caseID: id, now: now
        )
        let showName = roster.cafes.volunteersSeeNames
        if old.volunteer != moved.volunteer {
            let oldContext = Notifications.CafeContext(booking: old, cafe: cafe, volunteer: roster.cafes.volunteers[old.volunteer])
            changes.append(.enqueue(notifications.volunteerBookingCancelled(oldContext, moved: true, at: now)))
            changes.append(.enqueue(notifications.volunteerBooking(context, intake: work.snapshot.intake, moved: false, showName: showName, at: now)))
        } else {
            changes.append(.enqueue(notifications.volunteerBooking(context, intake: work.snapshot.intake, moved: true, showName: showName, at: now)))
        }
        return changes
    }

    /// A volunteer or coordinator marks how the slot went: `attended` or a no-show. Only once the slot
    /// has begun; the case is resolved either way.
    ///
    /// - Parameter volunteer: the volunteer marking it themselves: refused unless the booking is theirs
    ///   (checked first, so another's booking tells them nothing of its state). Nil for a coordinator.
    package func markBooking(
        _ work: CafeWork, attended: Bool, note: String?, by actor: String, volunteer: VolunteerID? = nil, now: Date
    ) -> Result<[CaseChange], CafeRefusal> {
        if let volunteer, work.booking.volunteer != volunteer {
            return .failure(CafeRefusal(.notYours, "booking \(work.booking.id) is another volunteer's"))
        }
        guard work.booking.state == .booked else { return .failure(CafeRefusal(.conflict, "booking \(work.booking.id) is \(work.booking.state.rawValue)")) }
        guard now >= work.booking.start else { return .failure(CafeRefusal(.conflict, "the slot has not begun yet")) }
        var marked = work.booking
        marked.state = attended ? .attended : .noShow
        marked.updatedAt = now
        marked.updatedBy = actor
        let id = work.snapshot.id
        var changes: [CaseChange] = [
            .updateBooking(marked),
            .appendEvent(id, CaseEvent(
                at: now, kind: attended ? .bookingAttended : .bookingNoShow, actor: actor,
                detail: CaseEventDetail(
                    reason: note.map(CPRMasking.masked), until: marked.start, booking: marked.id, cafe: marked.cafe, volunteer: marked.volunteer
                )
            )),
            .updateCase(id, state: .resolved, progress: nil),
        ]
        changes += withdrawCafeLetters(CafeWork(booking: marked, snapshot: work.snapshot, pending: work.pending.intersection([.cafeReminder])), now: now)
        return .success(changes)
    }

    /// A closure added at runtime: every booking it covers that has not begun is moved to the earliest
    /// slot that fits its case, or, when none does, cancelled with a message and its case sent to the
    /// route's fallback policy. Never silently: each booking's trail says which.
    package func closeCafe(_ closure: CafeClosure, bookings: [CafeWork], occupancy: CafeOccupancy, by actor: String, now: Date) -> [CaseChange] {
        guard let cafe = roster.cafes.cafes[closure.cafe] else { return [] }
        var occupancy = occupancy
        occupancy.closures.append(closure)
        let why = "\(cafe.name) is closed \(closure.first == closure.last ? "on \(closure.first)" : "from \(closure.first) to \(closure.last)"): \(closure.reason)"
        let covered = bookings.filter { work in
            work.booking.state == .booked && work.booking.cafe == cafe.id && work.booking.start > now && closure.covers(cafe.date(of: work.booking.start))
        }
        return relocate(covered.map { ($0, why, .closed(reason: closure.reason)) }, occupancy: &occupancy, by: actor, now: now)
    }

    /// After the configuration changed (a reload, or a start after `cafe.yaml` was edited while the
    /// daemon was stopped): each booking that no longer holds an open slot of its café (a closed day, a
    /// session or volunteer gone; ``CafeDirectory/displacement(of:occupancy:now:)``) is moved to the
    /// earliest slot that fits its case, or cancelled with its case sent to the route's fallback policy,
    /// with the same messages as a runtime closure. Bookings that still fit are left alone, so planning
    /// again after these changes are applied changes nothing.
    ///
    /// - Parameter bookings: the bookings to judge (those the directory found displaced), with their cases.
    package func rehome(_ bookings: [CafeWork], occupancy: CafeOccupancy, now: Date) -> [CaseChange] {
        var occupancy = occupancy
        let displaced = bookings.sorted { ($0.booking.start, $0.booking.id) < ($1.booking.start, $1.booking.id) }.compactMap { work in
            roster.cafes.displacement(of: work.booking, occupancy: occupancy, now: now).map { displacement -> (CafeWork, String, CafeCancellation) in
                switch displacement.cause {
                case .closed(let reason): (work, displacement.description, .closed(reason: reason))
                case .noSlot, .volunteer: (work, displacement.description, .rearranged)
                }
            }
        }
        return relocate(displaced, occupancy: &occupancy, by: "system", now: now)
    }

    /// Each booking moved to the earliest slot that fits its case (its preferences kept), or cancelled
    /// with `cancellation` and its case sent back to routing when none does; `occupancy` counts each
    /// move for the next. `why` starts the booking's line in the trail.
    func relocate(
        _ items: [(work: CafeWork, why: String, cancellation: CafeCancellation)], occupancy: inout CafeOccupancy, by actor: String, now: Date
    ) -> [CaseChange] {
        var changes: [CaseChange] = []
        for (work, why, cancellation) in items {
            guard let cafe = roster.cafes.cafes[work.booking.cafe] else { continue }
            let intake = work.snapshot.intake
            let search = SlotSearch(cafe: cafe, directory: roster.cafes, occupancy: occupancy)
            let request = SlotSearch.Request(topics: intake.topics, language: intake.language, preferences: intake.preferences, moving: work.booking.id)
            let planned: [CaseChange]
            switch search.earliest(for: request, now: now) {
            case .found(let choice):
                planned = move(work, to: choice, cafe: cafe, reason: why, by: actor, now: now)
            case .none(let reason):
                planned = release(work, reason: "\(why); \(reason)", cancellation: cancellation, by: actor, now: now)
                    + [.updateCase(work.snapshot.id, state: .routing, progress: nil)]
            }
            for change in planned {
                if case .updateBooking(let booking) = change { occupancy.record(booking) }
            }
            changes += planned
        }
        return changes
    }

    func slotStamp(_ instant: Date, _ cafe: Cafe) -> String { SlotSearch.stamp(instant, cafe.timeZone) }

    func volunteerLabel(_ volunteer: Volunteer?, _ id: VolunteerID) -> String {
        volunteer.map { "\($0.name) (\($0.organisation))" } ?? id.rawValue
    }
}
